import { describe, expect, it } from 'vitest';
import { bestAgentForItem } from './best-match.ts';
import { decideAssignments } from './decide-assignments.ts';
import { effectivePriority } from './item-priority-rules.ts';
import { resolvePolicy } from './routing-policy-rules.ts';
import { agent, item, NOW, secondsAgo, team } from './routing-fixtures.test-data.ts';
import type { AgentState, WaitingItem } from './routing-types-rules.ts';

const teams = [team('support')];
const decide = (waiting: WaitingItem[], agents: AgentState[], policy = {}) => decideAssignments({ now: NOW, waiting, agents, teams, policy });
const chats = (n: number, overrides: Partial<WaitingItem> = {}) => Array.from({ length: n }, (_, i) => item(`c${i}`, { enqueuedAt: secondsAgo(n - i), ...overrides }));

describe('capacity', () => {
  it('when more chats wait than an agent can hold, then the agent is filled to capacity and no further', () => {
    const { assignments, unassigned } = decide(chats(5), [agent('a', { load: { chat: 1 } })]);
    expect(assignments.map((a) => a.itemId)).toEqual(['c0', 'c1']);
    expect(unassigned.map((u) => [u.itemId, u.reason])).toEqual([['c2', 'all_at_capacity'], ['c3', 'all_at_capacity'], ['c4', 'all_at_capacity']]);
  });

  it('when an agent is full on chat, then they still take email, which has its own capacity', () => {
    const { assignments } = decide([item('chat'), item('mail', { channel: 'email' })], [agent('a', { load: { chat: 3 } })]);
    expect(assignments.map((a) => a.itemId)).toEqual(['mail']);
  });

  it('when WhatsApp, SMS and Telegram wait, then they share the messaging capacity', () => {
    const waiting = [item('w', { channel: 'whatsapp' }), item('s', { channel: 'sms' }), item('t', { channel: 'telegram' })];
    const { assignments, unassigned } = decide(waiting, [agent('a', { capacity: { messaging: 2 } })]);
    expect(assignments).toHaveLength(2);
    expect(unassigned).toMatchObject([{ reason: 'all_at_capacity' }]);
  });

  it('when an agent has no capacity for a channel at all, then they never get that channel', () => {
    expect(decide([item('cb', { channel: 'callback' })], [agent('a', { capacity: { chat: 3 } })]).unassigned).toMatchObject([{ itemId: 'cb', reason: 'all_at_capacity' }]);
  });
});

describe('fairness among equals', () => {
  it('when equally fit agents are equally loaded, then the one longest since an assignment goes first, never-assigned before all', () => {
    const agents = [agent('recent', { lastAssignedAt: secondsAgo(10) }), agent('never'), agent('long', { lastAssignedAt: secondsAgo(600) })];
    expect(decide(chats(3), agents, { weights: { load: 0 } }).assignments.map((a) => a.agentId)).toEqual(['never', 'long', 'recent']);
  });

  it('when several chats arrive for two idle agents, then they alternate instead of one agent taking all', () => {
    const { assignments } = decide(chats(4), [agent('a'), agent('b')]);
    expect(assignments.map((a) => a.agentId)).toEqual(['a', 'b', 'a', 'b']);
  });
});

describe('ageing and priority order', () => {
  it('when one agent has room for one chat, then the urgent chat gets it before an older normal one', () => {
    const waiting = [item('normal', { enqueuedAt: secondsAgo(30) }), item('urgent', { priority: 'urgent' })];
    expect(decide(waiting, [agent('a', { capacity: { chat: 1 } })]).assignments.map((a) => a.itemId)).toEqual(['urgent']);
  });

  it('when a low-priority chat has waited long enough, then it goes before a fresh urgent one', () => {
    const waiting = [item('urgent', { priority: 'urgent' }), item('starving', { priority: 'low', enqueuedAt: secondsAgo(240) })];
    expect(decide(waiting, [agent('a', { capacity: { chat: 1 } })]).assignments.map((a) => a.itemId)).toEqual(['starving']);
  });

  it('when items compete for the best agent, then the most pressing item gets the best fit', () => {
    const agents = [agent('expert', { skills: [{ name: 'billing', proficiency: 5 }], capacity: { chat: 1 } }), agent('novice', { skills: [{ name: 'billing', proficiency: 1 }], capacity: { chat: 1 } })];
    const waiting = [item('calm', { requiredSkills: ['billing'] }), item('urgent', { priority: 'urgent', requiredSkills: ['billing'] })];
    expect(decide(waiting, agents).assignments.map((a) => [a.itemId, a.agentId])).toEqual([['urgent', 'expert'], ['calm', 'novice']]);
  });
});

