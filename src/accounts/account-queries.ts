import { AppError, decodeCursor, toPage, type PageResult } from '../kernel/index.ts';
import type { QueryContext } from '../platform/outbox/index.ts';
import type { Agent, CapacityChannel } from './agent-rules.ts';
import { findAgent, findAgentByEmail, listAgentRows, listOnlineAgentRows } from './agent-store.ts';
import { findTeam, listTeamRows, type Team } from './team-store.ts';

export async function getAgent(ctx: QueryContext, workspaceId: string, id: string): Promise<Agent> {
  const agent = await findAgent(ctx.db, workspaceId, id);
  if (!agent) throw new AppError('AGENT_NOT_FOUND', 'no such agent');
  return agent;
}

/** For sign-in, which knows an email before it knows the workspace. */
export async function getAgentByEmail(ctx: QueryContext, email: string): Promise<Agent | null> {
  return findAgentByEmail(ctx.db, email);
}

export async function listAgents(ctx: QueryContext, workspaceId: string, page: { limit: number; cursor?: string | undefined }): Promise<PageResult<Agent>> {
  const after = decodeCursor(page.cursor, ['string', 'string']) as [string, string] | null;
  const rows = await listAgentRows(ctx.db, workspaceId, after, page.limit + 1);
  return toPage(rows, page.limit, (a) => [a.createdAt.toISOString(), a.id]);
}

export async function getTeam(ctx: QueryContext, workspaceId: string, id: string): Promise<Team> {
  const team = await findTeam(ctx.db, workspaceId, id);
  if (!team) throw new AppError('TEAM_NOT_FOUND', 'no such team');
  return team;
}

/** Active agents who are online now and take work on this channel. */
export async function listAvailableAgents(ctx: QueryContext, workspaceId: string, channel: CapacityChannel): Promise<Agent[]> {
  const agents = await listOnlineAgentRows(ctx.db, workspaceId);
  return agents.filter((a) => a.capacity[channel] > 0);
}

/** Teams in name order. */
export async function listTeams(ctx: QueryContext, workspaceId: string, page: { limit: number; cursor?: string | undefined }): Promise<PageResult<Team>> {
  const after = decodeCursor(page.cursor, ['string', 'string']) as [string, string] | null;
  const rows = await listTeamRows(ctx.db, workspaceId, after, page.limit + 1);
  return toPage(rows, page.limit, (t) => [t.name.toLowerCase(), t.id]);
}
