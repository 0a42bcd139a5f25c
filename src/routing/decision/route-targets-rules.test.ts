import { describe, expect, it } from 'vitest';
import { bestAgentForItem } from './best-match.ts';
import { decideAssignments } from './decide-assignments.ts';
import { agent, item, NOW, officeWeek, secondsAgo, team } from './routing-fixtures.test-data.ts';
import type { AgentState, TeamRouting, WaitingItem } from './routing-types-rules.ts';

const pick = (work: WaitingItem, agents: AgentState[], teams: TeamRouting[], now = NOW, policy = {}) => bestAgentForItem({ now, item: work, agents, teams, policy });

describe('team queues and overflow', () => {
  const teams = [team('sales', { overflowTo: 'support', overflowAfterSeconds: 60 }), team('support', { overflowTo: 'tier2', overflowAfterSeconds: 120 }), team('tier2')];
  const agents = [agent('sam', { teamIds: ['support'] }), agent('tia', { teamIds: ['tier2'] })];

  it('when the team has no agents and the item is younger than the overflow delay, then it waits in its team', () => {
    expect(pick(item('c', { teamId: 'sales', enqueuedAt: secondsAgo(59) }), agents, teams)).toMatchObject({ reason: 'no_agent_in_team' });
  });

  it('when the item has waited the overflow delay, then the overflow team may take it', () => {
    expect(pick(item('c', { teamId: 'sales', enqueuedAt: secondsAgo(60) }), agents, teams)).toMatchObject({ agentId: 'sam', via: 'overflow' });
  });

  it('when overflow chains, then the next team opens only after the sum of the delays', () => {
    const onlyTier2 = [agents[1] as AgentState];
    expect(pick(item('c', { teamId: 'sales', enqueuedAt: secondsAgo(179) }), onlyTier2, teams)).toMatchObject({ reason: 'no_agent_in_team' });
    expect(pick(item('c', { teamId: 'sales', enqueuedAt: secondsAgo(180) }), onlyTier2, teams)).toMatchObject({ agentId: 'tia', via: 'overflow' });
  });

  it('when both the home team and the overflow team have room, then the home team keeps its work', () => {
    const withHome = [...agents, agent('sue', { teamIds: ['sales'], load: { chat: 2 } })];
    expect(pick(item('c', { teamId: 'sales', enqueuedAt: secondsAgo(600) }), withHome, teams)).toMatchObject({ agentId: 'sue', via: 'team' });
  });

  it('when teams overflow into each other in a circle, then each is visited once', () => {
    const circle = [team('a', { overflowTo: 'b', overflowAfterSeconds: 10 }), team('b', { overflowTo: 'a', overflowAfterSeconds: 10 })];
    expect(pick(item('c', { teamId: 'a', enqueuedAt: secondsAgo(3600) }), [agent('x', { teamIds: ['b'] })], circle)).toMatchObject({ agentId: 'x' });
  });

  it('when the item has no team, then any online agent may take it', () => {
    expect(pick(item('c', { teamId: null }), [agent('t2', { teamIds: ['tier2'] })], teams)).toMatchObject({ agentId: 't2', via: 'team' });
  });

  it('when the team is not in the routing table, then it is treated as open with no overflow', () => {
    expect(pick(item('c', { teamId: 'unknown' }), [agent('u', { teamIds: ['unknown'] })], [])).toMatchObject({ agentId: 'u' });
  });
});

