import { describe, expect, it } from 'vitest';
import { isAppError } from '../../kernel/index.ts';
import {
  afterFailure, backoffDelayMs, checkJobSpec, decideClaim, defaultMaxAttempts, errorText, leaseExpired, leaseUntil, maxErrorLength,
  resolveBackoff,
} from './jobs-rules.ts';

const now = new Date('2026-11-23T10:00:00.000Z');
const policy = { baseMs: 10_000, capMs: 300_000, minMs: 1_000 };
const top = () => 0.999999;

describe('backoffDelayMs', () => {
  it('when the draw is at the top, then the ceiling doubles each attempt until the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffDelayMs(attempt, policy, () => 1));
    expect(ceilings).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    expect(backoffDelayMs(3, policy, top)).toBe(39_999);
  });

  it('when draws vary, then delays spread over the whole window (full jitter), never below the floor', () => {
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(20_000);
    expect(backoffDelayMs(3, policy, () => 0.25)).toBe(10_000);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(1_000);
    expect(backoffDelayMs(1, policy, () => 0.01)).toBe(1_000);
  });

  it('when a random source misbehaves or the attempt is huge, then the delay stays within [floor, cap]', () => {
    expect(backoffDelayMs(2, policy, () => 7)).toBe(20_000);
    expect(backoffDelayMs(2, policy, () => -3)).toBe(1_000);
    expect(backoffDelayMs(5000, policy, () => 1)).toBe(300_000);
  });

  it('when overrides are partial, then the defaults fill the rest', () => {
    expect(resolveBackoff({ baseMs: 5 })).toMatchObject({ baseMs: 5, capMs: 3_600_000, minMs: 1_000 });
  });
});

describe('afterFailure', () => {
  it('when attempts remain, then the job is due again after the backoff', () => {
    expect(afterFailure({ attempt: 2, maxAttempts: 5, permanent: false }, now, policy, () => 0.5)).toEqual({
      kind: 'retry', delayMs: 10_000, runAt: new Date('2026-11-23T10:00:10.000Z'),
    });
  });

  it('when the last attempt fails, then the job is dead as exhausted', () => {
    expect(afterFailure({ attempt: 5, maxAttempts: 5, permanent: false }, now, policy, top)).toEqual({ kind: 'dead', reason: 'exhausted' });
  });

  it('when the error is permanent, then the job is dead at once whatever attempts remain', () => {
    expect(afterFailure({ attempt: 1, maxAttempts: 8, permanent: true }, now, policy, top)).toEqual({ kind: 'dead', reason: 'permanent' });
  });

  it('when the handler asks for a delay, then it replaces the backoff but still not past the last attempt', () => {
    expect(afterFailure({ attempt: 1, maxAttempts: 3, permanent: false, retryAfterMs: 120_000 }, now, policy, top)).toMatchObject({
      kind: 'retry', delayMs: 120_000, runAt: new Date('2026-11-23T10:02:00.000Z'),
    });
    expect(afterFailure({ attempt: 3, maxAttempts: 3, permanent: false, retryAfterMs: 1 }, now, policy, top).kind).toBe('dead');
  });
});

describe('leases and claims', () => {
  const lockedUntil = leaseUntil(now, 30_000);

  it('when a running job is past its lease, then it counts as expired; before it, or queued, it does not', () => {
    expect(lockedUntil).toEqual(new Date('2026-11-23T10:00:30.000Z'));
    expect(leaseExpired({ status: 'running', lockedUntil }, new Date('2026-11-23T10:00:29.999Z'))).toBe(false);
    expect(leaseExpired({ status: 'running', lockedUntil }, new Date('2026-11-23T10:00:30.000Z'))).toBe(true);
    expect(leaseExpired({ status: 'queued', lockedUntil: null }, now)).toBe(false);
  });

  it('when a queued job is claimed, then it runs as the next attempt', () => {
    expect(decideClaim({ status: 'queued', attempts: 2, maxAttempts: 3, lockedUntil: null }, now)).toEqual({ kind: 'run', attempt: 3 });
  });

  it('when a job whose runner died is claimed with attempts left, then it runs again and the dead attempt counts', () => {
    expect(decideClaim({ status: 'running', attempts: 1, maxAttempts: 3, lockedUntil: now }, now)).toEqual({ kind: 'run', attempt: 2 });
  });

  it('when the runner of the last attempt died, then the job is dead with the reason', () => {
    const decision = decideClaim({ status: 'running', attempts: 3, maxAttempts: 3, lockedUntil: now }, now);
    expect(decision).toMatchObject({ kind: 'dead' });
    expect(decision.kind === 'dead' && decision.error).toMatch(/attempt 3 of 3 .*lease expired/);
  });
});

describe('checkJobSpec', () => {
  it('when only queue and payload are given, then the job is due now with the default attempts', () => {
    expect(checkJobSpec({ queue: ' email.send ', payload: { to: 'a@b.c' } }, now)).toEqual({
      queue: 'email.send', payload: { to: 'a@b.c' }, workspaceId: null, runAt: now, maxAttempts: defaultMaxAttempts, dedupeKey: null,
    });
  });

  it.each([
    [{ queue: '', payload: 1 }, /queue name/],
    [{ queue: 'q', payload: 1, maxAttempts: 0 }, /maxAttempts/],
    [{ queue: 'q', payload: 1, maxAttempts: 1.5 }, /maxAttempts/],
    [{ queue: 'q', payload: 1, runAt: new Date('nope') }, /runAt/],
    [{ queue: 'q', payload: undefined }, /payload/],
    [{ queue: 'q', payload: 1, dedupeKey: '' }, /dedupe key/],
  ])('when the spec is %o, then it is refused with a clear message', (spec, message) => {
    let caught: unknown;
    try {
      checkJobSpec(spec, now);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('VALIDATION_FAILED');
    expect((caught as Error).message).toMatch(message);
  });
});

describe('errorText', () => {
  it('when given errors, strings and objects, then it keeps a readable text, bounded', () => {
    const plain = new Error('smtp 550 mailbox unavailable');
    expect(errorText(plain)).toContain('Error: smtp 550 mailbox unavailable');
    expect(errorText('boom')).toBe('boom');
    expect(errorText({ code: 42 })).toBe('{"code":42}');
    expect(errorText(new Error('x'.repeat(5000)))).toHaveLength(maxErrorLength);
  });
});
