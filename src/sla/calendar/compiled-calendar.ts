/**
 * A calendar read once into numbers: windows as local minute ranges per weekday, holidays as a set
 * of local days, special periods as day ranges. Every later question is then arithmetic.
 */
import type { BusinessCalendar, CalendarWindow } from './calendar-types-rules.ts';
import { minutesPerDay, parseClock, parseDay, weekdayOf } from './civil-time-rules.ts';

/** [start, end) in minutes after the local midnight of the day the window starts; end ≤ 2880. */
export type MinuteRange = readonly [number, number];
type WeekRanges = readonly (readonly MinuteRange[])[];

export interface CompiledCalendar {
  timeZone: string;
  weekly: WeekRanges;
  holidays: ReadonlySet<number>;
  specials: readonly { from: number; to: number; weekly: WeekRanges }[];
  /** 24/7 with nothing to close it: answers need no day-by-day walk at all. */
  plainAlwaysOpen: boolean;
}

const fullWeek: CalendarWindow[] = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' }));

function byWeekday(windows: readonly CalendarWindow[]): WeekRanges {
  const week: MinuteRange[][] = [[], [], [], [], [], [], []];
  for (const w of windows) {
    const start = parseClock(w.start);
    const end = parseClock(w.end);
    // Validation refuses these; a malformed window that slips through opens nothing.
    if (start === null || end === null || start === end || start === minutesPerDay) continue;
    week[w.day]?.push([start, end > start ? end : end + minutesPerDay]);
  }
  for (const day of week) day.sort((a, b) => a[0] - b[0]);
  return week;
}

/**
 * Compiled on every call, not cached: it costs microseconds next to the Intl reads, and a cache keyed
 * by the object would give stale answers if a caller edited a calendar in place.
 */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const holidays = new Set<number>();
  for (const h of calendar.holidays ?? []) {
    const day = parseDay(h.date);
    if (day !== null) holidays.add(day);
  }
  const specials = (calendar.specialPeriods ?? []).flatMap((p) => {
    const from = parseDay(p.from);
    const to = parseDay(p.to);
    return from === null || to === null ? [] : [{ from, to, weekly: byWeekday(p.weekly) }];
  });
  return {
    timeZone: calendar.timeZone,
    weekly: byWeekday(calendar.alwaysOpen ? fullWeek : (calendar.weekly ?? [])),
    holidays,
    specials,
    plainAlwaysOpen: calendar.alwaysOpen === true && holidays.size === 0 && specials.length === 0,
  };
}

/** The windows that start on a local day: a special period's when one covers the day, else the weekly ones. */
export function rangesStartingOn(c: CompiledCalendar, day: number): readonly MinuteRange[] {
  const weekday = weekdayOf(day);
  const special = c.specials.find((p) => day >= p.from && day <= p.to);
  return (special ?? c).weekly[weekday] ?? [];
}
