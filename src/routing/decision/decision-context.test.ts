import { describe, expect, it } from 'vitest';
import { bestAgentForItem } from './best-match.ts';
import { decideAssignments } from './decide-assignments.ts';
import { agent, item, NOW, secondsAgo, team } from './routing-fixtures.test-data.ts';
import type { AgentState, WaitingItem } from './routing-types-rules.ts';

const teams = [team('support'), team('other')];
const pick = (work: WaitingItem, agents: AgentState[], policy = {}) => bestAgentForItem({ now: NOW, item: work, agents, teams, policy });
const returning = (overrides: Partial<WaitingItem> = {}) => item('c', { previousAgentIds: ['prev'], ...overrides });

describe('customer history: the agent who helped before', () => {
  it('when the previous agent is eligible, then they get the item even if somewhat busier or less fit', () => {
    const agents = [agent('idle'), agent('prev', { load: { chat: 2 }, languages: [{ code: 'en', proficiency: 3 }] })];
    expect(pick(returning({ requiredLanguage: 'en' }), agents)).toMatchObject({ agentId: 'prev', previousAgent: true });
  });

  it('when two previous agents are free, then the most recent one is preferred', () => {
    const agents = [agent('older'), agent('recent')];
    expect(pick(item('c', { previousAgentIds: ['recent', 'older'] }), agents)).toMatchObject({ agentId: 'recent' });
  });

  it('when the previous agent is full and the item is within the hold window, then the item waits for them', () => {
    const agents = [agent('idle'), agent('prev', { load: { chat: 3 } })];
    expect(pick(returning({ enqueuedAt: secondsAgo(10) }), agents, { previousAgentHoldSeconds: 30 })).toMatchObject({ reason: 'held_for_previous_agent' });
  });

  it('when the hold window has passed, then someone else takes it', () => {
    const agents = [agent('idle'), agent('prev', { load: { chat: 3 } })];
    expect(pick(returning({ enqueuedAt: secondsAgo(30) }), agents, { previousAgentHoldSeconds: 30 })).toMatchObject({ agentId: 'idle', previousAgent: false });
  });

  it('when holding is turned off, then a full previous agent does not hold the item', () => {
    const agents = [agent('idle'), agent('prev', { load: { chat: 3 } })];
    expect(pick(returning(), agents, { previousAgentHoldSeconds: 0 })).toMatchObject({ agentId: 'idle' });
  });

  it('when the recent helper is full but an older helper is free within the hold window, then the older helper takes it', () => {
    const agents = [agent('idle'), agent('recent', { load: { chat: 3 } }), agent('older')];
    expect(pick(item('c', { previousAgentIds: ['recent', 'older'] }), agents)).toMatchObject({ agentId: 'older', previousAgent: true });
  });

  it.each([
    ['away', { status: 'away' as const }],
    ['off shift', { shifts: [{ day: 3, start: '09:00', end: '10:00' }] }],
    ['in another team', { teamIds: ['other'] }],
    ['without the language', { languages: [{ code: 'fr', proficiency: 5 }] }],
  ])('when the previous agent is %s, then the item is not held and goes to an eligible agent', (_label, overrides) => {
    const agents = [agent('idle'), agent('prev', overrides)];
    expect(pick(returning({ requiredLanguage: 'en' }), agents)).toMatchObject({ agentId: 'idle', previousAgent: false });
  });

  it('when the previous agent left the roster, then the item routes normally', () => {
    expect(pick(returning(), [agent('idle')])).toMatchObject({ agentId: 'idle' });
  });

  it('when a batch fills the previous agent with older work, then a later returning customer waits for them within the hold', () => {
    const waiting = [item('first', { enqueuedAt: secondsAgo(20) }), returning({ enqueuedAt: secondsAgo(5) })];
    const { assignments, unassigned } = decideAssignments({ now: NOW, waiting, agents: [agent('prev', { capacity: { chat: 1 } }), agent('other', { load: { chat: 2 } })], teams, policy: { weights: { load: 100 } } });
    expect(assignments.map((a) => [a.itemId, a.agentId])).toEqual([['first', 'prev']]);
    expect(unassigned).toMatchObject([{ itemId: 'c', reason: 'held_for_previous_agent' }]);
  });
});
