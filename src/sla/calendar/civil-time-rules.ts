/**
 * Calendar arithmetic without a time zone: local days as whole numbers (days since 1970-01-01) and
 * clock times as minutes, so days can be stepped and compared without Date objects or DST.
 */

export const msPerMinute = 60_000;
export const msPerDay = 86_400_000;
export const minutesPerDay = 1440;

/** 'HH:MM' → minutes after midnight; null when malformed. '24:00' is allowed (an end). */
export function parseClock(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= minutesPerDay ? minutes : null;
}

/** 'YYYY-MM-DD' → local day number; null when malformed or not a real date (2026-02-30). */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over to 03-02; reading it back catches that.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / msPerDay;
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
