import type { AgentProfile } from './agent-profile-rules.ts';
import type { RoutingPolicy } from './routing-policy-rules.ts';
import type { RouteTarget } from './route-targets-rules.ts';
import type { AgentState, UnassignedReason, WaitingItem } from './routing-types-rules.ts';

/**
 * The scoring core shared by the batch and the single-item and single-agent calls: what an item
 * needs, whether an agent qualifies, and how well.
 */
export interface ItemNeeds {
  item: WaitingItem;
  capacityKey: string;
  language: string | null;
  languagePrimary: string | null;
  /** Normalised, deduplicated and sorted, so equal needs share a signature. */
  skills: string[];
  targets: readonly RouteTarget[];
  /** Capacity key, language and skills: with a target's unit, the key of a pool of agents. */
  needsKey: string;
  /** Items with equal signatures are interchangeable to every agent except their previous agents. */
  signature: string;
}

/** Does the target cover this agent, status included? away and offline agents never take work. */
export function targetAdmits(target: RouteTarget, agent: AgentState): boolean {
  switch (target.kind) {
    case 'anyone':
      return agent.status === 'online';
    case 'team':
      return agent.status === 'online' && agent.teamIds.includes(target.teamId);
    case 'on_call_team':
      return (agent.status === 'online' || agent.status === 'on_call') && agent.teamIds.includes(target.teamId);
    case 'on_call_experts':
      return (agent.status === 'online' || agent.status === 'on_call') && agent.isOnCallExpert === true;
  }
}

/** Whether the agent belongs to the target at all, whatever its status: tells "nobody" from "nobody online". */
export function targetIncludes(target: RouteTarget, agent: AgentState): boolean {
  switch (target.kind) {
    case 'anyone':
      return true;
    case 'team':
    case 'on_call_team':
      return agent.teamIds.includes(target.teamId);
    case 'on_call_experts':
      return agent.isOnCallExpert === true;
  }
}

export function freeCapacity(agent: AgentProfile, key: string): number {
  return (agent.state.capacity[key] ?? 0) - (agent.load.get(key) ?? 0);
}

/** Share of the agent's capacity on this key already in use: 0 idle, 1 full (or no capacity). */
export function loadRatio(agent: AgentProfile, key: string): number {
  const capacity = agent.state.capacity[key] ?? 0;
  return capacity > 0 ? Math.min(1, (agent.load.get(key) ?? 0) / capacity) : 1;
}

/**
 * How far an agent gets through the rules, in the order unassigned reasons are reported:
 * 0 not in any target, 1 wrong status, 2 off shift, 3 lacks the language, 4 lacks a skill,
 * 5 at capacity, 6 eligible.
 */
export type Stage = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const eligibleStage: Stage = 6;

export interface Assessment {
  stage: Stage;
  /** The lowest overflow hop among the targets that admit the agent (when stage ≥ 2). */
  target: RouteTarget | null;
}

/** `targets` narrows the check to some of the item's targets (one pool looks at one target). */
export function assess(needs: ItemNeeds, agent: AgentProfile, policy: RoutingPolicy, targets: readonly RouteTarget[] = needs.targets): Assessment {
  let target: RouteTarget | null = null;
  let member = false;
  for (const t of targets) {
    if (!targetIncludes(t, agent.state)) continue;
    member = true;
    if (targetAdmits(t, agent.state) && (target === null || t.hop < target.hop)) target = t;
  }
  if (!member) return { stage: 0, target: null };
  if (target === null) return { stage: 1, target: null };
  if (!agent.onShift) return { stage: 2, target };
  return { stage: qualifies(needs, agent, policy), target };
}

/** The agent-side rules alone (language, skills, capacity), for agents already known to be reachable. */
export function qualifies(needs: ItemNeeds, agent: AgentProfile, policy: RoutingPolicy): 3 | 4 | 5 | 6 {
  if (needs.language !== null && languageProficiency(needs, agent) < policy.minLanguageProficiency) return 3;
  for (const s of needs.skills) if ((agent.skills.get(s) ?? 0) < policy.minSkillProficiency) return 4;
  if (freeCapacity(agent, needs.capacityKey) <= 0) return 5;
  return 6;
}

