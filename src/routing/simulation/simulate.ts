import { generateArrivals } from './arrivals.ts';
import { leastLoadedPolicy, roundRobinPolicy } from './baseline-policies.ts';
import { sanadPolicy } from './sanad-policy.ts';
import { runDay } from './sim-engine.ts';
import { computeMetrics, type PolicyMetrics } from './sim-metrics-rules.ts';
import type { SimPolicy } from './sim-state.ts';
import type { Scenario } from './scenario-types-rules.ts';

export const policyNames = ['round_robin', 'least_loaded', 'sanad'] as const;
export type PolicyName = (typeof policyNames)[number];

export function isPolicyName(name: string): name is PolicyName {
  return (policyNames as readonly string[]).includes(name);
}

/** A fresh policy: round robin keeps its rotation, so each run starts its own. */
export function policyByName(name: PolicyName): SimPolicy {
  if (name === 'round_robin') return roundRobinPolicy();
  if (name === 'least_loaded') return leastLoadedPolicy();
  return sanadPolicy();
}

export interface SimulationResult {
  scenario: string;
  seed: number;
  arrivals: number;
  agents: number;
  policies: (PolicyMetrics & { seconds: number })[];
}

/** Runs the scenario's day once per policy, every policy on the same arrivals. */
export function simulateScenario(scenario: Scenario, options: { seed?: number; policies?: readonly PolicyName[]; clock?: () => number } = {}): SimulationResult {
  const seed = options.seed ?? scenario.seed;
  const items = generateArrivals(scenario, seed);
  const clock = options.clock ?? (() => 0);
  const policies = (options.policies ?? policyNames).map((name) => {
    const started = clock();
    const day = runDay(scenario, items, policyByName(name));
    return { ...computeMetrics(name, day.items, day.agents, day.dayEnd), seconds: (clock() - started) / 1000 };
  });
  return { scenario: scenario.name, seed, arrivals: items.length, agents: scenario.agents.length, policies };
}
