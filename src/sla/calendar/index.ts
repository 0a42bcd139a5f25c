/**
 * Business calendars for SLA clocks: open hours in a team's time zone, holidays, special periods and
 * 24/7, and the pure deadline arithmetic on them (DST-correct, pauses while waiting on the customer).
 */
export type { BusinessCalendar, CalendarHoliday, CalendarWindow, ClockPause, PausedDeadline, SpecialPeriod } from './calendar-types-rules.ts';
export { validateCalendar } from './calendar-validation.ts';
export { addBusinessTime, businessSecondsBetween, isOpen, nextOpening } from './business-time.ts';
export { deadlineWithPauses } from './deadline-with-pauses.ts';
