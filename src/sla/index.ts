/**
 * SLAs (issue 7). So far only the pure groundwork: business calendars and deadline arithmetic
 * (calendar/). Policies, stored deadlines, the scheduler and escalations build on it.
 */
export {
  addBusinessTime,
  businessSecondsBetween,
  deadlineWithPauses,
  isOpen,
  nextOpening,
  validateCalendar,
  type BusinessCalendar,
  type CalendarHoliday,
  type CalendarWindow,
  type ClockPause,
  type PausedDeadline,
  type SpecialPeriod,
} from './calendar/index.ts';
