import { AsyncResource } from 'node:async_hooks';
/**
 * Runs due jobs: claims a batch in a short transaction (`for update skip locked`, so runners on
 * several nodes never take the same row), leases it, runs each handler outside any transaction,
 * then records done, a retry per the backoff, or a dead letter. A runner that dies leaves leases
 * that expire; the job is then claimed again. Delivery is at least once: handlers must be
 * idempotent (a crash after the work but before "done" repeats it).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { QueryContext } from '../outbox/index.ts';
import { PermanentJobError, RetryJobLaterError } from './job-errors.ts';
import { onJobEnqueued } from './job-signals.ts';
import { extendLease, markDead, markDeadUnfenced, markDone, markRetry, markRunning, selectDue, type Fence } from './job-store.ts';
import type { Job, JobHandler, JobHandlers, RunningJob } from './job-types.ts';
import {
  afterFailure, backoffDelayMs, decideClaim, defaultLeaseMs, errorText, isLastAttempt, leaseUntil, resolveBackoff, type BackoffPolicy, type FailureOutcome,
} from './jobs-rules.ts';

export interface JobRunnerOptions {
  handlers: JobHandlers;
  /** Jobs run at once by this runner (default 4). */
  concurrency?: number;
  /** How often to look for due jobs when nothing nudges (default 1 s). */
  pollMs?: number;
  /** How long a claim holds without renewal (default 60 s); renewed every third of it while running. */
  leaseMs?: number;
  /** Names this runner in `locked_by` (default host:pid:random). */
  nodeId?: string;
  backoff?: Partial<BackoffPolicy>;
  /** Per-queue backoff, over `backoff`. */
  queueBackoff?: Readonly<Record<string, Partial<BackoffPolicy>>>;
  /** For the jitter; tests pass a fixed one. */
  random?: () => number;
  /** The runner's own trouble: a claim or a status write that failed, a lease lost. */
  onError?: (error: unknown, job: Job | null) => void;
  /** A handler threw; `outcome` says whether it will be retried. */
  onFailure?: (error: unknown, job: RunningJob, outcome: FailureOutcome) => void;
  /** A job became a dead letter (its handler gave up, or its last attempt's runner died). */
  onDead?: (job: Job) => void | Promise<void>;
}

export type JobOutcome = 'done' | 'retry' | 'dead' | 'lost';

export interface JobRunResult {
  id: string;
  queue: string;
  attempt: number;
  /** 'lost': the result could not be recorded (lease taken over, or storage failed); the job runs again. */
  outcome: JobOutcome;
  /** For a retry: when it is due again. */
  runAt?: Date;
  error?: string;
}

/** After a nudge, look once more this long after: the enqueueing transaction may not have committed yet. */
const nudgeRecheckMs = 100;

