/** The SQL for the `jobs` table. Every write to a running job is fenced by (runner, attempt). */
import type { Sql } from '../db/index.ts';
import type { CheckedSpec } from './jobs-rules.ts';
import type { Job, JobStatus } from './job-types.ts';

export interface JobRow extends Record<string, unknown> {
  id: string;
  queue: string;
  workspace_id: string | null;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  locked_until: Date | null;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

const date = (value: Date | null) => (value === null ? null : new Date(value));

export function toJob<P = unknown>(row: JobRow): Job<P> {
  return {
    id: row.id,
    queue: row.queue,
    workspaceId: row.workspace_id,
    payload: row.payload as P,
    status: row.status,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAt: new Date(row.run_at),
    lockedUntil: date(row.locked_until),
    lockedBy: row.locked_by,
    lastError: row.last_error,
    dedupeKey: row.dedupe_key,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    finishedAt: date(row.finished_at),
  };
}

/** Identifies one attempt: a runner that lost its lease can no longer write over the next one. */
export interface Fence {
  id: string;
  attempt: number;
  nodeId: string;
}

/**
 * Inserts a job, or returns the live one with the same dedupe key. On PostgreSQL a concurrent
 * insert of the same key waits for the other transaction; the loop covers the twin finishing
 * between our insert and our read.
 */
export async function insertJob<P>(sql: Sql, id: string, spec: CheckedSpec<P>, now: Date): Promise<{ job: Job<P>; duplicate: boolean }> {
  for (let tries = 0; tries < 5; tries++) {
    const inserted = await sql.query<JobRow>(
      `insert into jobs (id, queue, workspace_id, payload, status, attempts, max_attempts, run_at, dedupe_key, created_at, updated_at)
       values ($1, $2, $3, $4::jsonb, 'queued', 0, $5, $6, $7, $8, $8)
       on conflict (queue, dedupe_key) where dedupe_key is not null and status in ('queued', 'running') do nothing
       returning *`,
      // Serialised here: the pg driver would turn a top-level array into a PostgreSQL array.
      [id, spec.queue, spec.workspaceId, JSON.stringify(spec.payload), spec.maxAttempts, spec.runAt, spec.dedupeKey, now],
    );
    if (inserted[0]) return { job: toJob<P>(inserted[0]), duplicate: false };
    const live = await sql.query<JobRow>(
      `select * from jobs where queue = $1 and dedupe_key = $2 and status in ('queued', 'running')`,
      [spec.queue, spec.dedupeKey],
    );
    if (live[0]) return { job: toJob<P>(live[0]), duplicate: true };
  }
  throw new Error(`could not enqueue on ${spec.queue}: the job with dedupe key ${spec.dedupeKey} kept changing`);
}

/** Due jobs of these queues, locked; rows another runner is claiming right now are skipped. */
export async function selectDue(sql: Sql, queues: readonly string[], now: Date, limit: number): Promise<Job[]> {
  const rows = await sql.query<JobRow>(
    `select * from jobs
      where queue = any($1::text[])
        and ((status = 'queued' and run_at <= $2) or (status = 'running' and locked_until <= $2))
      order by run_at, id
      limit $3
      for update skip locked`,
    [queues, now, limit],
  );
  return rows.map((r) => toJob(r));
}

export async function markRunning(sql: Sql, ids: readonly string[], nodeId: string, lockedUntil: Date, now: Date): Promise<Job[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<JobRow>(
    `update jobs set status = 'running', attempts = attempts + 1, locked_until = $2, locked_by = $3, updated_at = $4
      where id = any($1::uuid[]) returning *`,
    [ids, lockedUntil, nodeId, now],
  );
  return rows.map((r) => toJob(r));
}

/** A reclaimed job that had no attempts left. */
export async function markDeadUnfenced(sql: Sql, id: string, error: string, now: Date): Promise<void> {
  await sql.query(
    `update jobs set status = 'dead', last_error = $2, locked_until = null, locked_by = null, finished_at = $3, updated_at = $3 where id = $1`,
    [id, error, now],
  );
}

const fenced = `id = $1 and status = 'running' and attempts = $2 and locked_by = $3`;

export async function extendLease(sql: Sql, f: Fence, lockedUntil: Date, now: Date): Promise<boolean> {
  const rows = await sql.query(`update jobs set locked_until = $4, updated_at = $5 where ${fenced} returning id`, [f.id, f.attempt, f.nodeId, lockedUntil, now]);
  return rows.length > 0;
}

export async function markDone(sql: Sql, f: Fence, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `update jobs set status = 'done', locked_until = null, locked_by = null, finished_at = $4, updated_at = $4 where ${fenced} returning id`,
    [f.id, f.attempt, f.nodeId, now],
  );
  return rows.length > 0;
}

export async function markRetry(sql: Sql, f: Fence, runAt: Date, error: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `update jobs set status = 'queued', run_at = $4, last_error = $5, locked_until = null, locked_by = null, updated_at = $6
      where ${fenced} returning id`,
    [f.id, f.attempt, f.nodeId, runAt, error, now],
  );
  return rows.length > 0;
}

export async function markDead(sql: Sql, f: Fence, error: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `update jobs set status = 'dead', last_error = $4, locked_until = null, locked_by = null, finished_at = $5, updated_at = $5
      where ${fenced} returning id`,
    [f.id, f.attempt, f.nodeId, error, now],
  );
  return rows.length > 0;
}
