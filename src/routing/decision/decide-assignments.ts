import { noteAssignment } from './agent-index.ts';
import { recordAssignment } from './agent-profile-rules.ts';
import { chooseAgent, decisionContext } from './decision-context.ts';
import { rankItems } from './item-priority-rules.ts';
import { itemNeeds } from './item-needs.ts';
import type { RoutingPolicyOverrides } from './routing-policy-rules.ts';
import { viaOf } from './route-targets-rules.ts';
import type { AgentState, Assignment, RoutingDecision, TeamRouting, Unassigned, WaitingItem } from './routing-types-rules.ts';

export interface DecideAssignmentsInput {
  now: Date;
  waiting: readonly WaitingItem[];
  agents: readonly AgentState[];
  teams: readonly TeamRouting[];
  policy?: RoutingPolicyOverrides;
}

/**
 * Assigns as much waiting work as the agents can take, in order of effective priority, so the most
 * pressing item gets the best agent first. Each item goes to at most one agent, and every
 * assignment counts against the agent's capacity before the next item is decided.
 *
 * Cost: items are sorted once; items with the same needs share a heap of eligible agents, so each
 * item costs O(log agents) rather than a scan of every agent.
 */
export function decideAssignments(input: DecideAssignmentsInput): RoutingDecision {
  const ctx = decisionContext(input.now, input.agents, input.teams, input.policy);
  const assignments: Assignment[] = [];
  const unassigned: Unassigned[] = [];
  const decided = new Set<string>();
  for (const { item, effectivePriority } of rankItems(input.waiting, input.now, ctx.policy)) {
    if (decided.has(item.id)) continue; // an item listed twice is still one conversation
    decided.add(item.id);
    const needs = itemNeeds(item, ctx.now, ctx.policy, ctx.table);
    const choice = chooseAgent(needs, ctx);
    if ('reason' in choice) {
      unassigned.push({ itemId: item.id, reason: choice.reason, effectivePriority });
      continue;
    }
    const { candidate, previousAgent } = choice;
    recordAssignment(candidate.agent, needs.capacityKey, ctx.nowMs);
    noteAssignment(ctx.index, candidate.agent.id, needs.capacityKey);
    assignments.push({ itemId: item.id, agentId: candidate.agent.id, score: candidate.score, effectivePriority, via: viaOf(candidate.target), previousAgent });
  }
  return { assignments, unassigned };
}
