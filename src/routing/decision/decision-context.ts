import { agentIndex, bestStageIn, profileOf, type AgentIndex } from './agent-index.ts';
import { topOfPool, type AgentPools } from './agent-pool.ts';
import { waitedSeconds } from './item-priority-rules.ts';
import { assess, candidate, compareCandidates, eligibleStage, qualifies, reasonFor, tieBreak, type Candidate, type ItemNeeds, type Stage } from './match-score-rules.ts';
import { resolvePolicy, type RoutingPolicy, type RoutingPolicyOverrides } from './routing-policy-rules.ts';
import { routeTable, type RouteTable } from './route-targets-rules.ts';
import { isOpenAt, type MinuteOfWeek } from './weekly-hours-rules.ts';
import type { AgentState, TeamRouting, UnassignedReason } from './routing-types-rules.ts';

/** Everything one decision reads, indexed once and shared by every item of a batch. */
export interface DecisionContext {
  now: Date;
  nowMs: number;
  policy: RoutingPolicy;
  table: RouteTable;
  index: AgentIndex;
  pools: AgentPools;
  /** Unassigned reasons by item signature: diagnosing scans every member, so once per signature. */
  reasons: Map<string, UnassignedReason>;
}

export function decisionContext(now: Date, agents: readonly AgentState[], teams: readonly TeamRouting[], overrides?: RoutingPolicyOverrides): DecisionContext {
  // Each zone's wall clock is read once and shared by the teams' hours and the agents' shifts.
  const zoneMinutes = new Map<string, MinuteOfWeek | null>();
  const open = new Map(teams.map((t) => [t.id, t.hours === null || isOpenAt(now, t.hours.timeZone, t.hours.windows, zoneMinutes)]));
  return { now, nowMs: now.getTime(), policy: resolvePolicy(overrides), table: routeTable(teams, open), index: agentIndex(now, agents, zoneMinutes), pools: new Map(), reasons: new Map() };
}

export interface PreviousAgents {
  /** The best previous agent who can take the item now, bonus included. */
  best: Candidate | null;
  /** Within the hold window a previous agent qualifies (free or full): nobody else may take it. */
  reserved: boolean;
}

/** The customer's previous agents, apart from `exceptId`. */
export function previousAgents(needs: ItemNeeds, ctx: DecisionContext, exceptId?: string): PreviousAgents {
  const ids = needs.item.previousAgentIds;
  let best: Candidate | null = null;
  let reserved = false;
  if (ids.length === 0) return { best, reserved };
  const holding = waitedSeconds(needs.item, ctx.now) < ctx.policy.previousAgentHoldSeconds;
  for (let rank = 0; rank < ids.length; rank += 1) {
    const state = ids[rank] === exceptId ? undefined : ctx.index.stateById.get(ids[rank] ?? '');
    if (!state) continue;
    const agent = profileOf(ctx.index, state);
    const a = assess(needs, agent, ctx.policy);
    // Full is "available soon"; away, offline or off shift is not worth holding for.
    if (holding && a.stage >= eligibleStage - 1) reserved = true;
    if (a.stage !== eligibleStage || !a.target) continue;
    const c = candidate(needs, agent, a.target, rank, ctx.policy);
    if (!best || compareCandidates(c, best) < 0) best = c;
  }
  return { best, reserved };
}

/** The best agent over the item's targets, each pool's top charged for its overflow hop. */
function bestOverTargets(needs: ItemNeeds, ctx: DecisionContext): { best: Candidate | null; hadEligible: boolean } {
  let best: Candidate | null = null;
  let hadEligible = false;
  for (const target of needs.targets) {
    const found = topOfPool(ctx.pools, needs, target, ctx.index, ctx.policy);
    hadEligible ||= found.hadEligible;
    if (!found.top) continue;
    const top = found.top;
    // Charge the hop without allocating; only the winner is copied.
    const score = top.score - target.hop * ctx.policy.weights.overflowHop;
    if (!best || score > best.score || (score === best.score && tieBreak(top, best) < 0)) best = { ...top, target, score };
  }
  return { best, hadEligible };
}

/** Why nobody can take the item: the furthest any agent of its targets gets through the rules. */
function diagnose(needs: ItemNeeds, ctx: DecisionContext): UnassignedReason {
  let reason = ctx.reasons.get(needs.signature);
  if (reason) return reason;
  let bestStage = 0;
  for (const target of needs.targets) {
    bestStage = Math.max(bestStage, bestStageIn(ctx.index, target, needs.languagePrimary, needs.skills, (agent) => qualifies(needs, agent, ctx.policy)));
  }
  reason = reasonFor(bestStage as Stage, needs);
  ctx.reasons.set(needs.signature, reason);
  return reason;
}

export type Choice = { candidate: Candidate; previousAgent: boolean } | { reason: UnassignedReason };

/**
 * The agent for one item given the current state: within the hold window only a previous agent;
 * otherwise the best of the pools and the previous agents (whose bonus usually wins).
 */
export function chooseAgent(needs: ItemNeeds, ctx: DecisionContext): Choice {
  const previous = previousAgents(needs, ctx);
  if (previous.reserved) return previous.best ? { candidate: previous.best, previousAgent: true } : { reason: 'held_for_previous_agent' };
  const { best, hadEligible } = bestOverTargets(needs, ctx);
  if (previous.best && (!best || compareCandidates(previous.best, best) <= 0)) return { candidate: previous.best, previousAgent: true };
  if (best) return { candidate: best, previousAgent: false };
  // Someone qualified but has been filled up by this batch: the team is simply busy.
  return { reason: hadEligible ? 'all_at_capacity' : diagnose(needs, ctx) };
}