describe('batch consistency', () => {
  const agents = Array.from({ length: 7 }, (_, i) => agent(`a${i}`, { capacity: { chat: 1 + (i % 3), email: 2 }, languages: [{ code: i % 2 ? 'ar' : 'en', proficiency: 3 + (i % 3) }] }));
  const waiting = Array.from({ length: 60 }, (_, i) =>
    item(`i${i}`, { channel: i % 4 ? 'chat' : 'email', priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4], requiredLanguage: i % 5 ? (i % 2 ? 'ar' : 'en') : null, enqueuedAt: secondsAgo(i * 7) }));

  it('when a large mixed batch is decided, then no item is given twice and no agent exceeds any capacity', () => {
    const { assignments, unassigned } = decide(waiting, agents);
    expect(new Set(assignments.map((a) => a.itemId)).size).toBe(assignments.length);
    expect(assignments.length + unassigned.length).toBe(waiting.length);
    for (const a of agents) {
      for (const channel of ['chat', 'email']) {
        const taken = assignments.filter((x) => x.agentId === a.id && (waiting.find((w) => w.id === x.itemId)?.channel ?? '') === channel).length;
        expect(taken).toBeLessThanOrEqual(a.capacity[channel] ?? 0);
      }
    }
  });

  it('when assignments are listed, then they run from the highest effective priority down', () => {
    const priorities = decide(waiting, agents).assignments.map((a) => a.effectivePriority);
    expect(priorities).toEqual([...priorities].sort((x, y) => y - x));
  });

  it('when the same input is decided twice, then the result is identical and the input is untouched', () => {
    const before = JSON.stringify(agents);
    expect(decide(waiting, agents)).toEqual(decide([...waiting].reverse(), [...agents].reverse()));
    expect(JSON.stringify(agents)).toBe(before);
  });

  it('when an item or an agent is listed twice, then it counts once', () => {
    const { assignments, unassigned } = decide([item('dup'), item('dup')], [agent('a', { capacity: { chat: 1 } }), agent('a', { capacity: { chat: 1 } })]);
    expect(assignments.map((a) => a.itemId)).toEqual(['dup']);
    expect(unassigned).toEqual([]);
  });

  it('when nothing waits or nobody works, then the decision is empty or explains each item', () => {
    expect(decide([], [agent('a')])).toEqual({ assignments: [], unassigned: [] });
    expect(decide([item('c')], []).unassigned).toMatchObject([{ itemId: 'c', reason: 'no_agent_in_team' }]);
  });
});

describe('the indexed batch against the one-at-a-time rules', () => {
  // A seeded generator, so the scenario is the same on every run.
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const manyTeams = [team('t0', { overflowTo: 't1', overflowAfterSeconds: 60 }), team('t1', { overflowTo: 't2', overflowAfterSeconds: 60 }), team('t2', { hours: { timeZone: 'UTC', windows: [] } })];
  const agents = Array.from({ length: 30 }, (_, i) => agent(`a${String(i).padStart(2, '0')}`, {
    teamIds: [pickOf(['t0', 't1', 't2']), ...(random() < 0.3 ? [pickOf(['t0', 't1'])] : [])],
    status: pickOf(['online', 'online', 'online', 'on_call', 'away'] as const),
    languages: [{ code: pickOf(['ar', 'en', 'ar-eg']), proficiency: 1 + Math.floor(random() * 5) }],
    skills: [{ name: pickOf(['billing', 'returns', 'tech']), proficiency: 1 + Math.floor(random() * 5) }],
    capacity: { chat: 1 + Math.floor(random() * 3), email: 2, messaging: 2, callback: 1 },
    lastAssignedAt: random() < 0.3 ? null : secondsAgo(Math.floor(random() * 900)),
    isOnCallExpert: random() < 0.2,
  }));
  const waiting = Array.from({ length: 300 }, (_, i) => item(`i${String(i).padStart(3, '0')}`, {
    channel: pickOf(['chat', 'chat', 'email', 'whatsapp', 'callback']),
    priority: pickOf(['low', 'normal', 'high', 'urgent'] as const),
    teamId: random() < 0.1 ? null : pickOf(['t0', 't1', 't2']),
    requiredLanguage: random() < 0.2 ? null : pickOf(['ar', 'en', 'ar-eg']),
    requiredSkills: random() < 0.5 ? [] : [pickOf(['billing', 'returns', 'tech'])],
    previousAgentIds: random() < 0.3 ? [pickOf(agents).id] : [],
    enqueuedAt: secondsAgo(Math.floor(random() * 300)),
  }));

  it('when a random batch is decided, then it equals deciding item by item in priority order against live loads', () => {
    const policy = resolvePolicy();
    const live = agents.map((a) => ({ ...a, load: { ...a.load } }));
    const order = [...waiting].sort((x, y) => effectivePriority(y, NOW, policy) - effectivePriority(x, NOW, policy) || x.enqueuedAt.getTime() - y.enqueuedAt.getTime() || (x.id < y.id ? -1 : 1));
    const expected: [string, string][] = [];
    for (const work of order) {
      const choice = bestAgentForItem({ now: NOW, item: work, agents: live, teams: manyTeams });
      if (!('agentId' in choice)) continue;
      expected.push([work.id, choice.agentId]);
      const who = live.find((a) => a.id === choice.agentId) as AgentState;
      const key = ({ chat: 'chat', email: 'email', whatsapp: 'messaging', callback: 'callback' } as Record<string, string>)[work.channel] ?? work.channel;
      who.load[key] = (who.load[key] ?? 0) + 1;
      who.lastAssignedAt = NOW;
    }
    const batch = decideAssignments({ now: NOW, waiting, agents, teams: manyTeams });
    expect(batch.assignments.map((a) => [a.itemId, a.agentId])).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
  });
});
