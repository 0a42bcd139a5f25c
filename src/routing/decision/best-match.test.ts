import { describe, expect, it } from 'vitest';
import { bestAgentForItem, bestItemForAgent } from './best-match.ts';
import { decideAssignments } from './decide-assignments.ts';
import { agent, item, NOW, secondsAgo, team } from './routing-fixtures.test-data.ts';
import type { AgentState, WaitingItem } from './routing-types-rules.ts';

const teams = [team('support'), team('sales')];
const freed = (agentId: string, waiting: WaitingItem[], agents: AgentState[], policy = {}) => bestItemForAgent({ now: NOW, agentId, waiting, agents, teams, policy });

describe('bestItemForAgent: an agent frees capacity', () => {
  it('when an agent frees a chat slot, then the oldest eligible item is theirs at once', () => {
    const waiting = [item('new', { enqueuedAt: secondsAgo(5) }), item('oldest', { enqueuedAt: secondsAgo(50) }), item('middle', { enqueuedAt: secondsAgo(20) })];
    expect(freed('a', waiting, [agent('a', { load: { chat: 2 } })])).toMatchObject({ itemId: 'oldest', agentId: 'a' });
  });

  it('when older items are in a language or team the agent cannot serve, then the oldest one they can serve is chosen', () => {
    const waiting = [
      item('arabic', { requiredLanguage: 'ar', enqueuedAt: secondsAgo(90) }),
      item('sales', { teamId: 'sales', enqueuedAt: secondsAgo(80) }),
      item('mine', { enqueuedAt: secondsAgo(10) }),
    ];
    expect(freed('a', waiting, [agent('a')])).toMatchObject({ itemId: 'mine' });
  });

  it('when an urgent item waits beside an older normal one, then the urgent one is taken', () => {
    expect(freed('a', [item('old', { enqueuedAt: secondsAgo(30) }), item('urgent', { priority: 'urgent' })], [agent('a')])).toMatchObject({ itemId: 'urgent' });
  });

  it('when the agent is full on chat but free on email, then they take the email', () => {
    expect(freed('a', [item('chat'), item('mail', { channel: 'email' })], [agent('a', { load: { chat: 3 } })])).toMatchObject({ itemId: 'mail' });
  });

  it('when an item is held for another previous agent, then it is skipped; one held for this agent is taken', () => {
    const agents = [agent('a'), agent('prev', { load: { chat: 3 } })];
    const waiting = [item('held', { previousAgentIds: ['prev'], enqueuedAt: secondsAgo(10) }), item('free', { enqueuedAt: secondsAgo(5) })];
    expect(freed('a', waiting, agents)).toMatchObject({ itemId: 'free' });
    expect(freed('a', [item('mine', { previousAgentIds: ['a'] })], [agent('a', { load: { chat: 2 } })])).toMatchObject({ itemId: 'mine', previousAgent: true });
  });

  it('when an on-call agent frees up, then they take only work of teams outside their hours', () => {
    const closed = [team('support', { hours: { timeZone: 'UTC', windows: [] }, onCallTeamId: 'night' }), team('sales')];
    const waiting = [item('sales', { teamId: 'sales', enqueuedAt: secondsAgo(60) }), item('after-hours')];
    expect(bestItemForAgent({ now: NOW, agentId: 'n', waiting, agents: [agent('n', { teamIds: ['night', 'sales'], status: 'on_call' })], teams: closed })).toMatchObject({ itemId: 'after-hours', via: 'on_call' });
  });

  it.each([
    ['agent_unknown', 'ghost', agent('a')],
    ['agent_not_online', 'a', agent('a', { status: 'away' })],
    ['agent_off_shift', 'a', agent('a', { shifts: [{ day: 3, start: '09:00', end: '10:00' }] })],
    ['agent_at_capacity', 'a', agent('a', { capacity: { chat: 1 }, load: { chat: 1 } })],
    ['no_eligible_item', 'a', agent('a', { teamIds: ['sales'] })],
  ])('when the agent cannot take anything, then the reason is %s', (reason, agentId, who) => {
    expect(freed(agentId, [item('c')], [who])).toEqual({ agentId, reason });
  });
});

describe('bestAgentForItem: new work arrives', () => {
  it('when one item arrives, then the same agent is chosen as a batch of that one item would choose', () => {
    const agents = [agent('a', { load: { chat: 1 } }), agent('b', { languages: [{ code: 'ar', proficiency: 4 }] }), agent('c', { languages: [{ code: 'ar', proficiency: 5 }], load: { chat: 2 } })];
    for (const work of [item('x'), item('y', { requiredLanguage: 'ar' }), item('z', { previousAgentIds: ['a'] })]) {
      const single = bestAgentForItem({ now: NOW, item: work, agents, teams });
      expect(decideAssignments({ now: NOW, waiting: [work], agents, teams }).assignments[0]).toEqual(single);
    }
  });
});
