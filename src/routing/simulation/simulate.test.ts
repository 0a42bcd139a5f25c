import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateArrivals } from './arrivals.ts';
import { parseScenarioText } from './scenario-parse.ts';
import { simulateScenario } from './simulate.ts';
import { scenario } from './simulation-fixtures.test-data.ts';

const shipped = (name: string) => parseScenarioText(readFileSync(new URL(`../../../bench/routing/scenarios/${name}.json`, import.meta.url), 'utf8'));

describe('simulating a scenario', () => {
  const busy = scenario({ arrivals: { chat: Array.from({ length: 24 }, (_, h) => (h >= 18 && h < 22 ? 40 : 5)) }, patience: { chat: { median: 60, p90: 180 } } });

  it('when the same seed runs twice, then the results are identical; another seed gives another day', () => {
    const a = simulateScenario(busy, { seed: 3 });
    expect(simulateScenario(busy, { seed: 3 })).toEqual(a);
    expect(generateArrivals(busy, 4).map((i) => i.arrival)).not.toEqual(generateArrivals(busy, 3).map((i) => i.arrival));
  });

  it('when arrivals are drawn, then the hourly counts follow the profile, with the evening peak', () => {
    const items = generateArrivals(busy, 5);
    const peak = items.filter((i) => i.arrival >= 18 * 3600 && i.arrival < 22 * 3600).length;
    expect(peak).toBeGreaterThan(120); // 160 expected
    expect(peak).toBeLessThan(200);
    expect(items.every((i, k) => k === 0 || (items[k - 1]?.arrival ?? 0) <= i.arrival)).toBe(true);
  });

  it('when every policy runs on the same arrivals, then each is offered the same contacts', () => {
    const result = simulateScenario(busy, { seed: 3 });
    expect(result.policies.map((p) => p.policy)).toEqual(['round_robin', 'least_loaded', 'sanad']);
    expect(new Set(result.policies.map((p) => p.offered))).toEqual(new Set([result.arrivals]));
  });

  it('given the shipped bilingual scenario, when simulated, then Sanad makes no wrong-language transfers and round robin does', () => {
    const result = simulateScenario(shipped('bilingual-evening-peak'));
    const by = Object.fromEntries(result.policies.map((p) => [p.policy, p]));
    expect(by.sanad?.wrongSkillTransfers).toBe(0);
    expect(by.round_robin?.wrongSkillTransfers).toBeGreaterThan(0);
    expect(shipped('multi-team-overflow').teams.map((t) => t.id)).toContain('manila-on-call');
  });
});
