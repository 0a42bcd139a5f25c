import type { SimItem } from './arrivals.ts';
import type { Scenario, ScenarioAgent } from './scenario-types-rules.ts';

/** Test data: a UTC day with one always-open team, agents on duty all day, items built by hand. */

export function agent(id: string, overrides: Partial<ScenarioAgent> = {}): ScenarioAgent {
  return { id, teams: ['support'], languages: { en: 5 }, skills: {}, capacity: { chat: 1, email: 5 }, timeZone: 'UTC', shifts: [], status: 'online', onCallExpert: false, ...overrides };
}

export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'tiny',
    description: '',
    date: '2026-11-23',
    timeZone: 'UTC',
    seed: 1,
    tickSeconds: 15,
    transferSeconds: 30,
    drainHours: 1,
    arrivals: { chat: new Array<number>(24).fill(0) },
    languages: [{ code: 'en', share: 1 }],
    intents: [{ name: 'general', share: 1, skills: [], handleTimeFactor: 1, priority: 'normal' }],
    handleTime: { chat: { median: 100, p90: 100 } },
    patience: {},
    routes: [],
    teams: [{ id: 'support', overflowTo: null, overflowAfterSeconds: 0, hours: null, onCallTeamId: null }],
    agents: [agent('a1')],
    ...overrides,
  };
}

export function simItem(id: string, arrival: number, overrides: Partial<SimItem> = {}): SimItem {
  return { id, channel: 'chat', capacityKey: 'chat', language: 'en', intent: 'general', skills: [], priority: 'normal', teamId: 'support', arrival, handleSeconds: 100, patienceSeconds: Infinity, ...overrides };
}
