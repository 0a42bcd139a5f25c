import { AppError, type Actor, type Role } from '../kernel/index.ts';
import { transact, type CommandContext, type Tx } from '../platform/outbox/index.ts';
import { assertTimeZone } from '../workspaces/index.ts';
import {
  assertKeepsAnAdmin,
  defaultCapacity,
  normalizeEmail,
  normalizeLanguages,
  normalizeSkills,
  type Agent,
  type AgentStatus,
  type Capacity,
  type LanguageSkill,
  type Skill,
} from './agent-rules.ts';
import { countOtherActiveAdmins, emailInUse, findAgent, insertAgent, saveAgent } from './agent-store.ts';
import { existingTeamIds, setAgentTeams } from './team-store.ts';

export interface NewAgentInput {
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  timeZone?: string;
  skills?: Skill[];
  languages?: LanguageSkill[];
  capacity?: Partial<Capacity>;
  teamIds?: string[];
}

async function assertTeamsExist(tx: Tx, workspaceId: string, teamIds: readonly string[]): Promise<void> {
  const found = await existingTeamIds(tx.sql, workspaceId, teamIds);
  const missing = teamIds.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('TEAM_NOT_FOUND', `no team ${missing.join(', ')} in this workspace`);
}

/** Inside a caller's transaction, so auth can add the password in the same commit. */
export async function createAgentIn(tx: Tx, input: NewAgentInput, actor: Actor): Promise<Agent> {
  const email = normalizeEmail(input.email);
  if (await emailInUse(tx.sql, email, null)) throw new AppError('EMAIL_TAKEN', `an agent with email ${email} already exists`);
  const teamIds = [...new Set(input.teamIds ?? [])];
  await assertTeamsExist(tx, input.workspaceId, teamIds);
  const agent: Agent = {
    id: tx.newId(),
    workspaceId: input.workspaceId,
    email,
    name: input.name.trim(),
    role: input.role,
    timeZone: assertTimeZone(input.timeZone ?? 'UTC'),
    status: 'offline',
    skills: normalizeSkills(input.skills ?? []),
    languages: normalizeLanguages(input.languages ?? []),
    capacity: { ...defaultCapacity, ...input.capacity },
    teamIds: teamIds.sort(),
    active: true,
    deactivatedAt: null,
    createdAt: tx.now,
    updatedAt: tx.now,
  };
  await insertAgent(tx.sql, agent);
  await setAgentTeams(tx.sql, agent.id, agent.teamIds);
  tx.emit({ type: 'agent.created', workspaceId: agent.workspaceId, subjectType: 'agent', subjectId: agent.id, actor, payload: { role: agent.role, email } });
  return agent;
}

export interface AgentChange {
  email?: string;
  name?: string;
  role?: Role;
  timeZone?: string;
  skills?: Skill[];
  languages?: LanguageSkill[];
  capacity?: Partial<Capacity>;
  teamIds?: string[];
  active?: boolean;
}

export async function changeAgent(ctx: CommandContext, workspaceId: string, id: string, change: AgentChange, actor: Actor): Promise<Agent> {
  return transact(ctx, async (tx) => {
    const current = await findAgent(tx.sql, workspaceId, id, true);
    if (!current) throw new AppError('AGENT_NOT_FOUND', 'no such agent');
    const email = change.email === undefined ? current.email : normalizeEmail(change.email);
    if (email !== current.email && (await emailInUse(tx.sql, email, id))) {
      throw new AppError('EMAIL_TAKEN', `an agent with email ${email} already exists`);
    }
    const next: Agent = {
      ...current,
      email,
      name: change.name?.trim() ?? current.name,
      role: change.role ?? current.role,
      timeZone: change.timeZone === undefined ? current.timeZone : assertTimeZone(change.timeZone),
      skills: change.skills ? normalizeSkills(change.skills) : current.skills,
      languages: change.languages ? normalizeLanguages(change.languages) : current.languages,
      capacity: { ...current.capacity, ...change.capacity },
      teamIds: change.teamIds ? [...new Set(change.teamIds)].sort() : current.teamIds,
      active: change.active ?? current.active,
      updatedAt: tx.now,
    };
    if (current.active && !next.active) {
      next.status = 'offline';
      next.deactivatedAt = tx.now;
    }
    assertKeepsAnAdmin(current, next, await countOtherActiveAdmins(tx.sql, workspaceId, id));
    if (change.teamIds) {
      await assertTeamsExist(tx, workspaceId, next.teamIds);
      await setAgentTeams(tx.sql, id, next.teamIds);
    }
    await saveAgent(tx.sql, next);
    tx.emit({ type: 'agent.updated', workspaceId, subjectType: 'agent', subjectId: id, actor, payload: { fields: Object.keys(change) } });
    return next;
  });
}

export async function setAgentStatus(ctx: CommandContext, workspaceId: string, id: string, status: AgentStatus, actor: Actor): Promise<Agent> {
  return transact(ctx, async (tx) => {
    const current = await findAgent(tx.sql, workspaceId, id, true);
    if (!current) throw new AppError('AGENT_NOT_FOUND', 'no such agent');
    if (!current.active) throw new AppError('AGENT_INACTIVE', 'this agent is deactivated');
    if (current.status === status) return current;
    const next = { ...current, status, updatedAt: tx.now };
    await saveAgent(tx.sql, next);
    tx.emit({ type: 'agent.status_changed', workspaceId, subjectType: 'agent', subjectId: id, actor, payload: { from: current.status, to: status } });
    return next;
  });
}

export async function createAgent(ctx: CommandContext, input: NewAgentInput, actor: Actor): Promise<Agent> {
  return transact(ctx, (tx) => createAgentIn(tx, input, actor));
}
