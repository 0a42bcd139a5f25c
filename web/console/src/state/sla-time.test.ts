import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../api/sla-types';
import { clockState, currentClocks, durationParts, parseInboxSort, reportRange, sharePercent, soonestByConversation, sortByTimeLeft } from './sla-time';
import { conversation } from './test-data';

const now = Date.parse('2026-03-01T10:00:00.000Z');
const at = (secondsFromNow: number) => new Date(now + secondsFromNow * 1000).toISOString();

function clock(extra: Partial<SlaClock> = {}): SlaClock {
  return {
    id: 'k1', conversationId: 'c1', kind: 'first_response', cycle: 1, policyId: 'p', policyName: 'Chat', targetSeconds: 600,
    startedAt: at(-60), outcome: 'running', paused: false, endedAt: null, dueAt: at(540), breachedAt: null,
    businessSeconds: null, nextEscalationAt: null, escalationsFired: [], ...extra,
  };
}

describe('clockState', () => {
  it('when the deadline is ahead, then the seconds left are counted, rounded up', () => {
    expect(clockState(clock({ dueAt: new Date(now + 1500).toISOString() }), now)).toEqual({ state: 'running', secondsLeft: 2, soon: true });
    expect(clockState(clock(), now)).toEqual({ state: 'running', secondsLeft: 540, soon: false });
  });

  it('when the last fifth of the target is left, then it is soon', () => {
    expect(clockState(clock({ dueAt: at(120) }), now)).toMatchObject({ soon: true });
    expect(clockState(clock({ dueAt: at(121) }), now)).toMatchObject({ soon: false });
  });

  it('when the due time has passed but the sweep has not stamped it yet, then it is already breached', () => {
    expect(clockState(clock({ dueAt: at(-75) }), now)).toEqual({ state: 'breached', secondsOver: 75 });
    expect(clockState(clock({ dueAt: at(0) }), now)).toEqual({ state: 'breached', secondsOver: 0 });
  });

  it('when breachedAt is set, then it is breached whatever the clock says', () => {
    expect(clockState(clock({ breachedAt: at(-1) }), now).state).toBe('breached');
  });

  it('when waiting on the customer, then it is paused (no due time)', () => {
    expect(clockState(clock({ paused: true, dueAt: null }), now)).toEqual({ state: 'paused' });
  });

  it('when met or ended, then it says whether it was late', () => {
    expect(clockState(clock({ outcome: 'met', endedAt: at(-5) }), now)).toEqual({ state: 'met', late: false });
    expect(clockState(clock({ outcome: 'met', breachedAt: at(-30) }), now)).toEqual({ state: 'met', late: true });
    expect(clockState(clock({ outcome: 'ended', breachedAt: at(-30) }), now)).toEqual({ state: 'ended', late: true });
  });
});

describe('durationParts', () => {
  it('when formatting, then the two largest units show, the smaller zero-padded', () => {
    expect(durationParts(45)).toEqual({ unit: 's', vars: { d: '0', h: '0', m: '0', s: '45' } });
    expect(durationParts(245)).toMatchObject({ unit: 'm', vars: { m: '4', s: '05' } });
    expect(durationParts(3900)).toMatchObject({ unit: 'h', vars: { h: '1', m: '05' } });
    expect(durationParts(2 * 86_400 + 3 * 3600 + 59)).toMatchObject({ unit: 'd', vars: { d: '2', h: '3' } });
  });

  it('when compact, then a zero smaller unit is dropped; a countdown keeps it', () => {
    expect(durationParts(4 * 3600, true).unit).toBe('h0');
    expect(durationParts(900, true).unit).toBe('m0');
    expect(durationParts(86_400, true).unit).toBe('d0');
    expect(durationParts(5400, true).unit).toBe('h');
    expect(durationParts(4 * 3600).unit).toBe('h');
  });

  it('when given a fraction or a negative, then whole seconds from zero are shown', () => {
    expect(durationParts(59.9)).toMatchObject({ unit: 's', vars: { s: '59' } });
    expect(durationParts(-3)).toMatchObject({ unit: 's', vars: { s: '0' } });
  });
});

describe('currentClocks', () => {
  it('when there are several rounds, then the latest of each kind shows, in kind order', () => {
    const shown = currentClocks([
      clock({ id: 'r', kind: 'resolution' }),
      clock({ id: 'n1', kind: 'next_response', cycle: 1, outcome: 'met' }),
      clock({ id: 'n2', kind: 'next_response', cycle: 2 }),
      clock({ id: 'f', outcome: 'met' }),
    ]);
    expect(shown.map((c) => c.id)).toEqual(['f', 'n2', 'r']);
  });

  it('when a response clock ended without a breach, then it is left out; a missed one stays', () => {
    expect(currentClocks([clock({ outcome: 'ended' })])).toEqual([]);
    expect(currentClocks([clock({ outcome: 'ended', breachedAt: at(-1) })])).toHaveLength(1);
  });
});

describe('soonestByConversation and sortByTimeLeft', () => {
  const a = conversation(1);
  const b = conversation(2);
  const c = conversation(3);
  const d = conversation(4);

  it('when a conversation has several running clocks, then the soonest with a due time counts', () => {
    const soonest = soonestByConversation([
      clock({ id: 'late', conversationId: a.id, dueAt: at(900) }),
      clock({ id: 'paused', conversationId: a.id, paused: true, dueAt: null }),
      clock({ id: 'soon', conversationId: a.id, dueAt: at(100) }),
      clock({ id: 'met', conversationId: b.id, outcome: 'met', dueAt: at(10) }),
    ]);
    expect(soonest.get(a.id)?.id).toBe('soon');
    expect(soonest.has(b.id)).toBe(false);
  });

  it('when sorted by time left, then overdue first, soonest next, and those without a deadline last by activity', () => {
    const soonest = soonestByConversation([
      clock({ conversationId: a.id, dueAt: at(300) }),
      clock({ conversationId: c.id, dueAt: at(-60), breachedAt: at(-60) }),
      clock({ conversationId: d.id, dueAt: at(30) }),
    ]);
    expect(sortByTimeLeft([a, b, c, d], soonest).map((x) => x.number)).toEqual([3, 4, 1, 2]);
    expect(sortByTimeLeft([a, b, c, d], new Map()).map((x) => x.number)).toEqual([4, 3, 2, 1]);
  });

  it('when the stored sort is unknown, then it is recent activity', () => {
    expect(parseInboxSort('time_left')).toBe('time_left');
    expect(parseInboxSort('bogus')).toBe('recent');
    expect(parseInboxSort(null)).toBe('recent');
  });
});

describe('report helpers', () => {
  it('when the last 7 days are asked for, then the window ends now and starts a week before', () => {
    expect(reportRange(7, now)).toEqual({ from: '2026-02-22T10:00:00.000Z', to: '2026-03-01T10:00:00.000Z' });
  });

  it('when a share is shown, then it is a whole percent, or nothing when undecided', () => {
    expect(sharePercent(0.916)).toBe('92%');
    expect(sharePercent(1)).toBe('100%');
    expect(sharePercent(null)).toBeNull();
  });
});
