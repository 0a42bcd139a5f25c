import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../kernel/index.ts';
import { migrate, PgliteDb } from '../db/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { EventBus, outboxMigrations, transact, type CommandContext } from '../outbox/index.ts';
import { MemoryPubSub } from '../pubsub/index.ts';
import { enqueue, enqueueIn } from './enqueue.ts';
import { PermanentJobError, RetryJobLaterError } from './job-errors.ts';
import { JobRunner, startJobs, type JobRunnerOptions } from './job-runner.ts';
import type { Job, JobHandlers, RunningJob } from './job-types.ts';
import { jobMigrations } from './migrations.ts';

const engine = await PgliteDb.createEngine();
afterAll(() => engine.close());
let counter = 0;

async function setup() {
  const db = await PgliteDb.open({ engine, schema: `jobs_run_${process.pid}_${counter++}` });
  await migrate(db, [...outboxMigrations, ...jobMigrations]);
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const ctx: CommandContext = { db, clock, newId: () => uuidv7(clock().getTime()), bus: new EventBus({ db, pubsub: new MemoryPubSub(), clock }) };
  const errors: unknown[] = [];
  const runner = (handlers: JobHandlers, options: Partial<JobRunnerOptions> = {}) =>
    new JobRunner(ctx, { handlers, leaseMs: 30_000, random: () => 0.5, backoff: { baseMs: 10_000, capMs: 600_000, minMs: 1000 }, onError: (e) => void errors.push(e), ...options });
  const jobRow = async (id: string) => (await db.query<{ status: string; attempts: number; last_error: string | null; locked_by: string | null }>(
    'select status, attempts, last_error, locked_by from jobs where id = $1', [id]))[0];
  return { db, clock, ctx, runner, errors, jobRow };
}

