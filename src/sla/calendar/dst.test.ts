import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar-types-rules.ts';
import { addBusinessTime, businessSecondsBetween, isOpen } from './business-time.ts';

const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 3600;
const iso = (d: Date) => d.toISOString().replace('.000', '');
const weekdays = [1, 2, 3, 4, 5];
const office = (timeZone: string, end = '17:00'): BusinessCalendar => ({ timeZone, weekly: weekdays.map((day) => ({ day, start: '09:00', end })) });
// A Saturday-night desk: Saturday 22:00 until Sunday 06:00, the night the clocks change.
const saturdayNight = (timeZone: string): BusinessCalendar => ({ timeZone, weekly: [{ day: 6, start: '22:00', end: '06:00' }] });

describe('Europe/London daylight saving time', () => {
  it('when clocks spring forward over the weekend (29 March 2026), then Monday 09:00 is an hour earlier in UTC', () => {
    // Fri 27 Mar 16:00 GMT + 2 h: 1.5 h on Friday, then Mon 30 Mar 09:00 BST (08:00Z) + 30 min.
    expect(iso(addBusinessTime(office('Europe/London', '17:30'), at('2026-03-27T16:00:00Z'), hours(2)))).toBe('2026-03-30T08:30:00Z');
    expect(businessSecondsBetween(office('Europe/London', '17:30'), at('2026-03-27T16:00:00Z'), at('2026-03-30T08:30:00Z'))).toBe(hours(2));
  });

  it('when clocks fall back over the weekend (25 October 2026), then Monday 09:00 is an hour later in UTC', () => {
    // Fri 23 Oct 16:00 BST (15:00Z) + 2 h: 1.5 h on Friday, then Mon 26 Oct 09:00 GMT + 30 min.
    expect(iso(addBusinessTime(office('Europe/London', '17:30'), at('2026-10-23T15:00:00Z'), hours(2)))).toBe('2026-10-26T09:30:00Z');
  });

  it('when a night shift spans the spring-forward hour, then it holds 7 real hours, not 8', () => {
    const cal = saturdayNight('Europe/London');
    expect(businessSecondsBetween(cal, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(hours(7));
    expect(isOpen(cal, at('2026-03-29T04:59:00Z'))).toBe(true); // 05:59 BST
    expect(isOpen(cal, at('2026-03-29T05:00:00Z'))).toBe(false); // 06:00 BST
  });

  it('when a night shift spans the fall-back hour, then it holds 9 real hours, and the repeated hour counts twice', () => {
    const cal = saturdayNight('Europe/London');
    expect(businessSecondsBetween(cal, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(hours(9));
    // 8 h from 22:00 BST (21:00Z) ends at 05:00 GMT, one wall-clock hour "early".
    expect(iso(addBusinessTime(cal, at('2026-10-24T21:00:00Z'), hours(8)))).toBe('2026-10-25T05:00:00Z');
  });
});

describe('America/New_York daylight saving time', () => {
  it('when clocks spring forward (8 March 2026), then a Friday ticket is due Monday 10:00 EDT', () => {
    // Fri 6 Mar 16:00 EST (21:00Z) + 2 h: 1 h on Friday, Mon 9 Mar 09:00 EDT (13:00Z) + 1 h.
    expect(iso(addBusinessTime(office('America/New_York'), at('2026-03-06T21:00:00Z'), hours(2)))).toBe('2026-03-09T14:00:00Z');
  });

  it('when clocks fall back (1 November 2026), then a Friday ticket is due Monday 10:00 EST', () => {
    // Fri 30 Oct 16:00 EDT (20:00Z) + 2 h: 1 h on Friday, Mon 2 Nov 09:00 EST (14:00Z) + 1 h.
    expect(iso(addBusinessTime(office('America/New_York'), at('2026-10-30T20:00:00Z'), hours(2)))).toBe('2026-11-02T15:00:00Z');
  });

  it('when night shifts span both changes, then they hold 7 and 9 real hours', () => {
    const cal = saturdayNight('America/New_York');
    expect(businessSecondsBetween(cal, at('2026-03-07T12:00:00Z'), at('2026-03-08T18:00:00Z'))).toBe(hours(7));
    expect(businessSecondsBetween(cal, at('2026-10-31T12:00:00Z'), at('2026-11-01T18:00:00Z'))).toBe(hours(9));
  });
});

describe('24/7 across daylight saving time', () => {
  it('when a 24/7 calendar spans the short night, then business time is real elapsed time', () => {
    const always: BusinessCalendar = { timeZone: 'Europe/London', alwaysOpen: true };
    expect(iso(addBusinessTime(always, at('2026-03-28T12:00:00Z'), hours(24)))).toBe('2026-03-29T12:00:00Z');
  });

  it('when a 24/7 calendar closes for a holiday on the 23-hour day, then only those 23 hours are lost', () => {
    const always: BusinessCalendar = { timeZone: 'Europe/London', alwaysOpen: true, holidays: [{ date: '2026-03-29', name: 'Closed' }] };
    // Sat 00:00 GMT to Tue 00:00 BST (Mon 23:00Z) is 71 real hours; the holiday takes 23 of them.
    expect(businessSecondsBetween(always, at('2026-03-28T00:00:00Z'), at('2026-03-30T23:00:00Z'))).toBe(hours(48));
    expect(isOpen(always, at('2026-03-29T22:59:00Z'))).toBe(false);
    expect(isOpen(always, at('2026-03-29T23:00:00Z'))).toBe(true); // Mon 00:00 BST
  });
});
