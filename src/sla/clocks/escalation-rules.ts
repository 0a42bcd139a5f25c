/**
 * When a running clock needs attention: its escalation steps (fixed offsets from the deadline) and
 * the breach itself. Pure; each step is identified by a key and fires once per clock.
 */
import type { EscalationStep } from '../policies/policy-rules.ts';

export const stepKey = (step: EscalationStep): string => `${step.kind}:${step.offsetSeconds}:${step.action}`;

export interface ClockProgress {
  dueAt: Date | null;
  breachedAt: Date | null;
  fired: readonly string[];
}

const stepTime = (dueAt: Date, step: EscalationStep) => dueAt.getTime() + step.offsetSeconds * 1000;

/** The next moment something is to happen to this clock; null when paused, ended, or nothing is left. */
export function nextFireAt(steps: readonly EscalationStep[], progress: ClockProgress): Date | null {
  if (!progress.dueAt) return null;
  const times = steps.filter((s) => !progress.fired.includes(stepKey(s))).map((s) => stepTime(progress.dueAt!, s));
  if (!progress.breachedAt) times.push(progress.dueAt.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

export interface DueWork {
  /** The deadline passed and this is the first time anyone noticed. */
  breach: boolean;
  /** Steps due now, earliest first. A step already late (the clock started late) still fires, once. */
  steps: EscalationStep[];
}

export function dueWork(steps: readonly EscalationStep[], progress: ClockProgress, now: Date): DueWork {
  if (!progress.dueAt) return { breach: false, steps: [] };
  const due = steps
    .filter((s) => !progress.fired.includes(stepKey(s)) && stepTime(progress.dueAt!, s) <= now.getTime())
    .sort((a, b) => a.offsetSeconds - b.offsetSeconds);
  return { breach: !progress.breachedAt && progress.dueAt.getTime() <= now.getTime(), steps: due };
}

const priorityLadder = ['low', 'normal', 'high', 'urgent'] as const;

/** One level up, stopping at urgent. */
export function raisedPriority(priority: string): (typeof priorityLadder)[number] {
  const i = priorityLadder.indexOf(priority as (typeof priorityLadder)[number]);
  return priorityLadder[Math.min(priorityLadder.length - 1, Math.max(0, i) + 1)] ?? 'urgent';
}