describe('team hours and on-call', () => {
  // Riyadh support works Sunday to Thursday 09:00–18:00 Riyadh time.
  const riyadhHours = { timeZone: 'Asia/Riyadh', windows: [0, 1, 2, 3, 4].map((day) => ({ day, start: '09:00', end: '18:00' })) };
  const evening = new Date('2026-11-23T17:00:00Z'); // Monday 20:00 in Riyadh, 12:00 in New York
  const riyadhAgent = agent('rana', { teamIds: ['riyadh'], timeZone: 'Asia/Riyadh' });
  const nyExpert = agent('nate', { teamIds: ['ny'], timeZone: 'America/New_York', isOnCallExpert: true, status: 'on_call', shifts: officeWeek });

  it('when the team is open, then its own agents take the work', () => {
    const teams = [team('riyadh', { hours: riyadhHours })];
    expect(pick(item('c', { teamId: 'riyadh' }), [riyadhAgent, nyExpert], teams)).toMatchObject({ agentId: 'rana', via: 'team' });
  });

  it('when the team is outside its hours, then an on-call expert in another time zone takes it', () => {
    const teams = [team('riyadh', { hours: riyadhHours })];
    expect(pick(item('c', { teamId: 'riyadh' }), [riyadhAgent, nyExpert], teams, evening)).toMatchObject({ agentId: 'nate', via: 'on_call' });
  });

  it('when the team is outside its hours and names an on-call team, then that team takes it, on call or online', () => {
    const teams = [team('riyadh', { hours: riyadhHours, onCallTeamId: 'night' })];
    const night = agent('nour', { teamIds: ['night'], status: 'on_call' });
    expect(pick(item('c', { teamId: 'riyadh' }), [riyadhAgent, nyExpert, night], teams, evening)).toMatchObject({ agentId: 'nour', via: 'on_call' });
  });

  it('when the team is outside its hours and no expert is on shift, then the reason is outside_hours_no_on_call', () => {
    const teams = [team('riyadh', { hours: riyadhHours })];
    const lateNight = new Date('2026-11-24T03:00:00Z'); // 06:00 Riyadh, 22:00 New York: both off
    expect(pick(item('c', { teamId: 'riyadh' }), [riyadhAgent, nyExpert], teams, lateNight)).toMatchObject({ reason: 'outside_hours_no_on_call' });
    expect(pick(item('c', { teamId: 'riyadh' }), [riyadhAgent], teams, evening)).toMatchObject({ reason: 'outside_hours_no_on_call' });
  });

  it('when the on-call expert lacks the language, then the reason says so', () => {
    const teams = [team('riyadh', { hours: riyadhHours })];
    expect(pick(item('c', { teamId: 'riyadh', requiredLanguage: 'ar' }), [nyExpert], teams, evening)).toMatchObject({ reason: 'no_agent_with_language' });
  });
});

describe('agent status', () => {
  const teams = [team('support')];

  it.each(['away', 'offline', 'on_call'] as const)('when the only agent is %s, then normal team work is not given to them', (status) => {
    expect(pick(item('c'), [agent('a', { status })], teams)).toMatchObject({ reason: 'no_agent_online' });
  });

  it('when an on-call agent and an online agent are both in an open team, then the online one gets the work', () => {
    const { assignments } = decideAssignments({ now: NOW, waiting: [item('c1'), item('c2')], agents: [agent('oncall', { status: 'on_call' }), agent('on', { capacity: { chat: 1 } })], teams });
    expect(assignments.map((a) => a.agentId)).toEqual(['on']);
  });

  it('when an expert is away, then even outside hours they are not paged', () => {
    const closed = [team('support', { hours: { timeZone: 'UTC', windows: [] } })];
    expect(pick(item('c'), [agent('x', { isOnCallExpert: true, status: 'away' })], closed)).toMatchObject({ reason: 'outside_hours_no_on_call' });
  });
});

describe('shifts in time zones', () => {
  const teams = [team('support')];

  it('when it is 12:00 UTC on Monday, then a Riyadh agent on 09:00–17:00 is on shift and a Los Angeles one is not', () => {
    const riyadh = agent('riyadh', { timeZone: 'Asia/Riyadh', shifts: officeWeek, load: { chat: 2 } });
    const la = agent('la', { timeZone: 'America/Los_Angeles', shifts: officeWeek });
    expect(pick(item('c'), [riyadh, la], teams)).toMatchObject({ agentId: 'riyadh' });
    expect(pick(item('c'), [la], teams)).toMatchObject({ reason: 'no_agent_on_shift' });
  });

  it('when an agent works a night shift crossing midnight, then they are on shift after midnight in their zone', () => {
    const cairoNight = agent('night', { timeZone: 'Africa/Cairo', shifts: [{ day: 0, start: '22:00', end: '06:00' }] });
    expect(pick(item('c'), [cairoNight], teams, new Date('2026-11-23T01:00:00Z'))).toMatchObject({ agentId: 'night' }); // Monday 03:00 Cairo
    expect(pick(item('c'), [cairoNight], teams, new Date('2026-11-23T05:00:00Z'))).toMatchObject({ reason: 'no_agent_on_shift' }); // 07:00
  });

  it('when New York changes to summer time, then a 09:00 shift starts an hour earlier in UTC', () => {
    const ny = agent('ny', { timeZone: 'America/New_York', shifts: officeWeek });
    expect(pick(item('c'), [ny], teams, new Date('2026-03-09T13:30:00Z'))).toMatchObject({ agentId: 'ny' }); // Monday 09:30 EDT
    expect(pick(item('c'), [ny], teams, new Date('2026-03-02T13:30:00Z'))).toMatchObject({ reason: 'no_agent_on_shift' }); // 08:30 EST
  });

  it('when an agent has no shift rules, then they are on shift whenever online', () => {
    expect(pick(item('c'), [agent('any', { shifts: [] })], teams, new Date('2026-11-22T03:00:00Z'))).toMatchObject({ agentId: 'any' });
  });
});
