import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar-types-rules.ts';
import { deadlineWithPauses } from './deadline-with-pauses.ts';

const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 3600;
const iso = (d: Date | null) => d?.toISOString().replace('.000', '') ?? null;
// Riyadh, Sunday–Thursday 09:00–17:00 AST (06:00–14:00Z). Mon 23 Nov 2026 09:00 AST is 06:00Z.
const riyadh: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: [0, 1, 2, 3, 4].map((day) => ({ day, start: '09:00', end: '17:00' })) };
const mondayMorning = at('2026-11-23T06:00:00Z');

describe('deadlineWithPauses', () => {
  it('when nothing paused the clock, then the deadline is plain business time', () => {
    const d = deadlineWithPauses(riyadh, mondayMorning, hours(8), [], at('2026-11-23T07:00:00Z'));
    expect({ ...d, dueAt: iso(d.dueAt) }).toEqual({ dueAt: '2026-11-23T14:00:00Z', elapsedBusinessSeconds: hours(1), remainingBusinessSeconds: hours(7) });
  });

  it('when the clock paused and resumed, then the paused time moves the deadline on', () => {
    // Paused 10:00–12:00 AST; at 13:00, 2 h have run; 6 h left: 4 h today, Tue 09:00 + 2 h.
    const pauses = [{ from: at('2026-11-23T07:00:00Z'), to: at('2026-11-23T09:00:00Z') }];
    const d = deadlineWithPauses(riyadh, mondayMorning, hours(8), pauses, at('2026-11-23T10:00:00Z'));
    expect({ ...d, dueAt: iso(d.dueAt) }).toEqual({ dueAt: '2026-11-24T08:00:00Z', elapsedBusinessSeconds: hours(2), remainingBusinessSeconds: hours(6) });
  });

  it('when the clock is paused now, then there is no due time yet but elapsed and remaining are known', () => {
    const pauses = [{ from: at('2026-11-23T07:00:00Z'), to: null }];
    const d = deadlineWithPauses(riyadh, mondayMorning, hours(8), pauses, at('2026-11-23T12:00:00Z'));
    expect(d).toEqual({ dueAt: null, elapsedBusinessSeconds: hours(1), remainingBusinessSeconds: hours(7) });
  });

  it('when a pause covers a weekend, then closed time is not taken off twice', () => {
    // Started Thu 26 Nov 09:00 AST, paused Thu 16:00 → Sun 10:00 AST: 7 h ran, 1 h left → Sun 11:00 AST.
    const pauses = [{ from: at('2026-11-26T13:00:00Z'), to: at('2026-11-29T07:00:00Z') }];
    const d = deadlineWithPauses(riyadh, at('2026-11-26T06:00:00Z'), hours(8), pauses, at('2026-11-29T07:00:00Z'));
    expect({ ...d, dueAt: iso(d.dueAt) }).toEqual({ dueAt: '2026-11-29T08:00:00Z', elapsedBusinessSeconds: hours(7), remainingBusinessSeconds: hours(1) });
  });

  it('when the target was used up before the pause began, then the breach stays in the past', () => {
    const pauses = [{ from: at('2026-11-23T08:00:00Z'), to: null }];
    const d = deadlineWithPauses(riyadh, mondayMorning, hours(1), pauses, at('2026-11-23T09:00:00Z'));
    expect({ ...d, dueAt: iso(d.dueAt) }).toEqual({ dueAt: '2026-11-23T07:00:00Z', elapsedBusinessSeconds: hours(2), remainingBusinessSeconds: 0 });
  });

  it('when pauses overlap, come out of order or began before the clock, then each paused moment counts once', () => {
    const pauses = [
      { from: at('2026-11-23T08:00:00Z'), to: at('2026-11-23T09:00:00Z') },
      { from: at('2026-11-23T05:00:00Z'), to: at('2026-11-23T06:30:00Z') }, // waiting on the customer from before the start
      { from: at('2026-11-23T07:30:00Z'), to: at('2026-11-23T08:30:00Z') },
    ];
    // Ran 06:30–07:30Z and 09:00–10:00Z: 2 h of 4 h, 2 h left → 12:00Z.
    const d = deadlineWithPauses(riyadh, mondayMorning, hours(4), pauses, at('2026-11-23T10:00:00Z'));
    expect({ ...d, dueAt: iso(d.dueAt) }).toEqual({ dueAt: '2026-11-23T12:00:00Z', elapsedBusinessSeconds: hours(2), remainingBusinessSeconds: hours(2) });
  });

  it('when now is before the clock starts, then nothing has elapsed', () => {
    const d = deadlineWithPauses(riyadh, mondayMorning, hours(1), [], at('2026-11-22T06:00:00Z'));
    expect({ ...d, dueAt: iso(d.dueAt) }).toEqual({ dueAt: '2026-11-23T07:00:00Z', elapsedBusinessSeconds: 0, remainingBusinessSeconds: hours(1) });
  });

  it('when the target is zero, then it is due at the first open moment', () => {
    const d = deadlineWithPauses(riyadh, at('2026-11-27T06:00:00Z'), 0, [], at('2026-11-27T06:00:00Z'));
    expect(iso(d.dueAt)).toBe('2026-11-29T06:00:00Z');
  });

  it('when a pause ends before it begins or the target is negative, then it is refused with the path', () => {
    const backwards = [{ from: at('2026-11-23T08:00:00Z'), to: at('2026-11-23T07:00:00Z') }];
    expect(() => deadlineWithPauses(riyadh, mondayMorning, 60, backwards, mondayMorning)).toThrow(/^pauses\[0\]\.to:/);
    expect(() => deadlineWithPauses(riyadh, mondayMorning, -60, [], mondayMorning)).toThrow(/^targetSeconds:/);
  });
});
