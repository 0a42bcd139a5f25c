/**
 * The calendar's open time as a stream of instants [start, end), walked one local day at a time. A
 * 30-day target costs about 30 steps, however many minutes it spans.
 */
import { minutesPerDay, msPerDay, msPerMinute } from './civil-time-rules.ts';
import { type CompiledCalendar, type MinuteRange, rangesStartingOn } from './compiled-calendar.ts';
import { instantOfWall, wallMsAt } from './zone-clock-rules.ts';

/** [start, end) in epoch ms. */
export type Interval = readonly [number, number];

/**
 * A calendar that opens nothing for this many days in a row is treated as broken rather than
 * searched forever (validation refuses calendars without weekly hours; this guards unvalidated data).
 */
export const maxClosedDays = 3700;

/** Cut whole holiday days out of a window; the window may reach into the next day. */
function minusHolidays(c: CompiledCalendar, day: number, [start, end]: MinuteRange): MinuteRange[] {
  const today = c.holidays.has(day);
  const tomorrow = c.holidays.has(day + 1);
  if (today && (tomorrow || end <= minutesPerDay)) return [];
  if (today) return [[minutesPerDay, end]];
  if (tomorrow && end > minutesPerDay) return start < minutesPerDay ? [[start, minutesPerDay]] : [];
  return [[start, end]];
}

/** The open intervals of one local day, in order, as instants. */
function dayIntervals(c: CompiledCalendar, day: number): Interval[] {
  const out: Interval[] = [];
  for (const range of rangesStartingOn(c, day)) {
    for (const [s, e] of minusHolidays(c, day, range)) {
      const start = instantOfWall(c.timeZone, day * msPerDay + s * msPerMinute);
      const end = instantOfWall(c.timeZone, day * msPerDay + e * msPerMinute);
      // A window wholly inside a spring-forward gap has no length in real time.
      if (end > start) out.push([start, end]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Is `ms` inside an interval? Only yesterday's and today's windows can cover it, so only they are read. */
export function isOpenAtMs(c: CompiledCalendar, ms: number): boolean {
  if (c.plainAlwaysOpen) return true;
  const today = Math.floor(wallMsAt(c.timeZone, ms) / msPerDay);
  return [...dayIntervals(c, today - 1), ...dayIntervals(c, today)].some(([start, end]) => start <= ms && ms < end);
}

/**
 * Open intervals from `fromMs` on, clipped to start no earlier than it, never overlapping (windows
 * that overlap, or a night shift running into the next day's hours, are yielded once). Endless: the
 * caller stops reading.
 */
export function* openIntervals(c: CompiledCalendar, fromMs: number): Generator<Interval> {
  if (c.plainAlwaysOpen) {
    // No day walk needed: one long interval per step keeps consumers' arithmetic unchanged.
    for (let t = fromMs; t < Number.MAX_SAFE_INTEGER; t += 1000 * msPerDay) yield [t, t + 1000 * msPerDay];
    return;
  }
  // Start a day early: yesterday's night shift may still be running at `fromMs`.
  let day = Math.floor(wallMsAt(c.timeZone, fromMs) / msPerDay) - 1;
  let cursor = fromMs;
  let closedDays = 0;
  for (;;) {
    let yielded = false;
    for (const [start, end] of dayIntervals(c, day)) {
      if (end <= cursor) continue;
      yield [Math.max(start, cursor), end];
      cursor = end;
      yielded = true;
    }
    closedDays = yielded ? 0 : closedDays + 1;
    if (closedDays > maxClosedDays) throw new RangeError(`the calendar in ${c.timeZone} opens on no day for ${maxClosedDays} days`);
    day += 1;
  }
}

/** Open intervals minus pauses (sorted, not overlapping; an endless pause has end Infinity). */
export function* withoutPauses(open: Iterable<Interval>, pauses: readonly Interval[]): Generator<Interval> {
  let i = 0;
  for (const [start, end] of open) {
    let s = start;
    while (s < end) {
      while (i < pauses.length && (pauses[i]?.[1] ?? 0) <= s) i += 1;
      const pause = pauses[i];
      if (!pause || pause[0] >= end) {
        yield [s, end];
        break;
      }
      if (pause[0] > s) yield [s, pause[0]];
      if (pause[1] === Infinity) return; // paused for good: no more open time, ever
      s = pause[1];
    }
  }
}
