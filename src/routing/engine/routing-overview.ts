/**
 * The supervisor's picture: queues with their waiting counts and ages, agents with their load and
 * occupancy, and for every waiting conversation the reason nobody has it yet (from a dry run of
 * the same decision the engine makes).
 */
import type { CommandContext } from '../../platform/outbox/index.ts';
import { decideAssignments } from '../decision/decide-assignments.ts';
import { resolvePolicy, type RoutingPolicyOverrides } from '../decision/routing-policy-rules.ts';
import { loadRoutingState, type StateOptions } from './routing-state.ts';

export interface QueueSummary {
  teamId: string | null;
  channel: string;
  waiting: number;
  oldestWaitSeconds: number;
}

export interface AgentSummary {
  id: string;
  name: string;
  status: string;
  load: Record<string, number>;
  capacity: Record<string, number>;
  /** Seats in use over seats offered, across channels (0 when the agent offers none). */
  occupancy: number;
}

export interface RoutingOverview {
  queues: QueueSummary[];
  agents: AgentSummary[];
  waiting: { conversationId: string; number: number | null; waitedSeconds: number; wouldGoTo: string | null; reason: string | null }[];
}

export async function routingOverview(ctx: CommandContext, workspaceId: string, options: { policy?: RoutingPolicyOverrides } & StateOptions = {}): Promise<RoutingOverview> {
  const policy = resolvePolicy(options.policy);
  const state = await loadRoutingState(ctx, workspaceId, policy, options);
  const now = ctx.clock();
  const decision = decideAssignments({ now, waiting: state.waiting, agents: state.agents, teams: state.teams, policy: options.policy });
  const queues = new Map<string, QueueSummary>();
  for (const item of state.waiting) {
    const key = `${item.teamId ?? ''}|${item.channel}`;
    const queue = queues.get(key) ?? { teamId: item.teamId, channel: item.channel, waiting: 0, oldestWaitSeconds: 0 };
    queue.waiting += 1;
    queue.oldestWaitSeconds = Math.max(queue.oldestWaitSeconds, Math.round((now.getTime() - item.enqueuedAt.getTime()) / 1000));
    queues.set(key, queue);
  }
  const goesTo = new Map(decision.assignments.map((a) => [a.itemId, a.agentId]));
  const reasons = new Map(decision.unassigned.map((u) => [u.itemId, u.reason]));
  return {
    queues: [...queues.values()].sort((a, b) => b.oldestWaitSeconds - a.oldestWaitSeconds),
    agents: state.agents.map((a) => {
      const offered = Object.values(a.capacity).reduce((s, n) => s + n, 0);
      const used = Object.values(a.load).reduce((s, n) => s + n, 0);
      return { id: a.id, name: state.agentsById.get(a.id)?.name ?? '', status: a.status, load: a.load, capacity: a.capacity, occupancy: offered > 0 ? used / offered : 0 };
    }),
    waiting: [
      ...state.waiting.map((item) => ({
        conversationId: item.id, number: state.conversations.get(item.id)?.number ?? null, waitedSeconds: Math.max(0, Math.round((now.getTime() - item.enqueuedAt.getTime()) / 1000)),
        wouldGoTo: goesTo.get(item.id) ?? null, reason: reasons.get(item.id) ?? null,
      })),
      // Not yet routable: rules have not seen triage's reading of the first message.
      ...state.awaitingTriage.map(({ id, number, since }) => ({
        conversationId: id, number, waitedSeconds: Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)),
        wouldGoTo: null, reason: 'awaiting_triage',
      })),
    ],
  };
}