// An exact dialect entry ('ar-eg') speaks for itself; otherwise the best of the language family.
function languageProficiency(needs: ItemNeeds, agent: AgentProfile): number {
  if (needs.language === null || needs.languagePrimary === null) return 0;
  return agent.languages.get(needs.language) ?? agent.languages.get(needs.languagePrimary) ?? 0;
}

/** 1..5 proficiency → 0..1, so a weight is what proficiency 5 adds over proficiency 1. */
const scaled = (proficiency: number) => Math.min(1, Math.max(0, (proficiency - 1) / 4));

/**
 * The part of the score a batch cannot change: proficiency in the language and skills, minus
 * overflow hops, plus the previous-agent bonus (`previousRank` 0 = most recent helper).
 */
export function fitScore(needs: ItemNeeds, agent: AgentProfile, hop: number, previousRank: number | null, policy: RoutingPolicy): number {
  const w = policy.weights;
  let score = 0;
  if (needs.language !== null) {
    score += scaled(languageProficiency(needs, agent)) * w.language;
    if (needs.language !== needs.languagePrimary && agent.languages.has(needs.language)) score += w.dialect;
  }
  if (needs.skills.length > 0) {
    let sum = 0;
    for (const s of needs.skills) sum += scaled(agent.skills.get(s) ?? 0);
    score += (sum / needs.skills.length) * w.skill;
  }
  score -= hop * w.overflowHop;
  if (previousRank !== null) score += w.previousAgent / (previousRank + 1);
  return score;
}

/** The full score: fit minus load, so the least loaded wins among equally fit agents. */
export function matchScore(needs: ItemNeeds, agent: AgentProfile, hop: number, previousRank: number | null, policy: RoutingPolicy): number {
  return fitScore(needs, agent, hop, previousRank, policy) - loadRatio(agent, needs.capacityKey) * policy.weights.load;
}

export interface Candidate {
  agent: AgentProfile;
  score: number;
  fit: number;
  /** Copied at scoring time; the batch compares it with the agent's to spot stale entries. */
  lastAssignedMs: number;
  version: number;
  target: RouteTarget;
}

/** Best score first; among equals the one who waited longest since an assignment; then by id. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return a.score !== b.score ? (a.score > b.score ? -1 : 1) : tieBreak(a, b);
}

/** Fairness among equals: the longest since an assignment first (never assigned before anyone). */
export function tieBreak(a: Candidate, b: Candidate): number {
  // Compared, not subtracted: two never-assigned agents would give -Infinity - -Infinity = NaN.
  if (a.lastAssignedMs !== b.lastAssignedMs) return a.lastAssignedMs < b.lastAssignedMs ? -1 : 1;
  return a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0;
}

export function candidate(needs: ItemNeeds, agent: AgentProfile, target: RouteTarget, previousRank: number | null, policy: RoutingPolicy): Candidate {
  const fit = fitScore(needs, agent, target.hop, previousRank, policy);
  return { agent, target, fit, score: fit - loadRatio(agent, needs.capacityKey) * policy.weights.load, lastAssignedMs: agent.lastAssignedMs, version: agent.version };
}

/** A stale entry after its agent took work: null when now full, else re-scored for the new load. */
export function rescore(c: Candidate, capacityKey: string, policy: RoutingPolicy): Candidate | null {
  const agent = c.agent;
  if (freeCapacity(agent, capacityKey) <= 0) return null;
  // Updated in place: the entry was just popped and belongs to no one else (winners are copied).
  c.score = c.fit - loadRatio(agent, capacityKey) * policy.weights.load;
  c.lastAssignedMs = agent.lastAssignedMs;
  c.version = agent.version;
  return c;
}

/** The reason for the best stage any agent reached, when none was eligible. */
export function reasonFor(bestStage: Stage, needs: ItemNeeds): UnassignedReason {
  const onCallOnly = needs.targets.every((t) => t.kind === 'on_call_team' || t.kind === 'on_call_experts');
  if (onCallOnly && bestStage <= 2) return 'outside_hours_no_on_call';
  const reasons: UnassignedReason[] = ['no_agent_in_team', 'no_agent_online', 'no_agent_on_shift', 'no_agent_with_language', 'no_agent_with_skill', 'all_at_capacity', 'all_at_capacity'];
  return reasons[bestStage] ?? 'all_at_capacity';
}
