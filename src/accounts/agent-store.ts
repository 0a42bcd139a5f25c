import type { Role } from '../kernel/index.ts';
import type { Sql } from '../platform/db/index.ts';
import type { Agent, AgentStatus, Capacity, LanguageSkill, Skill } from './agent-rules.ts';

interface AgentRow extends Record<string, unknown> {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  time_zone: string;
  status: AgentStatus;
  skills: Skill[];
  languages: LanguageSkill[];
  capacity: Capacity;
  active: boolean;
  deactivated_at: Date | null;
  team_ids: string[] | null;
  created_at: Date;
  updated_at: Date;
}

const selectAgents = `
  select a.*, coalesce((select array_agg(m.team_id order by m.team_id) from team_members m where m.agent_id = a.id), '{}') as team_ids
  from agents a`;

const toAgent = (r: AgentRow): Agent => ({
  id: r.id,
  workspaceId: r.workspace_id,
  email: r.email,
  name: r.name,
  role: r.role,
  timeZone: r.time_zone,
  status: r.status,
  skills: r.skills,
  languages: r.languages,
  capacity: r.capacity,
  teamIds: r.team_ids ?? [],
  active: r.active,
  deactivatedAt: r.deactivated_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function findAgent(sql: Sql, workspaceId: string, id: string, forUpdate = false): Promise<Agent | null> {
  const rows = await sql.query<AgentRow>(`${selectAgents} where a.workspace_id = $1 and a.id = $2${forUpdate ? ' for update of a' : ''}`, [workspaceId, id]);
  return rows[0] ? toAgent(rows[0]) : null;
}

export async function findAgentByEmail(sql: Sql, email: string): Promise<Agent | null> {
  const rows = await sql.query<AgentRow>(`${selectAgents} where lower(a.email) = lower($1)`, [email]);
  return rows[0] ? toAgent(rows[0]) : null;
}

export async function listAgentRows(sql: Sql, workspaceId: string, after: [string, string] | null, limit: number): Promise<Agent[]> {
  const rows = await sql.query<AgentRow>(
    `${selectAgents} where a.workspace_id = $1 and ($2::timestamptz is null or (a.created_at, a.id) > ($2, $3::uuid))
     order by a.created_at, a.id limit $4`,
    [workspaceId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows.map(toAgent);
}

export async function listOnlineAgentRows(sql: Sql, workspaceId: string): Promise<Agent[]> {
  const rows = await sql.query<AgentRow>(`${selectAgents} where a.workspace_id = $1 and a.active and a.status = 'online' order by a.id`, [workspaceId]);
  return rows.map(toAgent);
}

export async function countOtherActiveAdmins(sql: Sql, workspaceId: string, exceptId: string): Promise<number> {
  const rows = await sql.query<{ n: number }>(
    `select count(*)::int as n from agents where workspace_id = $1 and role = 'admin' and active and id <> $2`,
    [workspaceId, exceptId],
  );
  return rows[0]?.n ?? 0;
}

export async function insertAgent(sql: Sql, a: Agent): Promise<void> {
  await sql.query(
    `insert into agents (id, workspace_id, email, name, role, time_zone, status, skills, languages, capacity, active, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [a.id, a.workspaceId, a.email, a.name, a.role, a.timeZone, a.status, JSON.stringify(a.skills), JSON.stringify(a.languages), a.capacity, a.active, a.createdAt, a.updatedAt],
  );
}

export async function saveAgent(sql: Sql, a: Agent): Promise<void> {
  await sql.query(
    `update agents set email = $2, name = $3, role = $4, time_zone = $5, status = $6, skills = $7, languages = $8,
       capacity = $9, active = $10, updated_at = $11, deactivated_at = $12 where id = $1`,
    [a.id, a.email, a.name, a.role, a.timeZone, a.status, JSON.stringify(a.skills), JSON.stringify(a.languages), a.capacity, a.active, a.updatedAt, a.deactivatedAt],
  );
}

export async function emailInUse(sql: Sql, email: string, exceptId: string | null): Promise<boolean> {
  const rows = await sql.query('select 1 from agents where lower(email) = lower($1) and ($2::uuid is null or id <> $2)', [email, exceptId]);
  return rows.length > 0;
}
