import type { Sql } from '../../platform/db/index.ts';
import type { WeeklyWindow } from '../decision/routing-types-rules.ts';

export interface AgentSchedule {
  agentId: string;
  shifts: WeeklyWindow[];
  onCallExpert: boolean;
}

export interface TeamRoutingSettings {
  teamId: string;
  overflowTo: string | null;
  overflowAfterSeconds: number;
  hours: { timeZone: string; windows: WeeklyWindow[] } | null;
  onCallTeamId: string | null;
}

export const defaultTeamRouting = (teamId: string): TeamRoutingSettings => ({ teamId, overflowTo: null, overflowAfterSeconds: 120, hours: null, onCallTeamId: null });

export async function listAgentSchedules(sql: Sql, workspaceId: string): Promise<Map<string, AgentSchedule>> {
  const rows = await sql.query('select * from agent_schedules where workspace_id = $1', [workspaceId]);
  return new Map(rows.map((r) => [r.agent_id as string, { agentId: r.agent_id as string, shifts: r.shifts as WeeklyWindow[], onCallExpert: r.on_call_expert as boolean }]));
}

export async function saveAgentSchedule(sql: Sql, workspaceId: string, s: AgentSchedule, at: Date): Promise<void> {
  await sql.query(
    `insert into agent_schedules (agent_id, workspace_id, shifts, on_call_expert, updated_at) values ($1, $2, $3, $4, $5)
     on conflict (agent_id) do update set shifts = excluded.shifts, on_call_expert = excluded.on_call_expert, updated_at = excluded.updated_at`,
    [s.agentId, workspaceId, JSON.stringify(s.shifts), s.onCallExpert, at],
  );
}

export async function listTeamRouting(sql: Sql, workspaceId: string): Promise<Map<string, TeamRoutingSettings>> {
  const rows = await sql.query('select * from team_routing where workspace_id = $1', [workspaceId]);
  return new Map(rows.map((r) => [r.team_id as string, {
    teamId: r.team_id as string, overflowTo: (r.overflow_to as string | null) ?? null, overflowAfterSeconds: Number(r.overflow_after_seconds),
    hours: (r.hours as TeamRoutingSettings['hours']) ?? null, onCallTeamId: (r.on_call_team_id as string | null) ?? null,
  }]));
}

export async function saveTeamRouting(sql: Sql, workspaceId: string, t: TeamRoutingSettings, at: Date): Promise<void> {
  await sql.query(
    `insert into team_routing (team_id, workspace_id, overflow_to, overflow_after_seconds, hours, on_call_team_id, updated_at) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (team_id) do update set overflow_to = excluded.overflow_to, overflow_after_seconds = excluded.overflow_after_seconds,
       hours = excluded.hours, on_call_team_id = excluded.on_call_team_id, updated_at = excluded.updated_at`,
    [t.teamId, workspaceId, t.overflowTo, t.overflowAfterSeconds, t.hours ? JSON.stringify(t.hours) : null, t.onCallTeamId, at],
  );
}

export async function lastAssignments(sql: Sql, workspaceId: string): Promise<Map<string, Date>> {
  const rows = await sql.query<{ agent_id: string; last_assigned_at: Date }>('select agent_id, last_assigned_at from routing_agent_state where workspace_id = $1', [workspaceId]);
  return new Map(rows.map((r) => [r.agent_id, r.last_assigned_at]));
}

export async function noteAssignment(sql: Sql, workspaceId: string, agentId: string, at: Date): Promise<void> {
  await sql.query(
    `insert into routing_agent_state (agent_id, workspace_id, last_assigned_at) values ($1, $2, $3)
     on conflict (agent_id) do update set last_assigned_at = greatest(routing_agent_state.last_assigned_at, excluded.last_assigned_at)`,
    [agentId, workspaceId, at],
  );
}

export async function waitingSince(sql: Sql, workspaceId: string): Promise<Map<string, Date>> {
  const rows = await sql.query<{ conversation_id: string; since: Date }>('select conversation_id, since from routing_waits where workspace_id = $1', [workspaceId]);
  return new Map(rows.map((r) => [r.conversation_id, r.since]));
}

/** A conversation started (again) to wait for an agent. */
export async function startWait(sql: Sql, workspaceId: string, conversationId: string, since: Date): Promise<void> {
  await sql.query(
    `insert into routing_waits (conversation_id, workspace_id, since) values ($1, $2, $3) on conflict (conversation_id) do update set since = excluded.since`,
    [conversationId, workspaceId, since],
  );
}

export async function endWait(sql: Sql, conversationId: string): Promise<void> {
  await sql.query('delete from routing_waits where conversation_id = $1', [conversationId]);
}
