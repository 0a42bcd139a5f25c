import { describe, expect, it } from 'vitest';
import { isOpenAt, isWithinWindows, minuteOfWeek, parseClock } from './weekly-hours-rules.ts';

const at = (day: number, hh: number, mm = 0) => day * 1440 + hh * 60 + mm;

describe('parseClock', () => {
  it('when a time is HH:MM, then it is minutes after midnight, and 24:00 is the end of the day', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
  });

  it('when a time is malformed, then it is null', () => {
    expect(parseClock('9am')).toBeNull();
    expect(parseClock('12:75')).toBeNull();
    expect(parseClock('25:00')).toBeNull();
  });
});

describe('isWithinWindows', () => {
  const office = [{ day: 1, start: '09:00', end: '17:00' }];

  it('when the minute is inside a window, then it is open; the end minute is already closed', () => {
    expect(isWithinWindows(at(1, 9), office)).toBe(true);
    expect(isWithinWindows(at(1, 16, 59), office)).toBe(true);
    expect(isWithinWindows(at(1, 17), office)).toBe(false);
    expect(isWithinWindows(at(2, 10), office)).toBe(false);
  });

  it('when a shift runs 22:00–06:00 from Friday, then it covers Friday night and Saturday morning', () => {
    const night = [{ day: 5, start: '22:00', end: '06:00' }];
    expect(isWithinWindows(at(5, 23), night)).toBe(true);
    expect(isWithinWindows(at(6, 3), night)).toBe(true);
    expect(isWithinWindows(at(6, 6), night)).toBe(false);
    expect(isWithinWindows(at(5, 21, 59), night)).toBe(false);
  });

  it('when a night shift starts on Saturday, then it wraps into Sunday morning of the week', () => {
    const night = [{ day: 6, start: '22:00', end: '02:00' }];
    expect(isWithinWindows(at(0, 1), night)).toBe(true);
    expect(isWithinWindows(at(0, 2), night)).toBe(false);
  });

  it('when a window is malformed, then it opens nothing', () => {
    expect(isWithinWindows(at(1, 10), [{ day: 1, start: 'nine', end: '17:00' }, { day: 9, start: '00:00', end: '24:00' }])).toBe(false);
  });
});

describe('minuteOfWeek', () => {
  it('when it is Monday 12:00 UTC, then it is Monday 15:00 in Riyadh', () => {
    expect(minuteOfWeek(new Date('2026-11-23T12:00:00Z'), 'Asia/Riyadh')).toBe(at(1, 15));
  });

  it('when it is Monday 02:00 UTC, then it is still Sunday evening in New York', () => {
    expect(minuteOfWeek(new Date('2026-11-23T02:00:00Z'), 'America/New_York')).toBe(at(0, 21));
  });

  it('when the zone is unknown, then there is no wall clock to read', () => {
    expect(minuteOfWeek(new Date('2026-11-23T12:00:00Z'), 'Mars/Olympus')).toBeNull();
    expect(isOpenAt(new Date('2026-11-23T12:00:00Z'), 'Mars/Olympus', [{ day: 1, start: '00:00', end: '24:00' }])).toBe(false);
  });
});

describe('isOpenAt across daylight saving time', () => {
  const office = [{ day: 1, start: '09:00', end: '17:00' }];

  it('when New York is on summer time, then a 09:00 shift has started at 13:30 UTC', () => {
    expect(isOpenAt(new Date('2026-07-13T13:30:00Z'), 'America/New_York', office)).toBe(true);
  });

  it('when New York is on winter time, then the same 09:00 shift has not started at 13:30 UTC', () => {
    expect(isOpenAt(new Date('2026-11-23T13:30:00Z'), 'America/New_York', office)).toBe(false);
  });

  it('when clocks spring forward during a night shift, then the shift ends an hour earlier in UTC', () => {
    const night = [{ day: 6, start: '22:00', end: '06:00' }]; // Saturday night into Sunday 8 March 2026
    expect(isOpenAt(new Date('2026-03-08T06:30:00Z'), 'America/New_York', night)).toBe(true); // 01:30 EST
    expect(isOpenAt(new Date('2026-03-08T10:30:00Z'), 'America/New_York', night)).toBe(false); // 06:30 EDT
    expect(isOpenAt(new Date('2026-03-01T10:30:00Z'), 'America/New_York', night)).toBe(true); // a week before: 05:30 EST
  });
});
