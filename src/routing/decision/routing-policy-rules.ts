import type { RoutingPriority } from './routing-types-rules.ts';

/** Weights and thresholds of the decision. Every number has a default; a workspace overrides some. */
export interface RoutingPolicy {
  /** Base effective priority per priority. One level apart = one ageing period apart. */
  priorityLevels: Record<RoutingPriority, number>;
  /** Seconds of waiting worth one priority level, per capacity key: chat ages fast, email slowly. */
  ageingSecondsPerLevel: Record<string, number>;
  /** Used for a capacity key missing from ageingSecondsPerLevel. */
  defaultAgeingSecondsPerLevel: number;
  /** Levels added at urgency 1 (triage urgency is 0..1). */
  urgencyLevels: number;
  /** Levels added per customer tier, e.g. { vip: 1 }. */
  tierLevels: Record<string, number>;
  /** Work due within this many seconds (or overdue) gets dueLevels on top. */
  dueSoonSeconds: number;
  dueLevels: number;
  /** Hard floors: below them an agent does not count as speaking the language or having the skill. */
  minLanguageProficiency: number;
  minSkillProficiency: number;
  weights: {
    /** At proficiency 5; scales linearly from 0 at proficiency 1. */
    language: number;
    /** An agent listing the exact dialect tag ('ar-eg'), not only the language ('ar'). */
    dialect: number;
    /** Mean proficiency over the required skills, scaled like language. */
    skill: number;
    /** For the most recent previous agent; the n-th most recent gets weight / n. */
    previousAgent: number;
    /** Subtracted at full load on the item's capacity key, so the least loaded wins among equals. */
    load: number;
    /** Subtracted per overflow hop, so the home team keeps its work while it has room. */
    overflowHop: number;
  };
  /**
   * While an item has waited less than this, and a previous agent would be eligible but is at
   * capacity, the item waits for them rather than going to a stranger. 0 turns holding off.
   */
  previousAgentHoldSeconds: number;
  /** Conversation channel → capacity key. Unlisted channels use their own name as the key. */
  channelCapacity: Record<string, string>;
}

export const defaultRoutingPolicy: RoutingPolicy = {
  priorityLevels: { low: 0, normal: 1, high: 2, urgent: 3 },
  ageingSecondsPerLevel: { chat: 60, messaging: 300, callback: 300, email: 1800 },
  defaultAgeingSecondsPerLevel: 600,
  urgencyLevels: 1,
  tierLevels: {},
  dueSoonSeconds: 300,
  dueLevels: 2,
  minLanguageProficiency: 1,
  minSkillProficiency: 1,
  weights: { language: 10, dialect: 2, skill: 10, previousAgent: 40, load: 20, overflowHop: 100 },
  previousAgentHoldSeconds: 30,
  channelCapacity: { chat: 'chat', email: 'email', api: 'email', whatsapp: 'messaging', sms: 'messaging', telegram: 'messaging', callback: 'callback' },
};

/** Partial<RoutingPolicy>, where nested records may also be given in part. */
export type RoutingPolicyOverrides = {
  [K in keyof RoutingPolicy]?: RoutingPolicy[K] extends number ? number : Partial<RoutingPolicy[K]>;
};

export function resolvePolicy(overrides: RoutingPolicyOverrides = {}): RoutingPolicy {
  const d = defaultRoutingPolicy;
  const o = overrides;
  return {
    priorityLevels: merge(d.priorityLevels, o.priorityLevels),
    ageingSecondsPerLevel: merge(d.ageingSecondsPerLevel, o.ageingSecondsPerLevel),
    defaultAgeingSecondsPerLevel: o.defaultAgeingSecondsPerLevel ?? d.defaultAgeingSecondsPerLevel,
    urgencyLevels: o.urgencyLevels ?? d.urgencyLevels,
    tierLevels: merge(d.tierLevels, o.tierLevels),
    dueSoonSeconds: o.dueSoonSeconds ?? d.dueSoonSeconds,
    dueLevels: o.dueLevels ?? d.dueLevels,
    minLanguageProficiency: o.minLanguageProficiency ?? d.minLanguageProficiency,
    minSkillProficiency: o.minSkillProficiency ?? d.minSkillProficiency,
    weights: merge(d.weights, o.weights),
    previousAgentHoldSeconds: o.previousAgentHoldSeconds ?? d.previousAgentHoldSeconds,
    channelCapacity: merge(d.channelCapacity, o.channelCapacity),
  };
}

// Key by key, so an explicit `undefined` in the overrides does not erase a default.
function merge<T extends object>(base: T, over: Partial<T> | undefined): T {
  const out = { ...base };
  for (const [k, v] of Object.entries(over ?? {})) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
