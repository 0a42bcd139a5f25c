import { describe, expect, it } from 'vitest';
import { leastLoadedPolicy, roundRobinPolicy } from './baseline-policies.ts';
import { sanadPolicy } from './sanad-policy.ts';
import { runDay } from './sim-engine.ts';
import { waitOf } from './sim-metrics-rules.ts';
import { agent, scenario, simItem } from './simulation-fixtures.test-data.ts';

const waits = (day: ReturnType<typeof runDay>) => Object.fromEntries(day.items.map((r) => [r.item.id, waitOf(r)]));

describe('the simulated day', () => {
  for (const policy of [roundRobinPolicy, leastLoadedPolicy, sanadPolicy]) {
    it(`given one agent who takes one chat at a time, when two chats arrive together, then under ${policy().name} the second waits exactly the first's handle time`, () => {
      const day = runDay(scenario(), [simItem('c1', 60, { handleSeconds: 170 }), simItem('c2', 60)], policy());
      expect(waits(day)).toEqual({ c1: 0, c2: 170 });
      expect(day.items.map((r) => r.doneAt)).toEqual([230, 330]);
    });
  }

  it('given a customer whose patience is shorter than the wait, when the agent is busy, then the customer leaves at arrival + patience; a patient one is answered', () => {
    const day = runDay(scenario(), [simItem('c1', 0), simItem('leaves', 10, { patienceSeconds: 40 }), simItem('stays', 20, { patienceSeconds: 500 })], sanadPolicy());
    const [, leaves, stays] = day.items;
    expect(leaves).toMatchObject({ phase: 'abandoned', doneAt: 50, answeredAt: null });
    expect(stays).toMatchObject({ phase: 'done', answeredAt: 100 });
  });

  it('given emails with no patience, when nobody can take them for hours, then they wait and are answered, never abandoned', () => {
    const s = scenario({ agents: [agent('a1', { shifts: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '02:00', end: '10:00' }] })], handleTime: { email: { median: 60, p90: 60 } } });
    const day = runDay(s, [simItem('e1', 0, { channel: 'email', capacityKey: 'email' })], roundRobinPolicy());
    expect(day.items[0]).toMatchObject({ phase: 'done', answeredAt: 7200 });
  });

  it('given the only Arabic speaker comes second in the rotation, when an Arabic chat arrives, then round robin gives it to the English speaker who hands it on after the transfer time; Sanad gives it straight to the Arabic speaker', () => {
    const s = scenario({ agents: [agent('english'), agent('arabic', { languages: { ar: 5 } })] });
    const items = [simItem('ar1', 10, { language: 'ar' })];
    const rr = runDay(s, items, roundRobinPolicy());
    expect(rr.items[0]).toMatchObject({ transferred: true, agentId: 'arabic', answeredAt: 40 });
    const sanad = runDay(s, items, sanadPolicy());
    expect(sanad.items[0]).toMatchObject({ transferred: false, agentId: 'arabic', answeredAt: 10 });
  });

  it('given a billing chat and an agent without the skill, when least loaded assigns it, then it is a wrong-skill transfer and the skilled agent answers it', () => {
    const s = scenario({ agents: [agent('generalist'), agent('biller', { skills: { billing: 4 }, capacity: { chat: 4 } })] });
    const day = runDay(s, [simItem('b1', 0, { skills: ['billing'] })], leastLoadedPolicy());
    expect(day.items[0]).toMatchObject({ transferred: true, agentId: 'biller', answeredAt: 30, doneAt: 130 });
  });

  it('given an agent whose shift starts at 09:00 in Riyadh (06:00 UTC), when a chat arrives at 05:00 UTC, then it is answered when the shift starts', () => {
    const s = scenario({ agents: [agent('a1', { timeZone: 'Asia/Riyadh', shifts: [{ days: [1], start: '09:00', end: '17:00' }] })] });
    for (const policy of [roundRobinPolicy(), sanadPolicy()]) {
      const day = runDay(s, [simItem('c1', 5 * 3600)], policy);
      expect(day.items[0]?.answeredAt).toBe(6 * 3600);
    }
  });

  it('given a team that overflows after 60 s, when its only agent is busy, then Sanad gives the chat to the overflow team at the first tick after 60 s; round robin keeps it in its team', () => {
    const s = scenario({
      teams: [
        { id: 'support', overflowTo: 'backup', overflowAfterSeconds: 60, hours: null, onCallTeamId: null },
        { id: 'backup', overflowTo: null, overflowAfterSeconds: 0, hours: null, onCallTeamId: null },
      ],
      agents: [agent('home'), agent('spare', { teams: ['backup'] })],
    });
    const items = [simItem('c1', 0, { handleSeconds: 600 }), simItem('c2', 1)];
    expect(runDay(s, items, sanadPolicy()).items[1]).toMatchObject({ agentId: 'spare', answeredAt: 75 });
    expect(runDay(s, items, roundRobinPolicy()).items[1]).toMatchObject({ agentId: 'home', answeredAt: 600 });
  });

  it('when a chat is done, then the freed agent picks the oldest waiting chat at once, under every policy', () => {
    const items = [simItem('c1', 0), simItem('c2', 5), simItem('c3', 6)];
    for (const policy of [roundRobinPolicy(), leastLoadedPolicy(), sanadPolicy()]) {
      expect(waits(runDay(scenario(), items, policy))).toEqual({ c1: 0, c2: 95, c3: 194 });
    }
  });
});
