/**
 * The business calendar form as plain data: a time zone, opening hours per weekday (several
 * windows a day allowed), holidays, 24/7 and "default". Special periods are not edited here; they
 * are kept as they were when a calendar is saved again.
 */
import type { BusinessCalendar, CalendarWindow, SlaCalendar, SlaCalendarInput } from '../api/sla-types';

export interface WindowField {
  day: number;
  start: string;
  end: string;
}

export interface HolidayField {
  date: string;
  name: string;
}

export interface CalendarForm {
  name: string;
  timeZone: string;
  alwaysOpen: boolean;
  isDefault: boolean;
  windows: WindowField[];
  holidays: HolidayField[];
  /** Kept untouched from the stored calendar. */
  specialPeriods: NonNullable<BusinessCalendar['specialPeriods']>;
}

export interface CalendarProblem {
  /** `name`, `timeZone`, `windows.<i>`, `holidays.<i>` or `weekly` (no hours at all). */
  field: string;
  code: 'name' | 'timeZone' | 'time' | 'noHours' | 'holidayDate' | 'holidayName';
}

/** Days in the order a week is shown: Sunday first (0) … Saturday (6), as the server numbers them. */
export const weekDays = [0, 1, 2, 3, 4, 5, 6] as const;

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A new calendar: Monday to Friday 09:00–17:00 in the browser's time zone. */
export function emptyCalendarForm(timeZone: string): CalendarForm {
  return {
    name: '', timeZone, alwaysOpen: false, isDefault: false,
    windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
    holidays: [], specialPeriods: [],
  };
}

export function calendarToForm(stored: SlaCalendar): CalendarForm {
  const c = stored.calendar ?? ({ timeZone: 'UTC' } as BusinessCalendar);
  return {
    name: stored.name, timeZone: c.timeZone ?? 'UTC', alwaysOpen: c.alwaysOpen === true, isDefault: stored.isDefault,
    windows: (c.weekly ?? []).map((w) => ({ ...w })), holidays: (c.holidays ?? []).map((h) => ({ ...h })),
    specialPeriods: c.specialPeriods ?? [],
  };
}

/** A day's windows with their index in `windows` (so the form can edit and remove them in place). */
export function windowsOfDay(form: CalendarForm, day: number): { window: WindowField; index: number }[] {
  return form.windows.map((window, index) => ({ window, index })).filter((x) => x.window.day === day);
}

/** The body for POST/PUT, or the first problem to fix (the server checks everything again). */
export function calendarFormToInput(form: CalendarForm): { input: SlaCalendarInput } | { problem: CalendarProblem } {
  if (!form.name.trim()) return { problem: { field: 'name', code: 'name' } };
  if (!form.timeZone.trim()) return { problem: { field: 'timeZone', code: 'timeZone' } };
  const weekly: CalendarWindow[] = [];
  if (!form.alwaysOpen) {
    for (const [i, w] of form.windows.entries()) {
      if (!timePattern.test(w.start) || w.start === '24:00' || !timePattern.test(w.end) || w.start === w.end) return { problem: { field: `windows.${i}`, code: 'time' } };
      weekly.push({ day: w.day, start: w.start, end: w.end });
    }
    if (weekly.length === 0) return { problem: { field: 'weekly', code: 'noHours' } };
  }
  const holidays = [];
  for (const [i, h] of form.holidays.entries()) {
    if (!datePattern.test(h.date)) return { problem: { field: `holidays.${i}`, code: 'holidayDate' } };
    if (!h.name.trim()) return { problem: { field: `holidays.${i}`, code: 'holidayName' } };
    holidays.push({ date: h.date, name: h.name.trim() });
  }
  const calendar: BusinessCalendar = { timeZone: form.timeZone.trim() };
  if (form.alwaysOpen) calendar.alwaysOpen = true;
  else calendar.weekly = weekly.sort((a, b) => a.day - b.day || a.start.localeCompare(b.start));
  if (holidays.length) calendar.holidays = holidays;
  if (form.specialPeriods.length) calendar.specialPeriods = form.specialPeriods;
  return { input: { name: form.name.trim(), calendar, isDefault: form.isDefault } };
}

/** The form field a server error points at ("weekly[2].end: …", "timeZone: …", "holidays[0].date: …"). */
export function calendarProblemField(message: string, form: CalendarForm): string | null {
  if (message.startsWith('timeZone')) return 'timeZone';
  const holiday = /^holidays\[(\d+)\]/.exec(message);
  if (holiday) return `holidays.${holiday[1]}`;
  const window = /^weekly\[(\d+)\]/.exec(message);
  if (window) {
    // The server numbers the sorted list it was sent; find that window in the form.
    const answer = calendarFormToInput(form);
    const sent = 'input' in answer ? (answer.input.calendar.weekly ?? []) : [];
    const w = sent[Number(window[1])];
    const index = w ? form.windows.findIndex((f) => f.day === w.day && f.start === w.start && f.end === w.end) : -1;
    return index >= 0 ? `windows.${index}` : 'weekly';
  }
  if (message.startsWith('weekly')) return 'weekly';
  return message.startsWith('name') ? 'name' : null;
}