export class JobRunner {
  readonly nodeId: string;
  private readonly ctx: QueryContext;
  private readonly options: JobRunnerOptions;
  private readonly queues: string[];
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly random: () => number;
  private readonly inFlight = new Map<string, Promise<JobRunResult>>();
  private pumping: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private recheck: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(ctx: QueryContext, options: JobRunnerOptions) {
    this.ctx = ctx;
    this.options = options;
    this.queues = Object.keys(options.handlers);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.pollMs = Math.max(10, options.pollMs ?? 1000);
    this.leaseMs = Math.max(1000, options.leaseMs ?? defaultLeaseMs);
    this.random = options.random ?? Math.random;
    this.nodeId = options.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** Starts polling (and listening for this node's enqueues). */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    // Bound to this (start-up) async context: enqueues signal from inside their transaction, and
    // work started from there would otherwise inherit it (PGlite refuses the Db inside a transaction).
    this.unsubscribe = onJobEnqueued(AsyncResource.bind((queue: string) => {
      if (this.queues.includes(queue)) this.nudge();
    }));
    this.pump();
  }

  /** Stops claiming and waits for the handlers already running to finish and be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.recheck);
    this.unsubscribe?.();
    await this.pumping;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Look for due jobs now rather than at the next poll. */
  nudge(): void {
    if (!this.started || this.stopped) return;
    this.pump();
    if (!this.recheck) {
      this.recheck = setTimeout(() => {
        this.recheck = undefined;
        this.pump();
      }, nudgeRecheckMs);
      this.recheck.unref();
    }
  }

  /** Claims what is due now (up to the free slots), runs it, and resolves when all are recorded. */
  async runDueOnce(): Promise<JobRunResult[]> {
    const claimed = await this.claim(this.concurrency - this.inFlight.size);
    return Promise.all(claimed.map((job) => this.execute(job)));
  }

  /** Handlers running now. */
  get running(): number {
    return this.inFlight.size;
  }

  /** One claim at a time per runner; a full batch means more may be due, so it looks again at once. */
  private pump(): void {
    if (!this.started || this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.pumping = this.claimAndStart()
      .catch((error: unknown) => {
        this.report(error, null);
        return false;
      })
      .then((more) => {
        this.pumping = null;
        if (this.stopped) return;
        if (more || this.again) {
          this.again = false;
          this.pump();
        } else {
          this.timer = setTimeout(() => this.pump(), this.pollMs);
          this.timer.unref();
        }
      });
  }

  private async claimAndStart(): Promise<boolean> {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return false; // a finishing job pumps again
    const claimed = await this.claim(free);
    for (const job of claimed) void this.execute(job);
    return claimed.length === free;
  }

  /** The short claim transaction: no handler runs inside it (PGlite has one connection). */
  private async claim(limit: number): Promise<Job[]> {
    if (limit <= 0 || this.queues.length === 0) return [];
    const now = this.ctx.clock();
    const { claimed, buried } = await this.ctx.db.transaction(async (sql) => {
      const due = await selectDue(sql, this.queues, now, limit);
      const toRun: string[] = [];
      const buried: Job[] = [];
      for (const job of due) {
        const decision = decideClaim(job, now);
        if (decision.kind === 'run') toRun.push(job.id);
        else {
          await markDeadUnfenced(sql, job.id, decision.error, now);
          buried.push({ ...job, status: 'dead', lastError: decision.error, lockedUntil: null, lockedBy: null, finishedAt: now, updatedAt: now });
        }
      }
      return { claimed: await markRunning(sql, toRun, this.nodeId, leaseUntil(now, this.leaseMs), now), buried };
    });
    for (const job of buried) await this.notifyDead(job);
    return claimed;
  }

  private execute(job: Job): Promise<JobRunResult> {
    const run = this.runOne(job).finally(() => {
      this.inFlight.delete(job.id);
      this.pump();
    });
    this.inFlight.set(job.id, run);
    return run;
  }

  private async runOne(job: Job): Promise<JobRunResult> {
    const fence: Fence = { id: job.id, attempt: job.attempts, nodeId: this.nodeId };
    const base = { id: job.id, queue: job.queue, attempt: job.attempts };
    const last = isLastAttempt(job.attempts, job.maxAttempts);
    // Drawn now so the handler can tell its users when the next try comes; used as is on failure.
    const retryDelayMs = last ? null : backoffDelayMs(job.attempts, this.backoffFor(job.queue), this.random);
    const running: RunningJob = {
      id: job.id, queue: job.queue, workspaceId: job.workspaceId, payload: job.payload, attempt: job.attempts,
      maxAttempts: job.maxAttempts, isLastAttempt: last, retryDelayMs, lastError: job.lastError, createdAt: job.createdAt,
    };
    // Renewing the lease keeps a slow handler's job from being taken over while it still works.
    const heartbeat = setInterval(() => {
      void this.renew(fence, job).then((held) => {
        if (!held) clearInterval(heartbeat);
      });
    }, Math.floor(this.leaseMs / 3));
    heartbeat.unref();
    let failed: { error: unknown } | null = null;
    try {
      const handler = this.options.handlers[job.queue] as JobHandler | undefined;
      if (!handler) throw new Error(`no handler for queue ${job.queue}`);
      await handler(running);
    } catch (error) {
      failed = { error };
    } finally {
      clearInterval(heartbeat);
    }
    try {
      const now = this.ctx.clock();
      if (!failed) return { ...base, outcome: (await markDone(this.ctx.db, fence, now)) ? 'done' : this.lost(job) };
      const { error } = failed;
      const outcome = afterFailure({
        attempt: job.attempts, maxAttempts: job.maxAttempts, permanent: error instanceof PermanentJobError,
        retryAfterMs: error instanceof RetryJobLaterError ? error.delayMs : retryDelayMs,
      }, now, this.backoffFor(job.queue), this.random);
      const text = errorText(error);
      this.safely(() => this.options.onFailure?.(error, running, outcome), job);
      if (outcome.kind === 'retry') {
        const recorded = await markRetry(this.ctx.db, fence, outcome.runAt, text, now);
        return { ...base, outcome: recorded ? 'retry' : this.lost(job), runAt: outcome.runAt, error: text };
      }
      if (!(await markDead(this.ctx.db, fence, text, now))) return { ...base, outcome: this.lost(job), error: text };
      await this.notifyDead({ ...job, status: 'dead', lastError: text, lockedUntil: null, lockedBy: null, finishedAt: now, updatedAt: now });
      return { ...base, outcome: 'dead', error: text };
    } catch (error) {
      // The lease will expire and the job run again: at least once, never silently dropped.
      this.report(error, job);
      return { ...base, outcome: 'lost' };
    }
  }

  /** False once the lease is gone (another runner took the job over): renewing stops. */
  private async renew(fence: Fence, job: Job): Promise<boolean> {
    try {
      const now = this.ctx.clock();
      if (await extendLease(this.ctx.db, fence, leaseUntil(now, this.leaseMs), now)) return true;
      this.lost(job);
      return false;
    } catch (error) {
      this.report(error, job); // a passing outage: try again at the next beat
      return true;
    }
  }

  private lost(job: Job): 'lost' {
    this.report(new Error(`job ${job.id} (${job.queue}, attempt ${job.attempts}) lost its lease to another runner; its result was not recorded`), job);
    return 'lost';
  }

  private async notifyDead(job: Job): Promise<void> {
    try {
      await this.options.onDead?.(job);
    } catch (error) {
      this.report(error, job);
    }
  }

  private backoffFor(queue: string): BackoffPolicy {
    return resolveBackoff({ ...this.options.backoff, ...this.options.queueBackoff?.[queue] });
  }

  private safely(report: () => void, job: Job): void {
    try {
      report();
    } catch (error) {
      this.report(error, job);
    }
  }

  private report(error: unknown, job: Job | null): void {
    try {
      this.options.onError?.(error, job);
    } catch {
      // A failing reporter must not stop the runner.
    }
  }
}

/** Builds and starts a runner; `stop()` waits for running handlers. */
export function startJobs(ctx: QueryContext, options: JobRunnerOptions): JobRunner {
  const runner = new JobRunner(ctx, options);
  runner.start();
  return runner;
}
