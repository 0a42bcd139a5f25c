/**
 * Business-time arithmetic on a calendar: is it open, when does it open, what is N open seconds
 * after an instant, how many open seconds lie between two instants. Pure: time is passed in.
 */
import type { BusinessCalendar } from './calendar-types-rules.ts';
import { compileCalendar } from './compiled-calendar.ts';
import { type Interval, isOpenAtMs, openIntervals } from './open-intervals.ts';
import { AppError } from '../../kernel/index.ts';

function instantMs(at: Date, name: string): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new AppError('VALIDATION_FAILED', `${name}: must be a valid date`, { path: name });
  return ms;
}

/**
 * Walk `ms` of open time along `intervals`. null when the intervals run out first (a pause with no
 * end). Zero lands on the first open instant: a clock that starts in closed time starts at opening.
 */
export function consume(intervals: Iterable<Interval>, ms: number): number | null {
  let left = ms;
  for (const [start, end] of intervals) {
    // `<=`: a target that ends exactly at closing is due at closing, not at the next opening.
    if (left <= end - start) return start + left;
    left -= end - start;
  }
  return null;
}

/** Open ms in [fromMs, toMs) along `intervals` (which start at or after fromMs). */
export function openMsUntil(intervals: Iterable<Interval>, toMs: number): number {
  let total = 0;
  for (const [start, end] of intervals) {
    if (start >= toMs) break;
    total += Math.min(end, toMs) - start;
  }
  return total;
}

/** Is the calendar open at this instant? Windows are [start, end): the closing minute is closed. */
export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  return isOpenAtMs(compileCalendar(calendar), instantMs(at, 'at'));
}

/** The first open instant at or after `at` (`at` itself when open). */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  const first = openIntervals(compileCalendar(calendar), instantMs(at, 'at')).next().value;
  if (!first) throw new RangeError('the calendar never opens'); // the stream is endless; this satisfies the types
  return new Date(first[0]);
}

/**
 * The instant at which `seconds` of open time have passed since `start`. Closed time (nights,
 * weekends, holidays) does not count; a start in closed time counts from the next opening.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, seconds: number): Date {
  if (!Number.isFinite(seconds) || seconds < 0) throw new AppError('VALIDATION_FAILED', 'seconds: must be a finite number of seconds, 0 or more', { path: 'seconds' });
  const due = consume(openIntervals(compileCalendar(calendar), instantMs(start, 'start')), seconds * 1000);
  if (due === null) throw new RangeError('the calendar never opens');
  return new Date(due);
}

/** Open seconds between two instants; negative when `to` is before `from`. */
export function businessSecondsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const a = instantMs(from, 'from');
  const b = instantMs(to, 'to');
  if (b < a) return -businessSecondsBetween(calendar, to, from);
  return openMsUntil(openIntervals(compileCalendar(calendar), a), b) / 1000;
}
