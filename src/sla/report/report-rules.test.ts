import { describe, expect, it } from 'vitest';
import { summariseClocks, type ReportClock } from './report-rules.ts';

const clock = (c: Partial<ReportClock>): ReportClock => ({
  kind: 'first_response', policyId: 'p', policyName: 'Chat', teamId: 't', outcome: 'met', breachedAt: null, businessSeconds: 10, ...c,
});

describe('SLA report', () => {
  it('given answered, late, broken and unanswered clocks, when summarised, then share met counts only settled promises and the median only answered ones', () => {
    const rows = summariseClocks([
      clock({ businessSeconds: 10 }), clock({ businessSeconds: 20 }), clock({ businessSeconds: 90, breachedAt: new Date() }),
      clock({ outcome: 'running', breachedAt: new Date(), businessSeconds: null }), clock({ outcome: 'running', businessSeconds: null }),
      clock({ outcome: 'ended', businessSeconds: 5 }),
    ]);
    expect(rows).toEqual([{ policyId: 'p', policyName: 'Chat', teamId: 't', kind: 'first_response', decided: 4, metOnTime: 2, breached: 2, shareMet: 0.5, running: 2, medianSeconds: 20 }]);
  });

  it('given two teams and kinds, when summarised, then each gets its own row, first response before next response', () => {
    const rows = summariseClocks([clock({ teamId: 'b', kind: 'next_response' }), clock({ teamId: 'a' }), clock({ teamId: 'b' })]);
    expect(rows.map((r) => [r.teamId, r.kind])).toEqual([['a', 'first_response'], ['b', 'first_response'], ['b', 'next_response']]);
  });

  it('given nothing settled, then the share is unknown rather than zero', () => {
    expect(summariseClocks([clock({ outcome: 'running', businessSeconds: null })])[0]?.shareMet).toBeNull();
  });
});
