import type { Sql } from '../../platform/db/index.ts';
import type { BusinessCalendar } from '../calendar/index.ts';
import type { EscalationStep, PolicyConditions, PolicyTargets } from './policy-rules.ts';

export interface SlaPolicy {
  id: string;
  workspaceId: string;
  name: string;
  position: number;
  conditions: PolicyConditions;
  targets: PolicyTargets;
  escalation: EscalationStep[];
  calendarId: string | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SlaCalendar {
  id: string;
  workspaceId: string;
  name: string;
  calendar: BusinessCalendar;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

interface PolicyRow extends Record<string, unknown> {
  id: string; workspace_id: string; name: string; position: number; conditions: PolicyConditions; targets: PolicyTargets; escalation: EscalationStep[];
  calendar_id: string | null; enabled: boolean; created_at: Date; updated_at: Date;
}
interface CalendarRow extends Record<string, unknown> {
  id: string; workspace_id: string; name: string; calendar: BusinessCalendar; is_default: boolean; created_at: Date; updated_at: Date;
}

const toPolicy = (r: PolicyRow): SlaPolicy => ({
  id: r.id, workspaceId: r.workspace_id, name: r.name, position: r.position, conditions: r.conditions, targets: r.targets, escalation: r.escalation,
  calendarId: r.calendar_id, enabled: r.enabled, createdAt: r.created_at, updatedAt: r.updated_at,
});
const toCalendar = (r: CalendarRow): SlaCalendar => ({
  id: r.id, workspaceId: r.workspace_id, name: r.name, calendar: r.calendar, isDefault: r.is_default, createdAt: r.created_at, updatedAt: r.updated_at,
});

export async function listPolicyRows(sql: Sql, workspaceId: string): Promise<SlaPolicy[]> {
  return (await sql.query<PolicyRow>('select * from sla_policies where workspace_id = $1 order by position, created_at', [workspaceId])).map(toPolicy);
}

export async function findPolicy(sql: Sql, workspaceId: string, id: string, forUpdate = false): Promise<SlaPolicy | null> {
  const rows = await sql.query<PolicyRow>(`select * from sla_policies where workspace_id = $1 and id = $2${forUpdate ? ' for update' : ''}`, [workspaceId, id]);
  return rows[0] ? toPolicy(rows[0]) : null;
}

export async function savePolicy(sql: Sql, p: SlaPolicy): Promise<void> {
  await sql.query(
    `insert into sla_policies (id, workspace_id, name, position, conditions, targets, escalation, calendar_id, enabled, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (id) do update set name = $3, position = $4, conditions = $5, targets = $6, escalation = $7, calendar_id = $8, enabled = $9, updated_at = $11`,
    [p.id, p.workspaceId, p.name, p.position, p.conditions, p.targets, JSON.stringify(p.escalation), p.calendarId, p.enabled, p.createdAt, p.updatedAt],
  );
}

export async function listCalendarRows(sql: Sql, workspaceId: string): Promise<SlaCalendar[]> {
  return (await sql.query<CalendarRow>('select * from sla_calendars where workspace_id = $1 order by name', [workspaceId])).map(toCalendar);
}

export async function findCalendar(sql: Sql, workspaceId: string, id: string): Promise<SlaCalendar | null> {
  const rows = await sql.query<CalendarRow>('select * from sla_calendars where workspace_id = $1 and id = $2', [workspaceId, id]);
  return rows[0] ? toCalendar(rows[0]) : null;
}

export async function saveCalendar(sql: Sql, c: SlaCalendar): Promise<void> {
  // Only one default per workspace: making this one the default takes it from the others first.
  if (c.isDefault) await sql.query('update sla_calendars set is_default = false where workspace_id = $1 and id <> $2 and is_default', [c.workspaceId, c.id]);
  await sql.query(
    `insert into sla_calendars (id, workspace_id, name, calendar, is_default, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (id) do update set name = $3, calendar = $4, is_default = $5, updated_at = $7`,
    [c.id, c.workspaceId, c.name, c.calendar, c.isDefault, c.createdAt, c.updatedAt],
  );
}

export async function setTeamCalendar(sql: Sql, workspaceId: string, teamId: string, calendarId: string | null): Promise<void> {
  if (calendarId === null) await sql.query('delete from sla_team_calendars where team_id = $1 and workspace_id = $2', [teamId, workspaceId]);
  else {
    await sql.query(
      'insert into sla_team_calendars (team_id, workspace_id, calendar_id) values ($1, $2, $3) on conflict (team_id) do update set calendar_id = $3', [teamId, workspaceId, calendarId],
    );
  }
}

export async function teamCalendars(sql: Sql, workspaceId: string): Promise<Map<string, string>> {
  const rows = await sql.query<{ team_id: string; calendar_id: string }>('select team_id, calendar_id from sla_team_calendars where workspace_id = $1', [workspaceId]);
  return new Map(rows.map((r) => [r.team_id, r.calendar_id]));
}

/** The calendar a clock counts in: the policy's own, else the team's, else the workspace default, else 24/7 UTC. */
export async function calendarFor(sql: Sql, workspaceId: string, policy: Pick<SlaPolicy, 'calendarId'>, teamId: string | null): Promise<BusinessCalendar> {
  const id = policy.calendarId ?? (teamId ? (await teamCalendars(sql, workspaceId)).get(teamId) : undefined);
  if (id) {
    const found = await findCalendar(sql, workspaceId, id);
    if (found) return found.calendar;
  }
  const fallback = await sql.query<CalendarRow>('select * from sla_calendars where workspace_id = $1 and is_default', [workspaceId]);
  return fallback[0]?.calendar ?? { timeZone: 'UTC', alwaysOpen: true };
}
