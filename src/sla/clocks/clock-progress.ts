/**
 * Where one clock stands: its deadline, breach and business time used, from the calendar
 * arithmetic. Combines pure parts (calendar, escalation rules); no I/O.
 */
import { deadlineWithPauses, type BusinessCalendar } from '../calendar/index.ts';
import type { DerivedClock } from './clock-rules.ts';
import { nextFireAt } from './escalation-rules.ts';
import type { SlaClock } from './clock-store.ts';

export function progressOf(
  derived: Pick<DerivedClock, 'startedAt' | 'pauses' | 'outcome' | 'endedAt'>,
  promise: { calendar: BusinessCalendar | null; targetSeconds: number | null; escalation: SlaClock['escalation']; kind: SlaClock['kind'] },
  known: { breachedAt: Date | null; fired: readonly string[] },
  now: Date,
): Pick<SlaClock, 'dueAt' | 'breachedAt' | 'businessSeconds' | 'nextFireAt'> {
  if (promise.targetSeconds === null || promise.calendar === null) return { dueAt: null, breachedAt: null, businessSeconds: null, nextFireAt: null };
  const at = derived.outcome === 'running' ? now : (derived.endedAt ?? now);
  const state = deadlineWithPauses(promise.calendar, derived.startedAt, promise.targetSeconds, derived.pauses, at);
  let breachedAt = known.breachedAt;
  // Answered late: a breach, even if no sweep saw it happen (the scheduler was down, or the reply raced it).
  if (derived.outcome === 'met' && !breachedAt && state.dueAt && state.dueAt < at) breachedAt = state.dueAt;
  const steps = promise.escalation.filter((s) => s.kind === promise.kind);
  return {
    dueAt: state.dueAt,
    breachedAt,
    businessSeconds: state.elapsedBusinessSeconds,
    nextFireAt: derived.outcome === 'running' ? nextFireAt(steps, { dueAt: state.dueAt, breachedAt, fired: known.fired }) : null,
  };
}
