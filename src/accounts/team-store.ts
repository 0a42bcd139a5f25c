import type { Sql } from '../platform/db/index.ts';

export interface Team {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

interface TeamRow extends Record<string, unknown> {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  member_ids: string[] | null;
  created_at: Date;
  updated_at: Date;
}

const selectTeams = `
  select t.*, coalesce((select array_agg(m.agent_id order by m.agent_id) from team_members m where m.team_id = t.id), '{}') as member_ids
  from teams t`;

const toTeam = (r: TeamRow): Team => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  description: r.description,
  memberIds: r.member_ids ?? [],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function findTeam(sql: Sql, workspaceId: string, id: string): Promise<Team | null> {
  const rows = await sql.query<TeamRow>(`${selectTeams} where t.workspace_id = $1 and t.id = $2`, [workspaceId, id]);
  return rows[0] ? toTeam(rows[0]) : null;
}

export async function listTeamRows(sql: Sql, workspaceId: string, after: [string, string] | null, limit: number): Promise<Team[]> {
  const rows = await sql.query<TeamRow>(
    `${selectTeams} where t.workspace_id = $1 and ($2::text is null or (lower(t.name), t.id) > ($2, $3::uuid))
     order by lower(t.name), t.id limit $4`,
    [workspaceId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows.map(toTeam);
}

export async function teamNameInUse(sql: Sql, workspaceId: string, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await sql.query(
    'select 1 from teams where workspace_id = $1 and lower(name) = lower($2) and ($3::uuid is null or id <> $3)',
    [workspaceId, name, exceptId],
  );
  return rows.length > 0;
}

export async function insertTeam(sql: Sql, t: Team): Promise<void> {
  await sql.query('insert into teams (id, workspace_id, name, description, created_at, updated_at) values ($1, $2, $3, $4, $5, $6)', [
    t.id, t.workspaceId, t.name, t.description, t.createdAt, t.updatedAt,
  ]);
  await replaceMembers(sql, t.id, t.memberIds);
}

export async function saveTeam(sql: Sql, t: Team): Promise<void> {
  await sql.query('update teams set name = $2, description = $3, updated_at = $4 where id = $1', [t.id, t.name, t.description, t.updatedAt]);
  await replaceMembers(sql, t.id, t.memberIds);
}

async function replaceMembers(sql: Sql, teamId: string, agentIds: readonly string[]): Promise<void> {
  await sql.query('delete from team_members where team_id = $1', [teamId]);
  if (agentIds.length > 0) {
    await sql.query('insert into team_members (team_id, agent_id) select $1, unnest($2::uuid[])', [teamId, agentIds]);
  }
}

/** Which of these ids exist in the workspace (to refuse unknown members or teams with a clear error). */
async function existingIds(sql: Sql, table: 'agents' | 'teams', workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>(`select id from ${table} where workspace_id = $1 and id = any($2::uuid[])`, [workspaceId, ids]);
  return new Set(rows.map((r) => r.id));
}

export const existingAgentIds = (sql: Sql, workspaceId: string, ids: readonly string[]) => existingIds(sql, 'agents', workspaceId, ids);
export const existingTeamIds = (sql: Sql, workspaceId: string, ids: readonly string[]) => existingIds(sql, 'teams', workspaceId, ids);

export async function setAgentTeams(sql: Sql, agentId: string, teamIds: readonly string[]): Promise<void> {
  await sql.query('delete from team_members where agent_id = $1', [agentId]);
  if (teamIds.length > 0) {
    await sql.query('insert into team_members (team_id, agent_id) select unnest($2::uuid[]), $1', [agentId, teamIds]);
  }
}
