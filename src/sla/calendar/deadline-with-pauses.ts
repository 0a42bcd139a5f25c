/**
 * A deadline whose clock stops while the conversation waits on the customer. Elapsed and remaining
 * time are in business seconds, so the console can show "2 h 10 min of business time left" even while
 * the clock is paused.
 */
import type { BusinessCalendar, ClockPause, PausedDeadline } from './calendar-types-rules.ts';
import { compileCalendar } from './compiled-calendar.ts';
import { type Interval, openIntervals, withoutPauses } from './open-intervals.ts';
import { consume, openMsUntil } from './business-time.ts';
import { AppError } from '../../kernel/index.ts';

/** Pauses as sorted, merged intervals; an open pause runs to Infinity. Pauses in any order are accepted. */
export function normalizePauses(pauses: readonly ClockPause[]): Interval[] {
  const raw = pauses.map((p, i): Interval => {
    const from = p.from.getTime();
    const to = p.to === null ? Infinity : p.to.getTime();
    if (!Number.isFinite(from) || Number.isNaN(to)) throw new AppError('VALIDATION_FAILED', `pauses[${i}]: from and to must be valid dates`, { path: `pauses[${i}]` });
    if (to < from) throw new AppError('VALIDATION_FAILED', `pauses[${i}].to: must not be before from`, { path: `pauses[${i}].to` });
    return [from, to];
  });
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of raw) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else if (to > from) merged.push([from, to]);
  }
  return merged;
}

/**
 * Where a clock started at `startedAt` with `targetSeconds` of business time stands at `now`.
 * dueAt is null while a pause covers `now` — unless the target was already used up before, in which
 * case dueAt is that (past) breach instant, since a later pause does not undo a breach.
 */
export function deadlineWithPauses(
  calendar: BusinessCalendar,
  startedAt: Date,
  targetSeconds: number,
  pauses: readonly ClockPause[],
  now: Date,
): PausedDeadline {
  const start = startedAt.getTime();
  const nowMs = now.getTime();
  if (!Number.isFinite(start)) throw new AppError('VALIDATION_FAILED', 'startedAt: must be a valid date', { path: 'startedAt' });
  if (!Number.isFinite(nowMs)) throw new AppError('VALIDATION_FAILED', 'now: must be a valid date', { path: 'now' });
  if (!Number.isFinite(targetSeconds) || targetSeconds < 0) throw new AppError('VALIDATION_FAILED', 'targetSeconds: must be a finite number of seconds, 0 or more', { path: 'targetSeconds' });
  const stops = normalizePauses(pauses);
  const running = () => withoutPauses(openIntervals(compileCalendar(calendar), start), stops);

  const elapsedMs = nowMs > start ? openMsUntil(running(), nowMs) : 0;
  const targetMs = targetSeconds * 1000;
  const elapsedBusinessSeconds = elapsedMs / 1000;
  const remainingBusinessSeconds = Math.max(0, targetMs - elapsedMs) / 1000;

  const pausedNow = stops.some(([from, to]) => from <= nowMs && nowMs < to);
  if (pausedNow && elapsedMs < targetMs) return { dueAt: null, elapsedBusinessSeconds, remainingBusinessSeconds };
  const due = consume(running(), targetMs);
  return { dueAt: due === null ? null : new Date(due), elapsedBusinessSeconds, remainingBusinessSeconds };
}
