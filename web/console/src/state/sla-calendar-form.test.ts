import { describe, expect, it } from 'vitest';
import type { SlaCalendar } from '../api/sla-types';
import { calendarFormToInput, calendarProblemField, calendarToForm, emptyCalendarForm, windowsOfDay } from './sla-calendar-form';

const stored: SlaCalendar = {
  id: 'c1', name: 'Riyadh', isDefault: true, createdAt: '', updatedAt: '',
  calendar: {
    timeZone: 'Asia/Riyadh', weekly: [{ day: 0, start: '09:00', end: '13:00' }, { day: 0, start: '14:00', end: '18:00' }, { day: 4, start: '22:00', end: '06:00' }],
    holidays: [{ date: '2026-03-20', name: 'Eid al-Fitr' }], specialPeriods: [{ from: '2026-02-18', to: '2026-03-19', name: 'Ramadan', weekly: [{ day: 0, start: '10:00', end: '15:00' }] }],
  },
};

describe('calendar form', () => {
  it('when a new calendar is started, then it is Monday to Friday 09:00–17:00 in the given zone', () => {
    const form = emptyCalendarForm('Europe/London');
    expect(form.timeZone).toBe('Europe/London');
    expect(form.windows.map((w) => w.day)).toEqual([1, 2, 3, 4, 5]);
  });

  it('when a stored calendar goes through the form, then the same calendar comes out, special periods kept', () => {
    const answer = calendarFormToInput(calendarToForm(stored));
    expect(answer).toEqual({ input: { name: 'Riyadh', calendar: stored.calendar, isDefault: true } });
  });

  it('when a day has two windows, then both are listed for it with their places', () => {
    expect(windowsOfDay(calendarToForm(stored), 0).map((x) => x.index)).toEqual([0, 1]);
    expect(windowsOfDay(calendarToForm(stored), 3)).toEqual([]);
  });

  it('when it is open 24/7, then no weekly hours are sent', () => {
    const answer = calendarFormToInput({ ...emptyCalendarForm('UTC'), name: 'Always', alwaysOpen: true });
    expect(answer).toEqual({ input: { name: 'Always', calendar: { timeZone: 'UTC', alwaysOpen: true }, isDefault: false } });
  });

  it('when something is wrong, then the first problem names its field', () => {
    const form = { ...emptyCalendarForm('UTC'), name: 'Shop' };
    expect(calendarFormToInput({ ...form, name: '' })).toEqual({ problem: { field: 'name', code: 'name' } });
    expect(calendarFormToInput({ ...form, windows: [] })).toEqual({ problem: { field: 'weekly', code: 'noHours' } });
    expect(calendarFormToInput({ ...form, windows: [{ day: 1, start: '9', end: '17:00' }] })).toEqual({ problem: { field: 'windows.0', code: 'time' } });
    expect(calendarFormToInput({ ...form, windows: [{ day: 1, start: '24:00', end: '17:00' }] })).toMatchObject({ problem: { code: 'time' } });
    expect(calendarFormToInput({ ...form, holidays: [{ date: '20 March', name: 'Eid' }] })).toEqual({ problem: { field: 'holidays.0', code: 'holidayDate' } });
    expect(calendarFormToInput({ ...form, holidays: [{ date: '2026-03-20', name: ' ' }] })).toEqual({ problem: { field: 'holidays.0', code: 'holidayName' } });
  });

  it('when the server names a weekly window of the sorted list, then the form window is found', () => {
    const form = { ...emptyCalendarForm('UTC'), name: 'Shop', windows: [{ day: 3, start: '09:00', end: '17:00' }, { day: 1, start: '09:00', end: '17:00' }] };
    expect(calendarProblemField('weekly[1].end: must differ from start', form)).toBe('windows.0');
    expect(calendarProblemField('timeZone: must be an IANA time zone', form)).toBe('timeZone');
    expect(calendarProblemField('holidays[0].date: must be a real date', form)).toBe('holidays.0');
  });
});
