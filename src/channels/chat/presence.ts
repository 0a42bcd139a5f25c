/**
 * Presence: an agent whose console has been gone longer than the grace period is set 'away', so
 * routing stops handing them work. Every node touches the rows of the consoles connected to it;
 * any node may sweep. Agents who never opened a console (API integrations) have no row and are
 * left alone. Coming back does not set anyone online: that stays the agent's own choice.
 */
import { getAgent, setAgentStatus } from '../../accounts/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';

export const presenceGraceMs = 90_000;

export async function touchPresence(ctx: CommandContext, agents: readonly { id: string; workspaceId: string }[]): Promise<void> {
  if (agents.length === 0) return;
  const now = ctx.clock();
  for (const agent of agents) {
    await ctx.db.query(
      `insert into agent_presence (agent_id, workspace_id, last_seen_at) values ($1, $2, $3)
       on conflict (agent_id) do update set last_seen_at = greatest(agent_presence.last_seen_at, excluded.last_seen_at)`,
      [agent.id, agent.workspaceId, now],
    );
  }
}

/** Sets 'away' every online agent whose console was last seen before the grace period; says who. */
export async function sweepPresence(ctx: CommandContext, graceMs = presenceGraceMs): Promise<string[]> {
  const before = new Date(ctx.clock().getTime() - graceMs);
  const stale = await ctx.db.query<{ agent_id: string; workspace_id: string }>(
    'delete from agent_presence where last_seen_at < $1 returning agent_id, workspace_id', [before],
  );
  const away: string[] = [];
  for (const row of stale) {
    const agent = await getAgent(ctx, row.workspace_id, row.agent_id).catch(() => null);
    if (agent?.status !== 'online') continue;
    await setAgentStatus(ctx, row.workspace_id, row.agent_id, 'away', { type: 'system' });
    away.push(row.agent_id);
  }
  return away;
}
