import { describe, expect, it } from 'vitest';
import { computeMetrics, peakOccupancy, percentile } from './sim-metrics-rules.ts';
import type { AgentRun, ItemRun } from './sim-state.ts';
import { simItem } from './simulation-fixtures.test-data.ts';

function run(id: string, channel: string, arrival: number, outcome: { answeredAt?: number; abandoned?: boolean; transferred?: boolean }): ItemRun {
  const item = simItem(id, arrival, { channel, capacityKey: channel });
  return {
    item,
    waiting: { id, channel, priority: 'normal', enqueuedAt: new Date(0), teamId: null, requiredLanguage: null, requiredSkills: [], previousAgentIds: [] },
    phase: outcome.abandoned ? 'abandoned' : outcome.answeredAt === undefined ? 'queued' : 'done',
    queuedSince: arrival,
    patienceLeft: Infinity,
    token: 0,
    firstAssignedAt: outcome.transferred ? arrival + 5 : (outcome.answeredAt ?? null),
    answeredAt: outcome.answeredAt ?? null,
    transferred: outcome.transferred ?? false,
    agentId: null,
    doneAt: null,
  };
}

const agentRun = (fill: [number, number][], worked = true) => ({ fill, worked }) as AgentRun;

describe('policy metrics', () => {
  it('given a hand-made day, when measured, then service levels count every contact, waits only the answered', () => {
    const items = [
      run('c1', 'chat', 0, { answeredAt: 10 }),
      run('c2', 'chat', 0, { answeredAt: 30 }),
      run('c3', 'chat', 0, { answeredAt: 100, transferred: true }),
      run('c4', 'chat', 0, { abandoned: true }),
      run('e1', 'email', 0, { answeredAt: 900 }),
      run('e2', 'email', 0, { answeredAt: 901 }),
      run('e3', 'email', 0, {}),
    ];
    const m = computeMetrics('x', items, [agentRun([[0, 0], [0, 1], [450, 0]]), agentRun([[0, 0]]), agentRun([[0, 1]], false)], 3600);
    expect(m.chatWithin30s).toBe(0.5); // c1, c2 of 4 offered
    expect(m.chatFirstTouchWithin30s).toBe(0.75); // c3 reached a wrong agent after 5 s
    expect(m.emailWithin15min).toBeCloseTo(1 / 3);
    expect(m.byChannel.chat).toEqual({ offered: 4, answered: 3, abandoned: 1, meanWait: (10 + 30 + 100) / 3, p90Wait: 100 });
    expect(m.byChannel.email).toMatchObject({ answered: 2, meanWait: 900.5, p90Wait: 901 });
    expect(m.overall).toMatchObject({ offered: 7, answered: 5, abandoned: 1 });
    expect(m).toMatchObject({ handled: 5, abandonmentRate: 1 / 7, wrongSkillTransfers: 1, unfinished: 1 });
    // Full for half of the first slot → 50%; the idle agent 0%; the one who never worked is left out.
    expect(m.peakOccupancyMax).toBe(0.5);
    expect(m.peakOccupancyMean).toBe(0.25);
  });

  it('when occupancy steps inside and across 15-minute slots, then each slot averages its own part', () => {
    // Half full 0–900, full 900–1350, idle after: slot 1 averages 50%, slot 2 averages 50%, then the peak is full slot 3.
    expect(peakOccupancy([[0, 0.5], [900, 1], [1350, 0]], 3600)).toBe(0.5);
    expect(peakOccupancy([[0, 0], [1800, 1], [2700, 0]], 3600)).toBe(1);
    expect(peakOccupancy([[0, 0]], 3600)).toBe(0);
  });

  it('when a percentile is asked of few values, then it is the nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.9)).toBeNull();
  });
});
