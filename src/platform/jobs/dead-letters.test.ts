import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/index.ts';
import { migrate, PgliteDb } from '../db/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { countJobs, getJob, listJobs, pruneFinishedJobs, retryDeadJob } from './dead-letters.ts';
import { enqueue } from './enqueue.ts';
import { PermanentJobError } from './job-errors.ts';
import { JobRunner } from './job-runner.ts';
import { jobMigrations } from './migrations.ts';

const engine = await PgliteDb.createEngine();
afterAll(() => engine.close());
let counter = 0;
const workspaceA = uuidv7();
const workspaceB = uuidv7();

/** Three dead letters (two in A), one done, one retrying and one fresh queued job. */
async function setup() {
  const db = await PgliteDb.open({ engine, schema: `jobs_dead_${process.pid}_${counter++}` });
  await migrate(db, jobMigrations);
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const ctx = { db, clock, newId: () => uuidv7(clock().getTime()) };
  const at = () => { clock.advance(1000); return ctx; };
  const dead1 = (await enqueue(at(), { queue: 'email.send', payload: { n: 1 }, workspaceId: workspaceA })).job;
  const dead2 = (await enqueue(at(), { queue: 'email.send', payload: { n: 2 }, workspaceId: workspaceA, dedupeKey: 'reply-7' })).job;
  const dead3 = (await enqueue(at(), { queue: 'survey.send', payload: { n: 3 }, workspaceId: workspaceB })).job;
  const runner = new JobRunner(ctx, { handlers: { 'email.send': () => { throw new PermanentJobError('550'); }, 'survey.send': () => { throw new PermanentJobError('gone'); } } });
  await runner.runDueOnce();
  const done = (await enqueue(at(), { queue: 'survey.send', payload: { n: 4 }, workspaceId: workspaceB })).job;
  await new JobRunner(ctx, { handlers: { 'survey.send': () => {} } }).runDueOnce();
  const retrying = (await enqueue(at(), { queue: 'email.send', payload: { n: 5 }, workspaceId: workspaceA })).job;
  await new JobRunner(ctx, { handlers: { 'email.send': () => { throw new Error('timeout'); } } }).runDueOnce();
  const fresh = (await enqueue(at(), { queue: 'email.send', payload: { n: 6 }, workspaceId: workspaceA, runAt: new Date('2026-11-24T00:00:00Z') })).job;
  return { ctx, clock, dead1, dead2, dead3, done, retrying, fresh };
}

describe('dead-letter tools', () => {
  it('when listing by queue, status and workspace, then matching jobs come newest first, page by page', async () => {
    const { ctx, dead1, dead2, dead3 } = await setup();
    const dead = await listJobs(ctx, { status: 'dead' }, { limit: 2 });
    expect(dead.items.map((j) => j.id)).toEqual([dead3.id, dead2.id]);
    expect(dead.items[1]).toMatchObject({ status: 'dead', lastError: expect.stringContaining('550'), dedupeKey: 'reply-7', payload: { n: 2 } });
    const rest = await listJobs(ctx, { status: 'dead' }, { limit: 2, cursor: dead.nextCursor! });
    expect(rest).toEqual({ items: [expect.objectContaining({ id: dead1.id })], nextCursor: null });
    expect((await listJobs(ctx, { status: 'dead', workspaceId: workspaceA, queue: 'email.send' }, { limit: 10 })).items.map((j) => j.id)).toEqual([dead2.id, dead1.id]);
    expect((await listJobs(ctx, { queue: 'survey.send', workspaceId: workspaceA }, { limit: 10 })).items).toEqual([]);
  });

  it('when counting, then each status is counted in all and per queue, retrying ones among the queued', async () => {
    const { ctx } = await setup();
    const counts = await countJobs(ctx);
    expect(counts.total).toEqual({ queued: 2, retrying: 1, running: 0, done: 1, dead: 3 });
    expect(counts.byQueue).toEqual({
      'email.send': { queued: 2, retrying: 1, running: 0, done: 0, dead: 2 },
      'survey.send': { queued: 0, retrying: 0, running: 0, done: 1, dead: 1 },
    });
    expect((await countJobs(ctx, { workspaceId: workspaceB })).total).toEqual({ queued: 0, retrying: 0, running: 0, done: 1, dead: 1 });
  });

  it('when a dead letter is retried, then it is queued again due now with fresh attempts and runs', async () => {
    const { ctx, clock, dead1 } = await setup();
    const result = await retryDeadJob(ctx, dead1.id, { workspaceId: workspaceA });
    expect(result).toMatchObject({ status: 'retried', job: { status: 'queued', attempts: 0, runAt: clock(), finishedAt: null, lastError: expect.stringContaining('550') } });
    const attempts: number[] = [];
    await new JobRunner(ctx, { handlers: { 'email.send': (j) => void attempts.push(j.attempt) } }).runDueOnce();
    expect(attempts).toContain(1);
    expect((await getJob(ctx, dead1.id))?.status).toBe('done');
  });

  it('when the job is unknown, in another workspace, not dead, or its dedupe key is live again, then nothing changes and the result says why', async () => {
    const { ctx, dead2, dead3, fresh } = await setup();
    expect(await retryDeadJob(ctx, uuidv7())).toEqual({ status: 'not_found' });
    expect(await retryDeadJob(ctx, dead3.id, { workspaceId: workspaceA })).toEqual({ status: 'not_found' });
    expect(await retryDeadJob(ctx, fresh.id)).toMatchObject({ status: 'not_dead', job: { id: fresh.id, status: 'queued' } });
    const twin = await enqueue(ctx, { queue: 'email.send', payload: { again: true }, dedupeKey: 'reply-7' });
    expect(await retryDeadJob(ctx, dead2.id)).toMatchObject({ status: 'duplicate', liveJobId: twin.job.id });
    expect((await getJob(ctx, dead2.id))?.status).toBe('dead');
    expect(await getJob(ctx, dead2.id, workspaceB)).toBeNull();
  });

  it('when pruning, then done jobs go after their retention, dead letters after theirs, live jobs never', async () => {
    const { ctx, clock } = await setup();
    clock.advance(8 * 86_400_000);
    expect(await pruneFinishedJobs(ctx, { batch: 1 })).toBe(1);
    expect((await countJobs(ctx)).total).toMatchObject({ done: 0, dead: 3, queued: 2 });
    clock.advance(30 * 86_400_000);
    expect(await pruneFinishedJobs(ctx, { batch: 2 })).toBe(3);
    expect((await countJobs(ctx)).total).toEqual({ queued: 2, retrying: 1, running: 0, done: 0, dead: 0 });
  });
});
