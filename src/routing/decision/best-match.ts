import { profileOf } from './agent-index.ts';
import { chooseAgent, decisionContext, previousAgents } from './decision-context.ts';
import { capacityKeyOf, compareRanked, effectivePriority, type RankedItem } from './item-priority-rules.ts';
import { itemNeeds } from './item-needs.ts';
import { assess, candidate, eligibleStage, freeCapacity, type Candidate } from './match-score-rules.ts';
import type { RoutingPolicyOverrides } from './routing-policy-rules.ts';
import { viaOf } from './route-targets-rules.ts';
import type { AgentState, Assignment, Idle, TeamRouting, Unassigned, WaitingItem } from './routing-types-rules.ts';

export interface BestAgentForItemInput {
  now: Date;
  item: WaitingItem;
  agents: readonly AgentState[];
  teams: readonly TeamRouting[];
  policy?: RoutingPolicyOverrides;
}

/** New work arrived: the agent it should go to, by the same rules as the batch, or why nobody. */
export function bestAgentForItem(input: BestAgentForItemInput): Assignment | Unassigned {
  const ctx = decisionContext(input.now, input.agents, input.teams, input.policy);
  const needs = itemNeeds(input.item, ctx.now, ctx.policy, ctx.table);
  const priority = effectivePriority(input.item, input.now, ctx.policy);
  const choice = chooseAgent(needs, ctx);
  if ('reason' in choice) return { itemId: input.item.id, reason: choice.reason, effectivePriority: priority };
  const { candidate: c, previousAgent } = choice;
  return { itemId: input.item.id, agentId: c.agent.id, score: c.score, effectivePriority: priority, via: viaOf(c.target), previousAgent };
}

export interface BestItemForAgentInput {
  now: Date;
  agentId: string;
  waiting: readonly WaitingItem[];
  /** All agents: a waiting item may be held for one of its previous agents. */
  agents: readonly AgentState[];
  teams: readonly TeamRouting[];
  policy?: RoutingPolicyOverrides;
}

/**
 * An agent freed capacity: the waiting item it should take now. The highest effective priority
 * item the agent qualifies for, skipping items held for another previous agent, so no queue stalls
 * while an agent sits idle. One pass; an item that cannot beat the best so far is not examined.
 */
export function bestItemForAgent(input: BestItemForAgentInput): Assignment | Idle {
  const ctx = decisionContext(input.now, input.agents, input.teams, input.policy);
  const state = ctx.index.stateById.get(input.agentId);
  const idle = (reason: Idle['reason']): Idle => ({ agentId: input.agentId, reason });
  if (!state) return idle('agent_unknown');
  if (state.status !== 'online' && state.status !== 'on_call') return idle('agent_not_online');
  const agent = profileOf(ctx.index, state);
  if (!agent.onShift) return idle('agent_off_shift');
  if (!Object.keys(state.capacity).some((key) => freeCapacity(agent, key) > 0)) return idle('agent_at_capacity');

  let best: { ranked: RankedItem; candidate: Candidate; previousAgent: boolean } | null = null;
  for (const item of input.waiting) {
    if (freeCapacity(agent, capacityKeyOf(item.channel, ctx.policy)) <= 0) continue; // cheapest test first
    const ranked = { item, effectivePriority: effectivePriority(item, ctx.now, ctx.policy), enqueuedMs: item.enqueuedAt.getTime() };
    if (best && compareRanked(ranked, best.ranked) >= 0) continue;
    const needs = itemNeeds(item, ctx.now, ctx.policy, ctx.table);
    const a = assess(needs, agent, ctx.policy);
    if (a.stage !== eligibleStage || !a.target) continue;
    const rank = item.previousAgentIds.indexOf(agent.id);
    if (rank < 0 && previousAgents(needs, ctx, agent.id).reserved) continue;
    best = { ranked, candidate: candidate(needs, agent, a.target, rank < 0 ? null : rank, ctx.policy), previousAgent: rank >= 0 };
  }
  if (!best) return idle('no_eligible_item');
  const { ranked, candidate: c, previousAgent } = best;
  return { itemId: ranked.item.id, agentId: agent.id, score: c.score, effectivePriority: ranked.effectivePriority, via: viaOf(c.target), previousAgent };
}
