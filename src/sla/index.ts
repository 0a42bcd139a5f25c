/**
 * SLAs: policies (which promise applies), business calendars, clocks derived from each
 * conversation's history, a scheduler that sweeps due clocks to fire breaches and escalation steps
 * exactly once, and reports in business time.
 */
export {
  addBusinessTime, businessSecondsBetween, deadlineWithPauses, isOpen, nextOpening, validateCalendar,
  type BusinessCalendar, type CalendarHoliday, type CalendarWindow, type ClockPause, type PausedDeadline, type SpecialPeriod,
} from './calendar/index.ts';
export { slaMigrations } from './migrations.ts';
export { slaRoutes } from './sla-routes.ts';
export { startSla, type SlaOptions } from './sla-runtime.ts';
export { sweepSla, fireClock } from './clocks/sla-sweep.ts';
export { recomputeClocks } from './clocks/recompute-clocks.ts';
export { createPolicy, saveSlaCalendar, assignTeamCalendar } from './policies/policy-commands.ts';
export type { PolicyInput, EscalationStep, ClockKind } from './policies/policy-rules.ts';
