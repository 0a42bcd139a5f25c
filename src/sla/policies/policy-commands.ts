import { getTeam } from '../../accounts/index.ts';
import { AppError, type Actor } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { validateCalendar } from '../calendar/index.ts';
import { recomputeClocks } from '../clocks/recompute-clocks.ts';
import { runningClocksOfPolicy } from '../clocks/clock-store.ts';
import { checkPolicy, type PolicyInput } from './policy-rules.ts';
import { findCalendar, findPolicy, listCalendarRows, listPolicyRows, saveCalendar, savePolicy, setTeamCalendar, teamCalendars, type SlaCalendar, type SlaPolicy } from './policy-store.ts';

const taken = (error: unknown) => /unique|duplicate/i.test((error as Error).message);

async function assertCalendar(ctx: CommandContext, workspaceId: string, id: string | null): Promise<void> {
  if (id && !(await findCalendar(ctx.db, workspaceId, id))) throw new AppError('SLA_CALENDAR_NOT_FOUND', 'no such calendar');
}

export async function createPolicy(ctx: CommandContext, workspaceId: string, input: PolicyInput, actor: Actor): Promise<SlaPolicy> {
  const checked = checkPolicy(input);
  await assertCalendar(ctx, workspaceId, checked.calendarId);
  return transact(ctx, async (tx) => {
    const position = (await listPolicyRows(tx.sql, workspaceId)).reduce((max, p) => Math.max(max, p.position), 0) + 1;
    const policy: SlaPolicy = { id: tx.newId(), workspaceId, ...checked, position, createdAt: tx.now, updatedAt: tx.now };
    try {
      await savePolicy(tx.sql, policy);
    } catch (error) {
      if (taken(error)) throw new AppError('SLA_POLICY_NAME_TAKEN', `a policy is already called ${checked.name}`);
      throw error;
    }
    tx.emit({ type: 'sla_policy.created', workspaceId, subjectType: 'sla_policy', subjectId: policy.id, actor, payload: { name: policy.name } });
    return policy;
  });
}

/** Edits apply to clocks that start from now on; running ones change only through recomputePolicy. */
export async function changePolicy(ctx: CommandContext, workspaceId: string, id: string, change: Partial<PolicyInput>, actor: Actor): Promise<SlaPolicy> {
  const current = await findPolicy(ctx.db, workspaceId, id);
  if (!current) throw new AppError('SLA_POLICY_NOT_FOUND', 'no such policy');
  const checked = checkPolicy({ ...current, ...change });
  await assertCalendar(ctx, workspaceId, checked.calendarId);
  return transact(ctx, async (tx) => {
    const policy: SlaPolicy = { ...current, ...checked, updatedAt: tx.now };
    try {
      await savePolicy(tx.sql, policy);
    } catch (error) {
      if (taken(error)) throw new AppError('SLA_POLICY_NAME_TAKEN', `a policy is already called ${checked.name}`);
      throw error;
    }
    tx.emit({ type: 'sla_policy.changed', workspaceId, subjectType: 'sla_policy', subjectId: id, actor, payload: { name: policy.name } });
    return policy;
  });
}

/** The order policies are tried in: every policy of the workspace, each once. */
export async function reorderPolicies(ctx: CommandContext, workspaceId: string, ids: readonly string[], actor: Actor): Promise<SlaPolicy[]> {
  return transact(ctx, async (tx) => {
    const all = await listPolicyRows(tx.sql, workspaceId);
    if (ids.length !== all.length || new Set(ids).size !== ids.length || !all.every((p) => ids.includes(p.id))) {
      throw new AppError('VALIDATION_FAILED', 'give every policy id of this workspace exactly once');
    }
    const ordered = ids.map((id, i) => ({ ...all.find((p) => p.id === id)!, position: i + 1, updatedAt: tx.now }));
    for (const p of ordered) await savePolicy(tx.sql, p);
    tx.emit({ type: 'sla_policy.reordered', workspaceId, subjectType: 'workspace', subjectId: workspaceId, actor, payload: { ids: [...ids] } });
    return ordered;
  });
}

/** Running clocks under this policy take its current targets, calendar and steps; returns how many conversations changed. */
export async function recomputePolicy(ctx: CommandContext, workspaceId: string, id: string): Promise<number> {
  if (!(await findPolicy(ctx.db, workspaceId, id))) throw new AppError('SLA_POLICY_NOT_FOUND', 'no such policy');
  const conversations = await runningClocksOfPolicy(ctx.db, workspaceId, id);
  for (const conversationId of conversations) await recomputeClocks(ctx, workspaceId, conversationId, { refreshPolicyId: id });
  return conversations.length;
}

export async function listPolicies(ctx: CommandContext, workspaceId: string): Promise<SlaPolicy[]> {
  return listPolicyRows(ctx.db, workspaceId);
}

export interface CalendarInput {
  name: string;
  calendar: unknown;
  isDefault?: boolean | undefined;
}

function checkCalendarName(name: string): string {
  const n = name.trim();
  if (!n || n.length > 100) throw new AppError('VALIDATION_FAILED', 'name: must have 1 to 100 characters', { path: 'name' });
  return n;
}

export async function saveSlaCalendar(ctx: CommandContext, workspaceId: string, id: string | null, input: CalendarInput, actor: Actor): Promise<SlaCalendar> {
  const calendar = validateCalendar(input.calendar);
  const name = checkCalendarName(input.name);
  const current = id ? await findCalendar(ctx.db, workspaceId, id) : null;
  if (id && !current) throw new AppError('SLA_CALENDAR_NOT_FOUND', 'no such calendar');
  return transact(ctx, async (tx) => {
    const saved: SlaCalendar = {
      id: current?.id ?? tx.newId(), workspaceId, name, calendar, isDefault: input.isDefault ?? current?.isDefault ?? false, createdAt: current?.createdAt ?? tx.now, updatedAt: tx.now,
    };
    try {
      await saveCalendar(tx.sql, saved);
    } catch (error) {
      if (taken(error)) throw new AppError('SLA_CALENDAR_NAME_TAKEN', `a calendar is already called ${name}`);
      throw error;
    }
    tx.emit({ type: current ? 'sla_calendar.changed' : 'sla_calendar.created', workspaceId, subjectType: 'sla_calendar', subjectId: saved.id, actor, payload: { name } });
    return saved;
  });
}

export async function listSlaCalendars(ctx: CommandContext, workspaceId: string): Promise<SlaCalendar[]> {
  return listCalendarRows(ctx.db, workspaceId);
}

export async function assignTeamCalendar(ctx: CommandContext, workspaceId: string, teamId: string, calendarId: string | null, actor: Actor): Promise<void> {
  await getTeam(ctx, workspaceId, teamId);
  await assertCalendar(ctx, workspaceId, calendarId);
  await transact(ctx, async (tx) => {
    await setTeamCalendar(tx.sql, workspaceId, teamId, calendarId);
    tx.emit({ type: 'sla_calendar.team_assigned', workspaceId, subjectType: 'team', subjectId: teamId, actor, payload: { calendarId } });
  });
}

export async function listTeamCalendars(ctx: CommandContext, workspaceId: string): Promise<{ teamId: string; calendarId: string }[]> {
  return [...(await teamCalendars(ctx.db, workspaceId))].map(([teamId, calendarId]) => ({ teamId, calendarId }));
}
