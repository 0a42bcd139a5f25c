import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar-types-rules.ts';
import { addBusinessTime, businessSecondsBetween, isOpen, nextOpening } from './business-time.ts';

const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 3600;
const iso = (d: Date) => d.toISOString().replace('.000', '');
const sundayToThursday = [0, 1, 2, 3, 4];

// Riyadh: UTC+3 all year, weekend Friday–Saturday. 09:00 AST is 06:00Z.
const riyadh: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: sundayToThursday.map((day) => ({ day, start: '09:00', end: '17:00' })) };
// London: Saturday–Sunday weekend.
const london: BusinessCalendar = { timeZone: 'Europe/London', weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:30' })) };

describe('addBusinessTime across weekends', () => {
  it('when a Riyadh ticket comes in Thursday afternoon, then the Friday–Saturday weekend does not count', () => {
    // Thu 26 Nov 16:00 AST + 4 h: 1 h on Thursday, 3 h from Sunday 09:00 → Sun 12:00 AST.
    expect(iso(addBusinessTime(riyadh, at('2026-11-26T13:00:00Z'), hours(4)))).toBe('2026-11-29T09:00:00Z');
  });

  it('when a London ticket comes in Friday afternoon, then the Saturday–Sunday weekend does not count', () => {
    // Fri 27 Nov 17:00 GMT + 1 h: 30 min on Friday, 30 min from Monday 09:00.
    expect(iso(addBusinessTime(london, at('2026-11-27T17:00:00Z'), hours(1)))).toBe('2026-11-30T09:30:00Z');
  });

  it('when Riyadh works on Sunday, then Sunday is a working day there, unlike London', () => {
    expect(isOpen(riyadh, at('2026-11-29T07:00:00Z'))).toBe(true);
    expect(isOpen(london, at('2026-11-29T10:00:00Z'))).toBe(false);
    expect(isOpen(riyadh, at('2026-11-27T07:00:00Z'))).toBe(false); // Friday
  });

  it('when the target ends exactly at closing, then it is due at closing, not at the next opening', () => {
    expect(iso(addBusinessTime(riyadh, at('2026-11-23T06:00:00Z'), hours(8)))).toBe('2026-11-23T14:00:00Z');
  });
});

describe('start in closed time and zero targets', () => {
  it('when a ticket comes in on Friday, then counting starts at Sunday 09:00', () => {
    expect(iso(addBusinessTime(riyadh, at('2026-11-27T07:00:00Z'), hours(1)))).toBe('2026-11-29T07:00:00Z');
  });

  it('when the target is zero and the calendar is open, then it is due at once', () => {
    expect(iso(addBusinessTime(riyadh, at('2026-11-23T08:15:30Z'), 0))).toBe('2026-11-23T08:15:30Z');
  });

  it('when the target is zero and the calendar is closed, then it is due at the next opening', () => {
    expect(iso(addBusinessTime(riyadh, at('2026-11-26T14:00:00Z'), 0))).toBe('2026-11-29T06:00:00Z');
  });

  it('when the target is negative or not a number, then it is refused with its path', () => {
    expect(() => addBusinessTime(riyadh, at('2026-11-23T06:00:00Z'), -1)).toThrow(/^seconds:/);
    expect(() => addBusinessTime(riyadh, at('2026-11-23T06:00:00Z'), NaN)).toThrow(/^seconds:/);
    expect(() => addBusinessTime(riyadh, new Date(NaN), 1)).toThrow(/^start:/);
  });
});

describe('isOpen and nextOpening', () => {
  it('when it is the closing minute, then it is closed and the next opening is the next working morning', () => {
    expect(isOpen(riyadh, at('2026-11-26T13:59:59Z'))).toBe(true);
    expect(isOpen(riyadh, at('2026-11-26T14:00:00Z'))).toBe(false);
    expect(iso(nextOpening(riyadh, at('2026-11-26T14:00:00Z')))).toBe('2026-11-29T06:00:00Z');
  });

  it('when the calendar is open, then the next opening is now', () => {
    expect(iso(nextOpening(riyadh, at('2026-11-23T10:00:00Z')))).toBe('2026-11-23T10:00:00Z');
  });
});

describe('businessSecondsBetween', () => {
  it('when a span covers a weekend, then only open time is counted', () => {
    expect(businessSecondsBetween(riyadh, at('2026-11-26T13:00:00Z'), at('2026-11-29T09:00:00Z'))).toBe(hours(4));
  });

  it('when the span is reversed, then the count is negative; when it is empty, then zero', () => {
    expect(businessSecondsBetween(riyadh, at('2026-11-29T09:00:00Z'), at('2026-11-26T13:00:00Z'))).toBe(-hours(4));
    expect(businessSecondsBetween(riyadh, at('2026-11-23T10:00:00Z'), at('2026-11-23T10:00:00Z'))).toBe(0);
  });

  it('when windows overlap or leave a lunch break, then overlapping time counts once and the break not at all', () => {
    const overlapping: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: [{ day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '11:00', end: '14:00' }, { day: 1, start: '13:00', end: '17:00' }] };
    const lunch: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: [{ day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '13:00', end: '17:00' }] };
    const day = [at('2026-11-23T00:00:00Z'), at('2026-11-24T00:00:00Z')] as const;
    expect(businessSecondsBetween(overlapping, ...day)).toBe(hours(8));
    expect(businessSecondsBetween(lunch, ...day)).toBe(hours(7));
    expect(iso(addBusinessTime(lunch, at('2026-11-23T08:00:00Z'), hours(2)))).toBe('2026-11-23T11:00:00Z'); // 11:00 + 1 h, lunch, 13:00 + 1 h
  });
});

describe('windows crossing midnight', () => {
  // A Riyadh night desk, Sunday–Thursday evenings 20:00 until 02:00 the next morning.
  const night: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: sundayToThursday.map((day) => ({ day, start: '20:00', end: '02:00' })) };

  it('when Thursday night runs into Friday, then the shift is open after midnight and closed from 02:00', () => {
    expect(isOpen(night, at('2026-11-26T22:00:00Z'))).toBe(true); // Fri 01:00 AST
    expect(isOpen(night, at('2026-11-26T23:00:00Z'))).toBe(false); // Fri 02:00 AST
  });

  it('when a target outlasts Thursday night, then it resumes on Sunday evening', () => {
    // Thu 23:00 AST + 4 h: 3 h to Fri 02:00, then Sun 20:00 + 1 h.
    expect(iso(addBusinessTime(night, at('2026-11-26T20:00:00Z'), hours(4)))).toBe('2026-11-29T18:00:00Z');
  });

  it('when a window ends at 24:00 and the next starts at 00:00, then time flows on across midnight', () => {
    const evenings: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: [{ day: 1, start: '22:00', end: '24:00' }, { day: 2, start: '00:00', end: '03:00' }] };
    expect(iso(addBusinessTime(evenings, at('2026-11-23T19:00:00Z'), hours(4)))).toBe('2026-11-23T23:00:00Z'); // Tue 02:00 AST
  });
});

describe('a calendar that never opens', () => {
  it('when an unvalidated calendar has no hours at all, then the search gives up instead of running forever', () => {
    const closed: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: [] };
    expect(() => addBusinessTime(closed, at('2026-11-23T06:00:00Z'), 60)).toThrow(RangeError);
    expect(() => nextOpening(closed, at('2026-11-23T06:00:00Z'))).toThrow(/opens on no day/);
    expect(isOpen(closed, at('2026-11-23T06:00:00Z'))).toBe(false);
  });
});
