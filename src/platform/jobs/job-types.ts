/** The shapes of the durable job queue; plain data, shared by the rules, the store and the runner. */

/** queued → running → done; a failure goes back to queued (a retry) or on to dead (a dead letter). */
export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

export interface Job<P = unknown> {
  id: string;
  queue: string;
  workspaceId: string | null;
  payload: P;
  status: JobStatus;
  /** Attempts started so far, the one running now included. */
  attempts: number;
  maxAttempts: number;
  /** When it is due (again). */
  runAt: Date;
  /** While running: the lease; past it, the runner is presumed dead and the job is claimed again. */
  lockedUntil: Date | null;
  lockedBy: string | null;
  /** The latest failure; kept after a later success and on dead letters. */
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface JobSpec<P = unknown> {
  queue: string;
  payload: P;
  workspaceId?: string | null;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job is a dead letter (default 8). */
  maxAttempts?: number;
  /** At most one queued or running job per key and queue: enqueueing it again returns that job. */
  dedupeKey?: string | null;
}

export interface Enqueued<P = unknown> {
  job: Job<P>;
  /** True when the dedupe key matched a live job, which is returned instead of a new one. */
  duplicate: boolean;
}

/** What a handler is given: enough to record its own state ("retrying" vs "failed"). */
export interface RunningJob<P = unknown> {
  id: string;
  queue: string;
  workspaceId: string | null;
  payload: P;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
  /** A failure now makes the job a dead letter. */
  isLastAttempt: boolean;
  /**
   * If this attempt fails with an ordinary error, the next one is due this long after the failure
   * (drawn before the handler runs, so a handler can show "retrying at …"); null on the last attempt.
   */
  retryDelayMs: number | null;
  /** The previous attempt's failure, if any. */
  lastError: string | null;
  createdAt: Date;
}

export type JobHandler<P = unknown> = (job: RunningJob<P>) => Promise<void> | void;

/**
 * Handlers keyed by queue. `never` lets a map hold handlers of different payload types (a handler
 * for any payload is assignable to one for `never`); each handler trusts its own queue's payload.
 */
export type JobHandlers = Readonly<Record<string, JobHandler<never>>>;
