/**
 * Checks a calendar as admins send it and names the exact field at fault
 * ("specialPeriods[0].weekly[2].end: …"), so a settings screen can point at it.
 */
import type { BusinessCalendar, CalendarHoliday, CalendarWindow, SpecialPeriod } from './calendar-types-rules.ts';
import { parseClock, parseDay } from './civil-time-rules.ts';
import { isKnownTimeZone } from './zone-clock-rules.ts';
import { AppError } from '../../kernel/index.ts';

function refuse(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', `${path}: ${message}`, { path });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function list(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) refuse(path, 'must be a list');
  return value;
}

function day(value: unknown, path: string): string {
  if (typeof value !== 'string' || parseDay(value) === null) refuse(path, 'must be a real date written YYYY-MM-DD');
  return value;
}

function windows(value: unknown, path: string): CalendarWindow[] {
  return list(value, path).map((w, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(w)) refuse(at, 'must be an object { day, start, end }');
    if (!Number.isInteger(w.day) || (w.day as number) < 0 || (w.day as number) > 6) refuse(`${at}.day`, 'must be 0 (Sunday) to 6 (Saturday)');
    const start = typeof w.start === 'string' ? parseClock(w.start) : null;
    const end = typeof w.end === 'string' ? parseClock(w.end) : null;
    if (start === null || start === 1440) refuse(`${at}.start`, 'must be a time HH:MM from 00:00 to 23:59');
    if (end === null) refuse(`${at}.end`, 'must be a time HH:MM from 00:00 to 24:00');
    // Equal times would mean either nothing or a full day; '00:00'–'24:00' says a full day plainly.
    if (end === start) refuse(`${at}.end`, 'must differ from start (use 00:00–24:00 for a whole day)');
    return { day: w.day as number, start: w.start as string, end: w.end as string };
  });
}

function holidays(value: unknown): CalendarHoliday[] {
  return list(value, 'holidays').map((h, i) => {
    if (!isRecord(h)) refuse(`holidays[${i}]`, 'must be an object { date, name }');
    const date = day(h.date, `holidays[${i}].date`);
    if (typeof h.name !== 'string' || h.name.trim() === '') refuse(`holidays[${i}].name`, 'must be a non-empty name');
    return { date, name: h.name };
  });
}

function specialPeriods(value: unknown): SpecialPeriod[] {
  const periods = list(value, 'specialPeriods').map((p, i): SpecialPeriod => {
    const at = `specialPeriods[${i}]`;
    if (!isRecord(p)) refuse(at, 'must be an object { from, to, weekly }');
    const from = day(p.from, `${at}.from`);
    const to = day(p.to, `${at}.to`);
    if (to < from) refuse(`${at}.to`, 'must not be before from');
    if (p.name !== undefined && typeof p.name !== 'string') refuse(`${at}.name`, 'must be text');
    // An empty list is allowed: a period may close the team (a retreat week) without being holidays.
    if (!Array.isArray(p.weekly)) refuse(`${at}.weekly`, 'must be a list of windows (it may be empty)');
    const period: SpecialPeriod = { from, to, weekly: windows(p.weekly, `${at}.weekly`) };
    return typeof p.name === 'string' ? { ...period, name: p.name } : period;
  });
  // Overlaps would leave it unclear whose hours apply; 'YYYY-MM-DD' strings compare as dates.
  const order = periods.map((p, i) => ({ p, i })).sort((a, b) => (a.p.from < b.p.from ? -1 : 1));
  for (let k = 1; k < order.length; k += 1) {
    const prev = order[k - 1];
    const cur = order[k];
    if (prev && cur && cur.p.from <= prev.p.to) refuse(`specialPeriods[${cur.i}].from`, `overlaps specialPeriods[${prev.i}] (${prev.p.from}–${prev.p.to})`);
  }
  return periods;
}

/** A checked copy of the calendar, or an AppError VALIDATION_FAILED whose details.path names the field. */
export function validateCalendar(input: unknown): BusinessCalendar {
  if (!isRecord(input)) refuse('calendar', 'must be an object');
  if (typeof input.timeZone !== 'string' || !isKnownTimeZone(input.timeZone)) refuse('timeZone', 'must be an IANA time zone such as Asia/Riyadh or Europe/London');
  if (input.alwaysOpen !== undefined && typeof input.alwaysOpen !== 'boolean') refuse('alwaysOpen', 'must be true or false');
  const alwaysOpen = input.alwaysOpen === true;
  const weekly = windows(input.weekly, 'weekly');
  if (alwaysOpen && weekly.length > 0) refuse('weekly', 'must be left out when alwaysOpen is true (24/7 already covers every day)');
  // Without weekly hours the clock would never run outside special periods: no deadline could be set.
  if (!alwaysOpen && weekly.length === 0) refuse('weekly', 'needs at least one window, or set alwaysOpen: true for 24/7');
  const calendar: BusinessCalendar = { timeZone: input.timeZone, holidays: holidays(input.holidays), specialPeriods: specialPeriods(input.specialPeriods) };
  return alwaysOpen ? { ...calendar, alwaysOpen: true } : { ...calendar, weekly };
}
