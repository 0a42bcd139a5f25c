import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, ScenarioError } from './scenario-parse.ts';

const valid = {
  name: 'mini',
  date: '2026-11-23',
  timeZone: 'Asia/Riyadh',
  arrivals: { chat: new Array(24).fill(2) },
  languages: { ar: 1 },
  intents: [{ name: 'billing', share: 1, skills: ['billing'] }],
  handleTime: { chat: { median: 300, p90: 600 } },
  teams: [{ id: 'support' }],
  agents: [{ id: 'a', count: 2, teams: ['support'], languages: { ar: 5 }, capacity: { chat: 2 }, shifts: [{ start: '16:00', end: '00:00' }] }],
};

function problems(json: unknown): string[] {
  try {
    parseScenario(json);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
}

describe('reading a scenario', () => {
  it('given a minimal scenario, when read, then defaults are filled and counted agents are expanded', () => {
    const s = parseScenario(valid);
    expect(s).toMatchObject({ seed: 1, tickSeconds: 15, transferSeconds: 45, drainHours: 24, patience: {}, routes: [] });
    expect(s.agents.map((a) => a.id)).toEqual(['a-1', 'a-2']);
    expect(s.agents[0]).toMatchObject({ timeZone: 'Asia/Riyadh', status: 'online', shifts: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '16:00', end: '00:00' }] });
    expect(s.intents[0]).toMatchObject({ handleTimeFactor: 1, priority: 'normal' });
  });

  it('when fields are wrong, then every problem names the path of its field', () => {
    const bad = structuredClone(valid) as Record<string, unknown> & typeof valid;
    bad.agents = [...valid.agents, valid.agents[0], valid.agents[0], { ...valid.agents[0], id: 'd', shifts: [{ start: '25:00', end: '08:00' }] }] as typeof valid.agents;
    (bad as Record<string, unknown>).timeZone = 'Mars/Olympus';
    bad.arrivals = { chat: [1, 2] } as typeof valid.arrivals;
    (bad.teams[0] as Record<string, unknown>).overflowTo = 'nowhere';
    (bad as Record<string, unknown>).colour = 'blue';
    expect(problems(bad)).toEqual(expect.arrayContaining([
      'agents[3].shifts[0].start: expected HH:MM, got "25:00"',
      'timeZone: unknown time zone "Mars/Olympus"',
      'arrivals.chat: expected 24 hourly numbers (00–23), got 2',
      'teams[0].overflowTo: no team "nowhere"',
      expect.stringMatching(/^colour: unknown field/),
      'agents: agent id "a-1" is used twice',
    ]));
  });

  it('when a skill level or capacity is out of range, then the path says which', () => {
    const bad = structuredClone(valid);
    bad.agents[0] = { ...bad.agents[0], languages: { ar: 7 }, capacity: { chat: -1 } } as (typeof valid.agents)[0];
    expect(problems(bad)).toEqual(['agents[0].capacity.chat: expected a whole number ≥ 0, got -1', 'agents[0].languages.ar: expected a number from 1 to 5, got 7']);
  });

  it('when the example in docs/simulation.md is read, then it is valid', () => {
    const doc = readFileSync(new URL('../../../docs/simulation.md', import.meta.url), 'utf8');
    const example = /### Example\s+```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(parseScenarioText(example).agents.map((a) => a.id)).toEqual(['bilingual-1', 'bilingual-2', 'bilingual-3', 'english']);
  });

  it('when the text is not JSON, then it says so as a scenario problem', () => {
    expect(() => parseScenarioText('{ nope')).toThrow(/not valid JSON/);
  });
});
