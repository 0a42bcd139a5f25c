/**
 * Pure rules of callbacks: what window may be promised, when a promise was missed, which status
 * changes are allowed, and the confirmation the customer reads ("we will call between 18:00 and
 * 18:30"), in their language and time zone.
 */
import { AppError } from '../../kernel/index.ts';

export const callbackStatuses = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type CallbackStatus = (typeof callbackStatuses)[number];

export const callbackLimits = { maxWindowHours: 12, maxDaysAhead: 14 };

export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new AppError('INVALID_TIME_ZONE', `"${zone}" is not an IANA time zone (e.g. Asia/Riyadh, Europe/London)`);
  }
}

/** A window we can promise: a real time zone, end after start, not over yet, not too long nor too far ahead. */
export function assertCallbackWindow(w: { windowStart: Date; windowEnd: Date; timeZone: string }, now: Date): void {
  assertTimeZone(w.timeZone);
  const start = w.windowStart.getTime();
  const end = w.windowEnd.getTime();
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw new AppError('CALLBACK_WINDOW_INVALID', 'windowStart and windowEnd must be ISO 8601 times');
  if (end <= start) throw new AppError('CALLBACK_WINDOW_INVALID', 'windowEnd must be after windowStart');
  if (end <= now.getTime()) throw new AppError('CALLBACK_WINDOW_INVALID', 'the window is in the past; choose a time from now on');
  if (end - start > callbackLimits.maxWindowHours * 3_600_000) throw new AppError('CALLBACK_WINDOW_INVALID', `a window may be at most ${callbackLimits.maxWindowHours} hours long`);
  if (start - now.getTime() > callbackLimits.maxDaysAhead * 86_400_000) throw new AppError('CALLBACK_WINDOW_INVALID', `a callback may be at most ${callbackLimits.maxDaysAhead} days ahead`);
}

/** A promise not kept: the window has ended and nobody marked the call done (or cancelled it). */
export function isMissed(c: { status: CallbackStatus; windowEnd: Date }, now: Date): boolean {
  return c.status === 'scheduled' && c.windowEnd.getTime() <= now.getTime();
}

/** done and cancelled are final; a missed call may still be made (done) or called off. */
export function decideCallbackChange(from: CallbackStatus, to: 'done' | 'cancelled'): { change: boolean } {
  if (from === to) return { change: false };
  if (from === 'scheduled' || from === 'missed') return { change: true };
  throw new AppError('CALLBACK_NOT_OPEN', `this callback is ${from} already`);
}

const dayOf = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** 0 today, 1 tomorrow, … in the customer's time zone. */
export function daysFromToday(at: Date, now: Date, timeZone: string): number {
  return Math.round((Date.parse(dayOf(at, timeZone)) - Date.parse(dayOf(now, timeZone))) / 86_400_000);
}

/** "We will call you between 18:00 and 18:30" (today), "tomorrow between …", or "on Tue, 24 Nov between …". */
export function confirmationText(locale: string, w: { windowStart: Date; windowEnd: Date; timeZone: string }, now: Date): string {
  const ar = locale.toLowerCase().startsWith('ar');
  const clock = new Intl.DateTimeFormat(ar ? 'ar' : 'en-GB', { timeZone: w.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const from = clock.format(w.windowStart);
  const to = clock.format(w.windowEnd);
  const days = daysFromToday(w.windowStart, now, w.timeZone);
  const date = new Intl.DateTimeFormat(ar ? 'ar' : 'en-GB', { timeZone: w.timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(w.windowStart);
  if (ar) return `سنتصل بك ${days === 0 ? '' : days === 1 ? 'غدًا ' : `يوم ${date} `}بين ${from} و${to}`;
  return `We will call you ${days === 0 ? '' : days === 1 ? 'tomorrow ' : `on ${date} `}between ${from} and ${to}`;
}
