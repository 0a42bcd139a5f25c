import type { WeeklyWindow } from '../decision/routing-types-rules.ts';
import { isWithinWindows, minuteOfWeek } from '../decision/weekly-hours-rules.ts';
import type { DailyWindow } from './scenario-types-rules.ts';

/**
 * Simulated time is seconds since midnight of the scenario's day in its time zone. Shifts and team
 * hours are read with the same weekly-window rules as the decision, so the simulation and the
 * decision never disagree about who is on shift.
 */

const minutesPerWeek = 7 * 24 * 60;

function offsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(ms / 60_000) * 60_000) / 60_000;
}

/** The instant of 00:00 on `date` (YYYY-MM-DD) in `timeZone`. */
export function dayStartMs(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  return guess - offsetMinutes(first, timeZone) * 60_000; // once more, in case the guess crossed a DST change
}

/** The scenario's daily windows as the decision's weekly windows. */
export function weeklyWindows(windows: readonly DailyWindow[]): WeeklyWindow[] {
  return windows.flatMap((w) => w.days.map((day) => ({ day, start: w.start, end: w.end })));
}

/**
 * When a set of windows opens and closes, minute by minute over [0, horizon) simulated seconds.
 * The zone's offset is read once at the start: a DST change inside the simulated days is ignored.
 */
export function windowChanges(startMs: number, timeZone: string, windows: readonly WeeklyWindow[], horizonSeconds: number): { at: number; open: boolean }[] {
  if (windows.length === 0) return [{ at: 0, open: true }];
  const base = minuteOfWeek(new Date(startMs), timeZone) ?? 0;
  const changes: { at: number; open: boolean }[] = [];
  let last: boolean | null = null;
  for (let m = 0; m * 60 < horizonSeconds; m += 1) {
    const open = isWithinWindows((base + m) % minutesPerWeek, windows);
    if (open !== last) changes.push({ at: m * 60, open });
    last = open;
  }
  return changes;
}
