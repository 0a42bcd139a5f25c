/** Pure logic for callbacks: wall-clock times in a time zone, the schedule form → API body, and windows for people. */
import type { Callback, CallbackStatus, Contact, NewCallbackInput } from '../api/types';

/** The server's limits (src/routing/callbacks/callback-rules.ts): checked here first so the agent hears at once. */
export const callbackLimits = { maxWindowHours: 12, maxDaysAhead: 14, maxPhone: 40, maxNote: 2000 };

export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The browser's IANA zone (UTC when it cannot say). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const fallbackZones = ['UTC', 'Africa/Cairo', 'Africa/Casablanca', 'Asia/Dubai', 'Asia/Riyadh', 'Europe/London', 'Europe/Paris', 'America/New_York'];

/** Every zone the browser knows (A–Z), with `current` (and UTC) always among them. */
export function timeZoneChoices(current: string, known?: readonly string[]): string[] {
  let zones: readonly string[] = known ?? [];
  if (!known) {
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = fallbackZones;
    }
  }
  const all = new Set([...zones, 'UTC']);
  if (current) all.add(current);
  return [...all].sort((a, b) => a.localeCompare(b));
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** How far `timeZone` is ahead of UTC at `at`, in milliseconds. */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant a wall clock in `timeZone` shows `date` ('YYYY-MM-DD') at `time` ('HH:MM'), or null when
 * either is malformed. A time skipped by a daylight-saving jump lands just after the jump.
 */
export function zonedTimeToDate(date: string, time: string, timeZone: string): Date | null {
  const d = datePattern.exec(date);
  const t = timePattern.exec(time);
  if (!d || !t || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  let guess = asUtc - zoneOffsetMs(new Date(asUtc), timeZone);
  // A second pass settles the offset when the first guess fell on the other side of a DST change.
  guess = asUtc - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** 'YYYY-MM-DD' and 'HH:MM' of `at` on a wall clock in `timeZone` (for the form's inputs). */
export function dateAndTimeIn(at: Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${w.year}-${two(w.month)}-${two(w.day)}`, time: `${two(w.hour)}:${two(w.minute)}` };
}

export interface CallbackForm {
  phone: string;
  /** 'YYYY-MM-DD' in `timeZone`. */
  date: string;
  /** 'HH:MM' in `timeZone`. */
  from: string;
  to: string;
  timeZone: string;
  note: string;
}

/** The form as it opens: the contact's phone, the next whole hour for an hour, in `timeZone`. */
export function initialCallbackForm(phone: string, timeZone: string, now: Date): CallbackForm {
  const hour = 3_600_000;
  const start = new Date(Math.ceil((now.getTime() + 1) / hour) * hour);
  const from = dateAndTimeIn(start, timeZone);
  const end = dateAndTimeIn(new Date(start.getTime() + hour), timeZone);
  // A window that would cross midnight starts at the whole hour and ends at 23:59.
  return { phone, date: from.date, from: from.time, to: end.date === from.date ? end.time : '23:59', timeZone, note: '' };
}

export type CallbackFormProblem =
  | 'phoneRequired' | 'phoneTooLong' | 'dateRequired' | 'timeRequired' | 'zoneInvalid' | 'endBeforeStart' | 'inPast' | 'tooLong' | 'tooFarAhead' | 'noteTooLong';

export type CallbackFormCheck = { ok: true; body: NewCallbackInput } | { ok: false; problem: CallbackFormProblem };

/**
 * The form as the body of POST /api/v1/callbacks, or the first thing wrong with it. `context` adds the
 * conversation's contact, team and language.
 */
export function checkCallbackForm(
  form: CallbackForm, now: Date, context: { contactId?: string; teamId?: string | null; language?: string | null } = {},
): CallbackFormCheck {
  const phone = form.phone.trim();
  if (!phone) return { ok: false, problem: 'phoneRequired' };
  if (phone.length > callbackLimits.maxPhone) return { ok: false, problem: 'phoneTooLong' };
  if (!datePattern.test(form.date)) return { ok: false, problem: 'dateRequired' };
  if (!timePattern.test(form.from) || !timePattern.test(form.to)) return { ok: false, problem: 'timeRequired' };
  if (!isTimeZone(form.timeZone)) return { ok: false, problem: 'zoneInvalid' };
  const start = zonedTimeToDate(form.date, form.from, form.timeZone);
  const end = zonedTimeToDate(form.date, form.to, form.timeZone);
  if (!start || !end) return { ok: false, problem: 'dateRequired' };
  if (end.getTime() <= start.getTime()) return { ok: false, problem: 'endBeforeStart' };
  if (end.getTime() <= now.getTime()) return { ok: false, problem: 'inPast' };
  if (end.getTime() - start.getTime() > callbackLimits.maxWindowHours * 3_600_000) return { ok: false, problem: 'tooLong' };
  if (start.getTime() - now.getTime() > callbackLimits.maxDaysAhead * 86_400_000) return { ok: false, problem: 'tooFarAhead' };
  const note = form.note.trim();
  if (note.length > callbackLimits.maxNote) return { ok: false, problem: 'noteTooLong' };
  const body: NewCallbackInput = { phone, windowStart: start.toISOString(), windowEnd: end.toISOString(), timeZone: form.timeZone };
  if (note) body.note = note;
  if (context.contactId) body.contactId = context.contactId;
  if (context.teamId !== undefined) body.teamId = context.teamId;
  if (context.language) body.language = context.language;
  return { ok: true, body };
}

/** The contact's first phone number, or ''. */
export function phoneOfContact(contact: Pick<Contact, 'identities'> | null | undefined): string {
  return contact?.identities.find((i) => i.kind === 'phone')?.value ?? '';
}

/**
 * A window on a wall clock in `timeZone`: "Tue, 24 Nov, 18:00–18:30" (the date once when it is one day;
 * both dates when it crosses midnight), in the UI language, 24-hour.
 */
export function formatWindow(startIso: string, endIso: string, timeZone: string, lang: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const day = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  const clock = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sep = lang === 'ar' ? '، ' : ', ';
  // In Arabic the times read left to right ("08:00–08:30"): isolated, or the bidi algorithm swaps them.
  const ltr = (text: string) => (lang === 'ar' ? `\u2066${text}\u2069` : text);
  const sameDay = dateAndTimeIn(start, timeZone).date === dateAndTimeIn(end, timeZone).date;
  if (sameDay) return `${day.format(start)}${sep}${ltr(`${clock.format(start)}–${clock.format(end)}`)}`;
  return `${day.format(start)}${sep}${ltr(clock.format(start))} – ${day.format(end)}${sep}${ltr(clock.format(end))}`;
}

/** The window for the agent (their zone) and for the customer (the callback's zone); `same` when they read alike. */
export function callbackWindowTimes(c: Pick<Callback, 'windowStart' | 'windowEnd' | 'timeZone'>, agentZone: string, lang: string): { agent: string; customer: string; same: boolean } {
  const agent = formatWindow(c.windowStart, c.windowEnd, agentZone, lang);
  const customer = formatWindow(c.windowStart, c.windowEnd, c.timeZone, lang);
  return { agent, customer, same: agent === customer };
}

/** Scheduled and missed calls can still be made (done) or called off; done and cancelled are final. */
export function callbackIsOpen(status: CallbackStatus): boolean {
  return status === 'scheduled' || status === 'missed';
}
