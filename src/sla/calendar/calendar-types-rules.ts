/**
 * The shapes of a business calendar: when a team's SLA clocks run. Times are wall-clock times in the
 * calendar's own time zone, so "09:00" stays 09:00 for the team when daylight saving time changes.
 */

/** One opening on a day of the week. 0 = Sunday … 6 = Saturday; 'HH:MM', end may be '24:00'. */
export interface CalendarWindow {
  day: number;
  start: string;
  /** An end not after the start runs past midnight into the next day (22:00–06:00). */
  end: string;
}

/** A whole local day closed (Eid al-Fitr, Christmas Day). 'YYYY-MM-DD' in the calendar's zone. */
export interface CalendarHoliday {
  date: string;
  name: string;
}

/** From `from` to `to` (both included, 'YYYY-MM-DD') these hours replace the weekly ones. */
export interface SpecialPeriod {
  from: string;
  to: string;
  name?: string;
  weekly: CalendarWindow[];
}

export interface BusinessCalendar {
  /** IANA zone, e.g. Asia/Riyadh, Europe/London. */
  timeZone: string;
  /** Absent or empty only when `alwaysOpen` is true. */
  weekly?: CalendarWindow[];
  holidays?: CalendarHoliday[];
  specialPeriods?: SpecialPeriod[];
  /** 24/7: every day 00:00–24:00. Holidays and special periods still apply when given. */
  alwaysOpen?: boolean;
}

/** A stretch when the clock stood still (waiting on the customer); `to` null: still paused. */
export interface ClockPause {
  from: Date;
  to: Date | null;
}

export interface PausedDeadline {
  /** When the target is reached; null while paused (the due time is unknown until the clock runs). */
  dueAt: Date | null;
  elapsedBusinessSeconds: number;
  remainingBusinessSeconds: number;
}
