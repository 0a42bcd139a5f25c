import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BusinessCalendar } from './calendar-types-rules.ts';
import { addBusinessTime, businessSecondsBetween, isOpen } from './business-time.ts';

const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 3600;
const days = (n: number) => n * 86_400;
const iso = (d: Date) => d.toISOString().replace('.000', '');
const sundayToThursday = [0, 1, 2, 3, 4].map((day) => ({ day, start: '09:00', end: '17:00' }));
const mondayToFriday = (start: string, end: string) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));

describe('time zones east and west of UTC', () => {
  it('when a Kolkata (+05:30) ticket comes in 30 min before closing, then the rest is due next morning on the half hour', () => {
    const kolkata: BusinessCalendar = { timeZone: 'Asia/Kolkata', weekly: mondayToFriday('09:30', '18:00') };
    // Mon 23 Nov 17:30 IST (12:00Z) + 1 h → Tue 10:00 IST (04:30Z).
    expect(iso(addBusinessTime(kolkata, at('2026-11-23T12:00:00Z'), hours(1)))).toBe('2026-11-24T04:30:00Z');
  });

  it('when a Los Angeles ticket comes in on Wednesday evening and Thursday is Thanksgiving, then it is due on Friday', () => {
    const la: BusinessCalendar = { timeZone: 'America/Los_Angeles', weekly: mondayToFriday('08:00', '17:00'), holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }] };
    // Wed 25 Nov 16:00 PST is already Thursday in UTC. 1 h on Wednesday, then Fri 08:00 PST + 2 h.
    expect(iso(addBusinessTime(la, at('2026-11-26T00:00:00Z'), hours(3)))).toBe('2026-11-27T18:00:00Z');
  });
});

describe('holidays', () => {
  const riyadh: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: sundayToThursday, holidays: [{ date: '2026-09-23', name: 'Saudi National Day' }] };

  it('when a working day is a holiday, then the whole local day is closed and the clock moves to the next day', () => {
    expect(isOpen(riyadh, at('2026-09-23T08:00:00Z'))).toBe(false);
    // Tue 22 Sep 16:00 AST + 2 h: 1 h on Tuesday, Wednesday closed, Thu 24 Sep 09:00 + 1 h.
    expect(iso(addBusinessTime(riyadh, at('2026-09-22T13:00:00Z'), hours(2)))).toBe('2026-09-24T07:00:00Z');
  });

  it('when a night shift runs into a holiday, then it stops at midnight; when it starts on one, then it opens at midnight', () => {
    const night: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: [0, 1, 2, 3, 4].map((day) => ({ day, start: '20:00', end: '02:00' })), holidays: [{ date: '2026-09-23', name: 'Saudi National Day' }] };
    expect(isOpen(night, at('2026-09-22T20:30:00Z'))).toBe(true); // Tue 23:30 AST
    expect(isOpen(night, at('2026-09-22T21:30:00Z'))).toBe(false); // Wed 00:30 AST, the holiday
    expect(isOpen(night, at('2026-09-23T18:00:00Z'))).toBe(false); // Wed 21:00 AST, the holiday
    expect(isOpen(night, at('2026-09-23T21:30:00Z'))).toBe(true); // Thu 00:30 AST
  });
});

describe('special periods', () => {
  // Ramadan 2027 (about 8 Feb – 9 Mar): shorter hours, 10:00–15:00.
  const riyadh: BusinessCalendar = {
    timeZone: 'Asia/Riyadh',
    weekly: sundayToThursday,
    specialPeriods: [{ from: '2027-02-08', to: '2027-03-09', name: 'Ramadan', weekly: [0, 1, 2, 3, 4].map((day) => ({ day, start: '10:00', end: '15:00' })) }],
  };

  it('when a ticket comes in during the special period, then the shorter hours apply', () => {
    expect(isOpen(riyadh, at('2027-02-08T06:30:00Z'))).toBe(false); // 09:30 AST
    // Mon 8 Feb 14:00 AST + 2 h: 1 h to 15:00, then Tue 10:00 + 1 h.
    expect(iso(addBusinessTime(riyadh, at('2027-02-08T11:00:00Z'), hours(2)))).toBe('2027-02-09T08:00:00Z');
  });

  it('when the period ends, then the weekly hours come back the next day', () => {
    // Tue 9 Mar 14:00 AST + 2 h: 1 h to 15:00, then Wed 10 Mar 09:00 + 1 h.
    expect(iso(addBusinessTime(riyadh, at('2027-03-09T11:00:00Z'), hours(2)))).toBe('2027-03-10T07:00:00Z');
  });

  it('when the day before the period is a normal day, then it keeps the normal hours', () => {
    expect(businessSecondsBetween(riyadh, at('2027-02-07T00:00:00Z'), at('2027-02-08T00:00:00Z'))).toBe(hours(8)); // a Sunday
  });
});

describe('24/7', () => {
  it('when a calendar is always open, then business time is elapsed time, nights and weekends included', () => {
    const always: BusinessCalendar = { timeZone: 'Asia/Riyadh', alwaysOpen: true };
    expect(isOpen(always, at('2026-11-27T23:59:59Z'))).toBe(true);
    expect(iso(addBusinessTime(always, at('2026-11-26T13:00:00Z'), hours(30)))).toBe('2026-11-27T19:00:00Z');
    expect(businessSecondsBetween(always, at('2026-11-26T13:00:00Z'), at('2026-12-26T13:00:00Z'))).toBe(days(30));
  });
});

describe('very long targets', () => {
  afterEach(() => vi.restoreAllMocks());

  it('when a 30-business-day target runs, then it lands on the right day, walking windows rather than minutes', () => {
    const riyadh: BusinessCalendar = { timeZone: 'Asia/Riyadh', weekly: sundayToThursday };
    const reads = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    // 240 h from Mon 23 Nov 09:00 AST: 32 h this week, five 40 h weeks to Thu 31 Dec, 8 h on Sun 3 Jan.
    const due = addBusinessTime(riyadh, at('2026-11-23T06:00:00Z'), hours(240));
    expect(iso(due)).toBe('2027-01-03T14:00:00Z');
    // About 42 days × a few zone reads; minute by minute would be over 60 000.
    expect(reads.mock.calls.length).toBeLessThan(2_000);
    expect(businessSecondsBetween(riyadh, at('2026-11-23T06:00:00Z'), due)).toBe(hours(240));
  });

  it('when a five-year target runs on a 24/7 calendar with a holiday, then exactly the holiday day is skipped', () => {
    const always: BusinessCalendar = { timeZone: 'Asia/Riyadh', alwaysOpen: true, holidays: [{ date: '2027-01-01', name: 'Closed' }] };
    const start = at('2026-11-23T06:00:00Z');
    const due = addBusinessTime(always, start, days(5 * 365));
    expect(due.getTime() - start.getTime()).toBe((days(5 * 365) + days(1)) * 1000);
    expect(businessSecondsBetween(always, start, due)).toBe(days(5 * 365));
  });
});
