import type { WeeklyWindow } from './routing-types-rules.ts';

/** Minute of the week in a time zone's wall clock: 0 = Sunday 00:00 … 10079 = Saturday 23:59. */
export type MinuteOfWeek = number;

const minutesPerDay = 24 * 60;
const minutesPerWeek = 7 * minutesPerDay;
const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building an Intl formatter is far slower than using one; zones are few, so each is built once.
// The cache changes no result, so the functions stay pure.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      f = null; // Unknown zone: the stores validate zones, so this is data we cannot reason about.
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The wall-clock minute of the week at `now` in `timeZone`. Intl applies the zone's DST rules, so a
 * 09:00 shift in New York starts at 13:00 UTC in summer and 14:00 UTC in winter. null: unknown zone.
 */
export function minuteOfWeek(now: Date, timeZone: string): MinuteOfWeek | null {
  const f = formatterFor(timeZone);
  if (!f) return null;
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of f.formatToParts(now)) {
    if (part.type === 'weekday') day = weekdays[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return day * minutesPerDay + hour * 60 + minute;
}

/** 'HH:MM' → minutes after midnight; null when malformed. '24:00' is allowed as an end. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= minutesPerDay ? minutes : null;
}

/** Is the minute inside any window? A window whose end is not after its start runs past midnight. */
export function isWithinWindows(minute: MinuteOfWeek, windows: readonly WeeklyWindow[]): boolean {
  for (const w of windows) {
    const start = parseClock(w.start);
    const end = parseClock(w.end);
    if (start === null || end === null || w.day < 0 || w.day > 6) continue; // a malformed window opens nothing
    const from = w.day * minutesPerDay + start;
    const to = w.day * minutesPerDay + (end > start ? end : end + minutesPerDay);
    // Saturday 22:00–02:00 ends after the week does, so also look one week later.
    if ((minute >= from && minute < to) || (minute + minutesPerWeek >= from && minute + minutesPerWeek < to)) return true;
  }
  return false;
}

/**
 * Is `now` inside the windows, read in `timeZone`? `zoneMinutes` lets a batch read each zone's
 * clock once instead of once per agent.
 */
export function isOpenAt(now: Date, timeZone: string, windows: readonly WeeklyWindow[], zoneMinutes?: Map<string, MinuteOfWeek | null>): boolean {
  let minute = zoneMinutes?.get(timeZone);
  if (minute === undefined) {
    minute = minuteOfWeek(now, timeZone);
    zoneMinutes?.set(timeZone, minute);
  }
  return minute !== null && isWithinWindows(minute, windows);
}
