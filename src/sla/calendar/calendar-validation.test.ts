import { describe, expect, it } from 'vitest';
import { isAppError } from '../../kernel/index.ts';
import { validateCalendar } from './calendar-validation.ts';

const office = [{ day: 1, start: '09:00', end: '17:00' }];

/** The path the refusal names, read from the error's details so the console can point at the field. */
function refusedPath(input: unknown): string {
  try {
    validateCalendar(input);
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION_FAILED') return (e.details as { path: string }).path;
    throw e;
  }
  throw new Error('the calendar was accepted');
}

describe('validateCalendar', () => {
  it('when a calendar is well formed, then a clean copy comes back', () => {
    const input = {
      timeZone: 'Asia/Riyadh',
      weekly: [{ day: 0, start: '09:00', end: '17:00' }, { day: 4, start: '20:00', end: '02:00' }, { day: 5, start: '00:00', end: '24:00' }],
      holidays: [{ date: '2026-09-23', name: 'Saudi National Day' }],
      specialPeriods: [{ from: '2027-02-08', to: '2027-03-09', name: 'Ramadan', weekly: [{ day: 0, start: '10:00', end: '15:00' }] }],
      extra: 'dropped',
    };
    const { extra: _extra, ...expected } = input;
    expect(validateCalendar(input)).toEqual(expected);
  });

  it('when a calendar is 24/7, then it needs no weekly hours and may still have holidays', () => {
    expect(validateCalendar({ timeZone: 'Europe/London', alwaysOpen: true, holidays: [{ date: '2026-12-25', name: 'Christmas Day' }] })).toEqual({
      timeZone: 'Europe/London', alwaysOpen: true, holidays: [{ date: '2026-12-25', name: 'Christmas Day' }], specialPeriods: [],
    });
  });

  it('when a field is wrong, then the refusal names its path', () => {
    expect(refusedPath(null)).toBe('calendar');
    expect(refusedPath({ timeZone: 'Mars/Olympus', weekly: office })).toBe('timeZone');
    expect(refusedPath({ timeZone: 'Asia/Riyadh' })).toBe('weekly');
    expect(refusedPath({ timeZone: 'Asia/Riyadh', weekly: 'weekdays' })).toBe('weekly');
    expect(refusedPath({ timeZone: 'Asia/Riyadh', alwaysOpen: 'yes' })).toBe('alwaysOpen');
    expect(refusedPath({ timeZone: 'Asia/Riyadh', alwaysOpen: true, weekly: office })).toBe('weekly');
    expect(refusedPath({ timeZone: 'Asia/Riyadh', weekly: [...office, 'Tuesday'] })).toBe('weekly[1]');
    expect(refusedPath({ timeZone: 'Asia/Riyadh', weekly: [{ day: 7, start: '09:00', end: '17:00' }] })).toBe('weekly[0].day');
    expect(refusedPath({ timeZone: 'Asia/Riyadh', weekly: [{ day: 1, start: '9am', end: '17:00' }] })).toBe('weekly[0].start');
    expect(refusedPath({ timeZone: 'Asia/Riyadh', weekly: [{ day: 1, start: '24:00', end: '02:00' }] })).toBe('weekly[0].start');
    expect(refusedPath({ timeZone: 'Asia/Riyadh', weekly: [{ day: 1, start: '09:00', end: '25:00' }] })).toBe('weekly[0].end');
    expect(refusedPath({ timeZone: 'Asia/Riyadh', weekly: [{ day: 1, start: '09:00', end: '09:00' }] })).toBe('weekly[0].end');
  });

  it('when a holiday or special period is wrong, then the refusal names its path', () => {
    const base = { timeZone: 'Asia/Riyadh', weekly: office };
    expect(refusedPath({ ...base, holidays: [{ date: '2026-02-30', name: 'No such day' }] })).toBe('holidays[0].date');
    expect(refusedPath({ ...base, holidays: [{ date: '2026-09-23', name: ' ' }] })).toBe('holidays[0].name');
    const ramadan = { from: '2027-02-08', to: '2027-03-09', weekly: office };
    expect(refusedPath({ ...base, specialPeriods: [{ ...ramadan, to: '2027-02-01' }] })).toBe('specialPeriods[0].to');
    expect(refusedPath({ ...base, specialPeriods: [{ ...ramadan, weekly: undefined }] })).toBe('specialPeriods[0].weekly');
    expect(refusedPath({ ...base, specialPeriods: [{ ...ramadan, weekly: [{ day: 1, start: '10:00', end: 'late' }] }] })).toBe('specialPeriods[0].weekly[0].end');
    expect(refusedPath({ ...base, specialPeriods: [{ from: '2027-03-01', to: '2027-03-31', weekly: [] }, ramadan] })).toBe('specialPeriods[0].from');
  });

  it('when a refusal is read, then its message starts with the path and says what is expected', () => {
    expect(() => validateCalendar({ timeZone: 'Asia/Riyadh', weekly: [{ day: 1, start: '09:00', end: '25:00' }] })).toThrow('weekly[0].end: must be a time HH:MM from 00:00 to 24:00');
  });
});
