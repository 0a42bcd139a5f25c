import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { migrate, PostgresDb } from '../db/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { enqueue, enqueueIn } from './enqueue.ts';
import { RetryJobLaterError } from './job-errors.ts';
import { JobRunner } from './job-runner.ts';
import type { RunningJob } from './job-types.ts';
import { jobMigrations } from './migrations.ts';

const url = process.env.DATABASE_URL;
const run = promisify(execFile);

/** Two pools on one schema: two nodes, as far as PostgreSQL can tell. */
async function twoNodes() {
  const schema = `pgt_jobs_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const a = await PostgresDb.open({ url: url!, schema, maxConnections: 6 });
  const b = await PostgresDb.open({ url: url!, schema, maxConnections: 6 });
  afterAll(async () => {
    await a.exec(`drop schema if exists ${schema} cascade`);
    await Promise.all([a.close(), b.close()]);
  });
  await migrate(a, jobMigrations);
  const clock = () => new Date();
  const newId = () => uuidv7();
  return { schema, a: { db: a, clock, newId }, b: { db: b, clock, newId } };
}

describe.runIf(url)('jobs on PostgreSQL with two nodes', () => {
  it('when two runners work through 200 jobs, then no job runs twice at once and every job is done exactly once', async () => {
    const { a, b } = await twoNodes();
    for (let i = 0; i < 200; i++) await enqueue(a, { queue: 'work', payload: i });
    const active = new Set<string>();
    const successes = new Map<string, number>();
    const byNode = { a: 0, b: 0 };
    let overlaps = 0;
    const handler = (node: 'a' | 'b') => async (job: RunningJob<number>) => {
      if (active.has(job.id)) overlaps++;
      active.add(job.id);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      active.delete(job.id);
      // One in ten fails its first attempt, so retries race too.
      if (job.payload % 10 === 0 && job.attempt === 1) throw new RetryJobLaterError('try again', 0);
      successes.set(job.id, (successes.get(job.id) ?? 0) + 1);
      byNode[node]++;
    };
    const errors: unknown[] = [];
    const options = { concurrency: 4, pollMs: 10, leaseMs: 30_000, onError: (e: unknown) => void errors.push(e) };
    const runners = [
      new JobRunner(a, { ...options, handlers: { work: handler('a') }, nodeId: 'node-a' }),
      new JobRunner(b, { ...options, handlers: { work: handler('b') }, nodeId: 'node-b' }),
    ];
    runners.forEach((r) => r.start());
    await vi.waitFor(async () => {
      const [row] = await a.db.query<{ n: number }>("select count(*)::int as n from jobs where status = 'done'");
      expect(row!.n).toBe(200);
    }, { timeout: 60_000, interval: 100 });
    await Promise.all(runners.map((r) => r.stop()));

    expect(overlaps).toBe(0);
    expect(errors).toEqual([]);
    expect(successes.size).toBe(200);
    expect([...successes.values()].every((n) => n === 1)).toBe(true);
    expect(byNode.a).toBeGreaterThan(0);
    expect(byNode.b).toBeGreaterThan(0);
    const attempts = await a.db.query<{ attempts: number; n: number }>('select attempts, count(*)::int as n from jobs group by attempts order by attempts');
    expect(attempts).toEqual([{ attempts: 1, n: 180 }, { attempts: 2, n: 20 }]);
  });

  it('when a command enqueues and commits a moment later, then a started runner on this node still runs the job well before its poll', async () => {
    const { a } = await twoNodes();
    const ran: string[] = [];
    const runner = new JobRunner(a, { handlers: { mail: (j: RunningJob<string>) => void ran.push(j.payload) }, pollMs: 60_000 });
    runner.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await a.db.transaction(async (sql) => {
      await enqueueIn({ sql, now: a.clock(), newId: a.newId, emit: () => {} }, { queue: 'mail', payload: 'hello' });
      // The nudge's first look finds nothing yet: the row is not committed.
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    await vi.waitFor(() => expect(ran).toEqual(['hello']), { timeout: 5000, interval: 10 });
    expect(Date.now() - started).toBeLessThan(2000);
    await runner.stop();
  });

  it('when both nodes enqueue the same dedupe key at once, then one job exists and every caller gets it', async () => {
    const { a, b } = await twoNodes();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => enqueue(i % 2 ? a : b, { queue: 'sla', payload: { i }, dedupeKey: 'conv-9' })));
    expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  });

  it('when two processes run the same exclusive task, then their runs never overlap', async () => {
    const { a, schema } = await twoNodes();
    await a.db.exec('create table probe (id serial primary key, who text not null, started timestamptz not null, ended timestamptz)');
    const fixture = fileURLToPath(new URL('./run-exclusively.fixture.ts', import.meta.url));
    const startAt = Date.now() + 4000;
    const child = (who: string) => run(process.execPath, ['--import', 'tsx', fixture], {
      env: { ...process.env, PROBE_SCHEMA: schema, PROBE_WHO: who, START_AT: String(startAt), END_AT: String(startAt + 1500) },
      timeout: 40_000,
    }).then(({ stdout }) => JSON.parse(stdout) as { ran: number; skipped: number });
    const [one, two] = await Promise.all([child('one'), child('two')]);

    const [overlap] = await a.db.query<{ n: number }>(
      'select count(*)::int as n from probe x join probe y on x.id < y.id and x.started < y.ended and y.started < x.ended',
    );
    expect(overlap!.n).toBe(0);
    const [unfinished] = await a.db.query<{ n: number }>('select count(*)::int as n from probe where ended is null');
    expect(unfinished!.n).toBe(0);
    expect(one!.ran).toBeGreaterThan(0);
    expect(two!.ran).toBeGreaterThan(0);
    expect(one!.skipped + two!.skipped).toBeGreaterThan(0);
  }, 60_000);
});

describe.skipIf(url)('jobs on PostgreSQL with two nodes', () => {
  it.skip('runs when DATABASE_URL is set', () => {});
});
