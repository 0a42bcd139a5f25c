import type { AgentState, TeamRouting, WaitingItem } from './routing-types-rules.ts';

/** Test data builders: a plain online English agent, a fresh normal chat, an always-open team. */

/** Monday 23 November 2026, 12:00 UTC. */
export const NOW = new Date('2026-11-23T12:00:00Z');

export const secondsAgo = (seconds: number, now: Date = NOW): Date => new Date(now.getTime() - seconds * 1000);

export function agent(id: string, overrides: Partial<AgentState> = {}): AgentState {
  return {
    id,
    teamIds: ['support'],
    status: 'online',
    languages: [{ code: 'en', proficiency: 5 }],
    skills: [],
    capacity: { chat: 3, email: 10, messaging: 5, callback: 1 },
    load: {},
    lastAssignedAt: null,
    timeZone: 'UTC',
    shifts: [],
    ...overrides,
  };
}

export function item(id: string, overrides: Partial<WaitingItem> = {}): WaitingItem {
  return {
    id,
    channel: 'chat',
    priority: 'normal',
    enqueuedAt: NOW,
    teamId: 'support',
    requiredLanguage: null,
    requiredSkills: [],
    previousAgentIds: [],
    ...overrides,
  };
}

export function team(id: string, overrides: Partial<TeamRouting> = {}): TeamRouting {
  return { id, overflowTo: null, overflowAfterSeconds: 0, hours: null, onCallTeamId: null, ...overrides };
}

/** Monday to Friday, 09:00–17:00. */
export const officeWeek = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));
