/**
 * The job queue's decisions as plain functions of data and time: when a failed job runs again,
 * when it is given up on, and when a runner's lease has run out. No I/O; randomness comes in.
 */
import { AppError } from '../../kernel/index.ts';
import type { JobSpec, JobStatus } from './job-types.ts';

export const defaultMaxAttempts = 8;
export const defaultLeaseMs = 60_000;
/** Longest stored error text: enough for a message and the top of a stack, not a log file. */
export const maxErrorLength = 2000;

export interface BackoffPolicy {
  /** The ceiling of the first retry's delay; it doubles each attempt. */
  baseMs: number;
  /** The ceiling never grows past this. */
  capMs: number;
  /** A floor, so an unlucky draw near zero does not retry in a tight loop. */
  minMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 15_000, capMs: 60 * 60_000, minMs: 1_000 };

export function resolveBackoff(overrides: Partial<BackoffPolicy> = {}): BackoffPolicy {
  return { ...defaultBackoff, ...overrides };
}

/**
 * "Full jitter": a uniform draw in [0, min(cap, base · 2^(attempt − 1))]. Spreading retries over the
 * whole window keeps many jobs failing together (an SMTP server down) from retrying together.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.max(policy.minMs, Math.floor(draw * ceiling));
}

export const isLastAttempt = (attempt: number, maxAttempts: number): boolean => attempt >= maxAttempts;

export interface Failure {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  maxAttempts: number;
  /** The handler said retrying cannot help. */
  permanent: boolean;
  /** The handler asked for this delay instead of the backoff. */
  retryAfterMs?: number | null;
}

export type FailureOutcome =
  | { kind: 'retry'; runAt: Date; delayMs: number }
  | { kind: 'dead'; reason: 'permanent' | 'exhausted' };

/** After a failed attempt: due again at `runAt`, or a dead letter. */
export function afterFailure(failure: Failure, now: Date, policy: BackoffPolicy, random: () => number): FailureOutcome {
  if (failure.permanent) return { kind: 'dead', reason: 'permanent' };
  if (isLastAttempt(failure.attempt, failure.maxAttempts)) return { kind: 'dead', reason: 'exhausted' };
  const asked = failure.retryAfterMs;
  const delayMs = asked !== undefined && asked !== null && Number.isFinite(asked) ? Math.max(0, asked) : backoffDelayMs(failure.attempt, policy, random);
  return { kind: 'retry', runAt: new Date(now.getTime() + delayMs), delayMs };
}

export const leaseUntil = (now: Date, leaseMs: number): Date => new Date(now.getTime() + leaseMs);

/** A running job whose lease has passed: its runner stopped renewing it, so it is presumed dead. */
export function leaseExpired(job: { status: JobStatus; lockedUntil: Date | null }, now: Date): boolean {
  return job.status === 'running' && job.lockedUntil !== null && job.lockedUntil.getTime() <= now.getTime();
}

export interface ClaimCandidate {
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  lockedUntil: Date | null;
}

export type ClaimDecision = { kind: 'run'; attempt: number } | { kind: 'dead'; error: string };

/**
 * A due job found by the sweep. Queued: run it. Running with an expired lease: the attempt that
 * died counts, so it runs again only if attempts remain; otherwise it is a dead letter.
 */
export function decideClaim(job: ClaimCandidate, now: Date): ClaimDecision {
  if (leaseExpired(job, now) && isLastAttempt(job.attempts, job.maxAttempts)) {
    return { kind: 'dead', error: `the runner of attempt ${job.attempts} of ${job.maxAttempts} stopped before finishing (lease expired)` };
  }
  return { kind: 'run', attempt: job.attempts + 1 };
}

export interface CheckedSpec<P> {
  queue: string;
  payload: P;
  workspaceId: string | null;
  runAt: Date;
  maxAttempts: number;
  dedupeKey: string | null;
}

/** Fills in defaults and refuses a spec that could never run properly. */
export function checkJobSpec<P>(spec: JobSpec<P>, now: Date): CheckedSpec<P> {
  const queue = spec.queue?.trim() ?? '';
  if (queue === '' || queue.length > 100) throw new AppError('VALIDATION_FAILED', 'a job needs a queue name of 1 to 100 characters');
  const maxAttempts = spec.maxAttempts ?? defaultMaxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 1000) {
    throw new AppError('VALIDATION_FAILED', `maxAttempts must be a whole number from 1 to 1000, not ${maxAttempts}`);
  }
  const runAt = spec.runAt ?? now;
  if (!(runAt instanceof Date) || Number.isNaN(runAt.getTime())) throw new AppError('VALIDATION_FAILED', 'runAt must be a valid date');
  if (spec.payload === undefined) throw new AppError('VALIDATION_FAILED', 'a job needs a payload (null is fine)');
  const dedupeKey = spec.dedupeKey ?? null;
  if (dedupeKey !== null && (dedupeKey === '' || dedupeKey.length > 500)) {
    throw new AppError('VALIDATION_FAILED', 'a dedupe key must be 1 to 500 characters');
  }
  return { queue, payload: spec.payload, workspaceId: spec.workspaceId ?? null, runAt, maxAttempts, dedupeKey };
}

/** What is stored of a failure: the error's name and message (and stack when there is one), bounded. */
export function errorText(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = error.stack && error.stack.includes(error.message) ? error.stack : `${error.name}: ${error.message}`;
  else if (typeof error === 'string') text = error;
  else {
    try {
      text = JSON.stringify(error) ?? String(error);
    } catch {
      text = String(error);
    }
  }
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength - 1)}…` : text;
}
