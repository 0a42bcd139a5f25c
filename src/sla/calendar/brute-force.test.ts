import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, CalendarWindow } from './calendar-types-rules.ts';
import { addBusinessTime, businessSecondsBetween, isOpen } from './business-time.ts';

// A deliberately naive second opinion: read the wall clock of every minute with Intl and ask whether
// a window covers it. Slow, but too simple to share a bug with the day-by-day walk it checks.
const minute = 60_000;
const weekdayNumber: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallOf(timeZone: string, ms: number) {
  const f = formatters.get(timeZone) ?? new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  formatters.set(timeZone, f);
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: weekdayNumber[p.weekday ?? ''] ?? -1, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

const clock = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const previousDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function naiveOpen(cal: BusinessCalendar, ms: number): boolean {
  const w = wallOf(cal.timeZone, ms);
  if ((cal.holidays ?? []).some((h) => h.date === w.date)) return false;
  const windowsOn = (date: string): CalendarWindow[] => (cal.specialPeriods ?? []).find((p) => p.from <= date && date <= p.to)?.weekly ?? cal.weekly ?? [];
  const yesterday = previousDate(w.date);
  const today = windowsOn(w.date).some((x) => x.day === w.weekday && w.minutes >= clock(x.start) && (clock(x.end) <= clock(x.start) || w.minutes < clock(x.end)));
  const spill = windowsOn(yesterday).some((x) => x.day === (w.weekday + 6) % 7 && clock(x.end) <= clock(x.start) && w.minutes < clock(x.end));
  return today || spill;
}

function naiveAdd(cal: BusinessCalendar, startMs: number, minutes: number): number {
  let t = startMs;
  if (minutes === 0) {
    while (!naiveOpen(cal, t)) t += minute;
    return t;
  }
  // Due at the end of the last open minute counted.
  for (let left = minutes; left > 0; t += minute) if (naiveOpen(cal, t)) left -= 1;
  return t;
}

const nights = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '22:00', end: '06:00' }));
const split = [1, 2, 3, 4, 5].flatMap((day) => [{ day, start: '08:00', end: '12:30' }, { day, start: '13:30', end: '18:00' }]);
const calendars: [string, BusinessCalendar][] = [
  ['London night desk', { timeZone: 'Europe/London', weekly: nights, holidays: [{ date: '2026-10-26', name: 'Closed' }] }],
  ['New York split shifts', { timeZone: 'America/New_York', weekly: split, specialPeriods: [{ from: '2026-03-09', to: '2026-03-10', weekly: [{ day: 1, start: '11:00', end: '02:00' }] }] }],
  ['Los Angeles night desk', { timeZone: 'America/Los_Angeles', weekly: nights, holidays: [{ date: '2026-11-01', name: 'Closed' }] }],
];
const starts = ['2026-03-06T20:17:00Z', '2026-03-08T05:00:00Z', '2026-03-28T23:59:00Z', '2026-10-24T19:30:00Z', '2026-10-31T22:45:00Z'];

describe('agreement with a minute-by-minute count around DST changes', () => {
  it.each(calendars)('when the %s is asked, then it agrees with the naive count', (_name, cal) => {
    for (const s of starts) {
      const start = Date.parse(s);
      for (const targetMinutes of [0, 1, 95, 600, 1800]) {
        expect(addBusinessTime(cal, new Date(start), targetMinutes * 60).getTime(), `${s} + ${targetMinutes} min`).toBe(naiveAdd(cal, start, targetMinutes));
      }
      for (let t = start; t < start + 3 * 86_400_000; t += 7 * minute) {
        expect(isOpen(cal, new Date(t)), new Date(t).toISOString()).toBe(naiveOpen(cal, t));
      }
      const end = start + 3 * 86_400_000;
      let naiveSeconds = 0;
      for (let t = start; t < end; t += minute) if (naiveOpen(cal, t)) naiveSeconds += 60;
      expect(businessSecondsBetween(cal, new Date(start), new Date(end))).toBe(naiveSeconds);
    }
  });
});
