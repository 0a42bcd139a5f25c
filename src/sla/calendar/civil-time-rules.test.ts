import { describe, expect, it } from 'vitest';
import { parseClock, parseDay, weekdayOf } from './civil-time-rules.ts';

describe('civil time', () => {
  it('when a clock time is HH:MM, then it is minutes after midnight, and 24:00 is the end of the day', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('9:30')).toBeNull();
    expect(parseClock('24:01')).toBeNull();
    expect(parseClock('12:60')).toBeNull();
  });

  it('when a date is real, then it is a day number; when it is not, then it is null', () => {
    expect(parseDay('1970-01-02')).toBe(1);
    expect(parseDay('2028-02-29')).not.toBeNull();
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('26-11-23')).toBeNull();
  });

  it('when a day number is given, then its weekday counts from Sunday = 0', () => {
    expect(weekdayOf(parseDay('2026-11-23') ?? NaN)).toBe(1); // a Monday
    expect(weekdayOf(parseDay('2026-11-27') ?? NaN)).toBe(5); // a Friday
    expect(weekdayOf(parseDay('1969-12-28') ?? NaN)).toBe(0); // before day 0 still works
  });
});