describe('JobRunner', () => {
  it('when a job is due, then its handler gets the payload and attempt, may use the database, and the job is done', async () => {
    const { ctx, runner, jobRow } = await setup();
    const seen: RunningJob<{ to: string }>[] = [];
    const { job } = await enqueue(ctx, { queue: 'email.send', payload: { to: 'layla@example.com' }, workspaceId: uuidv7(), maxAttempts: 3 });
    const results = await runner({
      'email.send': async (j: RunningJob<{ to: string }>) => {
        seen.push(j);
        // Outside the claim's transaction: the single PGlite connection is free for the handler.
        await transact(ctx, (tx) => tx.sql.query('select 1'));
      },
    }).runDueOnce();
    expect(results).toEqual([{ id: job.id, queue: 'email.send', attempt: 1, outcome: 'done' }]);
    expect(seen).toMatchObject([{ id: job.id, payload: { to: 'layla@example.com' }, attempt: 1, maxAttempts: 3, isLastAttempt: false, retryDelayMs: 5_000, lastError: null }]);
    expect(await jobRow(job.id)).toMatchObject({ status: 'done', attempts: 1, locked_by: null });
  });

  it('when a handler keeps failing, then it is retried after growing backoffs and ends a dead letter keeping the last error', async () => {
    const { ctx, clock, runner, jobRow } = await setup();
    const attempts: [number, boolean, number | null][] = [];
    const failures: string[] = [];
    const dead: Job[] = [];
    const r = runner({
      flaky: (j) => {
        attempts.push([j.attempt, j.isLastAttempt, j.retryDelayMs]);
        throw new Error(`smtp timeout #${j.attempt}`);
      },
    }, { onFailure: (_e, j, outcome) => void failures.push(`${j.attempt}:${outcome.kind}`), onDead: (j) => void dead.push(j) });
    const { job } = await enqueue(ctx, { queue: 'flaky', payload: null, maxAttempts: 3 });

    const [first] = await r.runDueOnce();
    // random 0.5 of a 10 s ceiling, then of 20 s.
    expect(first).toMatchObject({ outcome: 'retry', attempt: 1, runAt: new Date('2026-11-23T10:00:05.000Z') });
    expect(await r.runDueOnce()).toEqual([]);
    clock.advance(4_999);
    expect(await r.runDueOnce()).toEqual([]);
    clock.advance(1);
    expect((await r.runDueOnce())[0]).toMatchObject({ outcome: 'retry', attempt: 2, runAt: new Date('2026-11-23T10:00:15.000Z') });
    expect(await jobRow(job.id)).toMatchObject({ status: 'queued', attempts: 2, last_error: expect.stringContaining('smtp timeout #2') });
    clock.advance(10_000);
    expect((await r.runDueOnce())[0]).toMatchObject({ outcome: 'dead', attempt: 3 });

    // Each handler was told the delay its failure would get, and the runner kept to it.
    expect(attempts).toEqual([[1, false, 5_000], [2, false, 10_000], [3, true, null]]);
    expect(failures).toEqual(['1:retry', '2:retry', '3:dead']);
    expect(dead).toMatchObject([{ id: job.id, status: 'dead', lastError: expect.stringContaining('smtp timeout #3') }]);
    expect(await jobRow(job.id)).toMatchObject({ status: 'dead', attempts: 3, last_error: expect.stringContaining('smtp timeout #3') });
    clock.advance(3_600_000);
    expect(await r.runDueOnce()).toEqual([]);
  });

  it('when a handler throws PermanentJobError, then the job is dead after one attempt', async () => {
    const { ctx, runner, jobRow } = await setup();
    const { job } = await enqueue(ctx, { queue: 'email.send', payload: {} });
    const [result] = await runner({ 'email.send': () => { throw new PermanentJobError('550 no such mailbox'); } }).runDueOnce();
    expect(result).toMatchObject({ outcome: 'dead', attempt: 1 });
    expect(await jobRow(job.id)).toMatchObject({ status: 'dead', attempts: 1, last_error: expect.stringContaining('550 no such mailbox') });
  });

  it('when a handler asks to retry later, then the job is due after that delay instead of the backoff', async () => {
    const { ctx, runner } = await setup();
    await enqueue(ctx, { queue: 'q', payload: {} });
    const [result] = await runner({ q: () => { throw new RetryJobLaterError('421 busy', 300_000); } }).runDueOnce();
    expect(result).toMatchObject({ outcome: 'retry', runAt: new Date('2026-11-23T10:05:00.000Z') });
  });

  it('when a job is enqueued for later, then it runs only once its time comes', async () => {
    const { ctx, clock, runner } = await setup();
    await enqueue(ctx, { queue: 'q', payload: 1, runAt: new Date('2026-11-23T11:00:00.000Z') });
    const r = runner({ q: () => {} });
    expect(await r.runDueOnce()).toEqual([]);
    clock.set('2026-11-23T11:00:00.000Z');
    expect(await r.runDueOnce()).toHaveLength(1);
  });

  it('when the same dedupe key is enqueued while the first is live, then the first is returned; once done, the key is free', async () => {
    const { ctx, db, runner } = await setup();
    const a = await enqueue(ctx, { queue: 'sla.escalate', payload: { step: 1 }, dedupeKey: 'conv-1:first-response' });
    const b = await transact(ctx, (tx) => enqueueIn(tx, { queue: 'sla.escalate', payload: { step: 2 }, dedupeKey: 'conv-1:first-response' }));
    const otherQueue = await enqueue(ctx, { queue: 'survey.send', payload: {}, dedupeKey: 'conv-1:first-response' });
    expect(a.duplicate).toBe(false);
    expect(b).toEqual({ job: a.job, duplicate: true });
    expect(otherQueue.duplicate).toBe(false);
    expect(await db.query('select id from jobs where queue = $1', ['sla.escalate'])).toHaveLength(1);

    await runner({ 'sla.escalate': () => {} }).runDueOnce();
    const c = await enqueue(ctx, { queue: 'sla.escalate', payload: { step: 3 }, dedupeKey: 'conv-1:first-response' });
    expect(c.duplicate).toBe(false);
    expect(c.job.id).not.toBe(a.job.id);
  });

  it('when a runner claimed a job and never finished, then after the lease another runner runs it as the next attempt and the late result is ignored', async () => {
    const { ctx, clock, runner, errors, jobRow } = await setup();
    const { job } = await enqueue(ctx, { queue: 'q', payload: {}, maxAttempts: 3 });
    let release!: () => void;
    let started = false;
    const stuck = runner({ q: () => new Promise<void>((resolve) => { started = true; release = resolve; }) }, { nodeId: 'node-a' });
    const stuckRun = stuck.runDueOnce();
    await vi.waitFor(() => expect(started).toBe(true));
    expect(await jobRow(job.id)).toMatchObject({ status: 'running', attempts: 1, locked_by: 'node-a' });

    const attempts: number[] = [];
    const rescuer = runner({ q: (j) => void attempts.push(j.attempt) }, { nodeId: 'node-b' });
    expect(await rescuer.runDueOnce()).toEqual([]);
    clock.advance(30_000);
    expect(await rescuer.runDueOnce()).toMatchObject([{ id: job.id, attempt: 2, outcome: 'done' }]);
    expect(attempts).toEqual([2]);

    release();
    expect(await stuckRun).toMatchObject([{ id: job.id, attempt: 1, outcome: 'lost' }]);
    expect(await jobRow(job.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(String(errors.at(-1))).toMatch(/lost its lease/);
  });

  it('when the runner of the last attempt died, then the job is a dead letter and onDead hears of it', async () => {
    const { ctx, clock, runner, jobRow } = await setup();
    const { job } = await enqueue(ctx, { queue: 'q', payload: {}, maxAttempts: 1 });
    void runner({ q: () => new Promise<void>(() => {}) }, { nodeId: 'crashed' }).runDueOnce();
    await vi.waitFor(async () => expect(await jobRow(job.id)).toMatchObject({ status: 'running' }));
    clock.advance(30_001);
    const dead: Job[] = [];
    const ran: number[] = [];
    expect(await runner({ q: (j) => void ran.push(j.attempt) }, { onDead: (j) => void dead.push(j) }).runDueOnce()).toEqual([]);
    expect(ran).toEqual([]);
    expect(dead).toMatchObject([{ id: job.id, status: 'dead', lastError: expect.stringMatching(/lease expired/) }]);
    expect(await jobRow(job.id)).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('when the enqueueing transaction rolls back, then the job never exists and never runs; when it commits, it runs', async () => {
    const { ctx, db, runner } = await setup();
    await expect(transact(ctx, async (tx) => {
      await enqueueIn(tx, { queue: 'q', payload: { n: 1 } });
      throw new Error('the command failed after enqueueing');
    })).rejects.toThrow('the command failed');
    const ran: unknown[] = [];
    const r = runner({ q: (j) => void ran.push(j.payload) });
    expect(await r.runDueOnce()).toEqual([]);
    expect(await db.query('select * from jobs')).toEqual([]);

    await transact(ctx, (tx) => enqueueIn(tx, { queue: 'q', payload: { n: 2 } }));
    await r.runDueOnce();
    expect(ran).toEqual([{ n: 2 }]);
  });

  it('when jobs wait on several queues, then a runner takes only the queues it handles, at most its concurrency at once', async () => {
    const { ctx, runner } = await setup();
    for (let i = 0; i < 5; i++) await enqueue(ctx, { queue: 'mine', payload: i });
    await enqueue(ctx, { queue: 'theirs', payload: 'x' });
    const r = runner({ mine: () => {} }, { concurrency: 2 });
    expect((await r.runDueOnce()).map((x) => x.queue)).toEqual(['mine', 'mine']);
    expect(await r.runDueOnce()).toHaveLength(2);
    expect(await r.runDueOnce()).toHaveLength(1);
    expect(await r.runDueOnce()).toEqual([]);
  });
});

describe('a started runner', () => {
  it('when a job is enqueued on this node, then it runs at once without waiting for the poll, and stop() waits for it', async () => {
    const { ctx } = await setup();
    const ran: string[] = [];
    let finishSlow!: () => void;
    const jobs = startJobs(ctx, {
      handlers: {
        quick: (j: RunningJob<string>) => void ran.push(j.payload),
        slow: () => new Promise<void>((resolve) => (finishSlow = () => { ran.push('slow'); resolve(); })),
      },
      pollMs: 60_000,
    });
    await vi.waitFor(() => expect(jobs.running).toBe(0));
    await enqueue(ctx, { queue: 'quick', payload: 'by enqueue' });
    await vi.waitFor(() => expect(ran).toEqual(['by enqueue']));
    await transact(ctx, (tx) => enqueueIn(tx, { queue: 'quick', payload: 'inside a command' }));
    await vi.waitFor(() => expect(ran).toEqual(['by enqueue', 'inside a command']));

    await enqueue(ctx, { queue: 'slow', payload: null });
    await vi.waitFor(() => expect(jobs.running).toBe(1));
    const stopped = jobs.stop();
    setTimeout(() => finishSlow(), 20);
    await stopped;
    expect(ran.at(-1)).toBe('slow');
    expect((await ctx.db.query<{ status: string }>("select status from jobs where queue = 'slow'"))[0]?.status).toBe('done');

    await enqueue(ctx, { queue: 'quick', payload: 'after stop' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ran).not.toContain('after stop');
  });

  it('when nothing nudges, then the poll finds due jobs, retries included', async () => {
    const { ctx, db } = await setup();
    // Written straight to the table: no nudge, as if another node had enqueued it.
    const id = uuidv7();
    await db.query(
      `insert into jobs (id, queue, payload, status, attempts, max_attempts, run_at, created_at, updated_at)
       values ($1, 'q', '{}', 'queued', 0, 2, $2, $2, $2)`, [id, ctx.clock()],
    );
    let calls = 0;
    const jobs = startJobs(ctx, {
      handlers: { q: () => { if (++calls === 1) throw new RetryJobLaterError('later', 0); } },
      pollMs: 20,
    });
    await vi.waitFor(async () => expect((await db.query<{ status: string }>('select status from jobs where id = $1', [id]))[0]?.status).toBe('done'));
    await jobs.stop();
    expect(calls).toBe(2);
  });
});
