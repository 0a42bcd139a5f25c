import { describe, expect, it } from 'vitest';
import type { EscalationStep } from '../policies/policy-rules.ts';
import { dueWork, nextFireAt, raisedPriority, stepKey } from './escalation-rules.ts';

const due = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(due.getTime() + seconds * 1000);
const steps: EscalationStep[] = [
  { kind: 'first_response', offsetSeconds: -300, action: 'notify_owner' },
  { kind: 'first_response', offsetSeconds: 0, action: 'notify_supervisors' },
  { kind: 'first_response', offsetSeconds: 600, action: 'reassign' },
];

describe('escalation steps', () => {
  it('given nothing fired, when asked, then the next moment is five minutes before the deadline', () => {
    expect(nextFireAt(steps, { dueAt: due, breachedAt: null, fired: [] })).toEqual(at(-300));
  });

  it('given the warning fired, when the deadline passes, then the breach and the supervisors step are due together, not the later reassignment', () => {
    const work = dueWork(steps, { dueAt: due, breachedAt: null, fired: [stepKey(steps[0]!)] }, at(1));
    expect(work.breach).toBe(true);
    expect(work.steps.map((s) => s.action)).toEqual(['notify_supervisors']);
  });

  it('given a long pause in the scheduler, when it wakes late, then every missed step is due once, in order', () => {
    expect(dueWork(steps, { dueAt: due, breachedAt: null, fired: [] }, at(3600)).steps.map((s) => s.action)).toEqual(['notify_owner', 'notify_supervisors', 'reassign']);
  });

  it('given everything fired and the breach recorded, then nothing is left to do', () => {
    const progress = { dueAt: due, breachedAt: due, fired: steps.map(stepKey) };
    expect(nextFireAt(steps, progress)).toBeNull();
    expect(dueWork(steps, progress, at(99_999))).toEqual({ breach: false, steps: [] });
  });

  it('given a paused clock (no due time), then nothing is scheduled', () => {
    expect(nextFireAt(steps, { dueAt: null, breachedAt: null, fired: [] })).toBeNull();
  });

  it('raises priority one level at a time and stops at urgent', () => {
    expect(['low', 'normal', 'high', 'urgent'].map(raisedPriority)).toEqual(['normal', 'high', 'urgent', 'urgent']);
  });
});
