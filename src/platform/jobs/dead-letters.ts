/** Looking at jobs and reviving dead letters: plain functions the HTTP routes and the CLI call. */
import { decodeCursor, toPage, type PageResult } from '../../kernel/index.ts';
import type { QueryContext } from '../outbox/index.ts';
import { signalJobEnqueued } from './job-signals.ts';
import { toJob, type JobRow } from './job-store.ts';
import type { Job, JobStatus } from './job-types.ts';

export interface JobFilter {
  queue?: string;
  status?: JobStatus;
  /** A workspace's jobs only; leave out for all (system jobs have none). */
  workspaceId?: string;
}

/** Newest first, by cursor. */
export async function listJobs(ctx: QueryContext, filter: JobFilter, page: { limit: number; cursor?: string | undefined }): Promise<PageResult<Job>> {
  const after = decodeCursor(page.cursor, ['string', 'string']) as [string, string] | null;
  const rows = await ctx.db.query<JobRow>(
    `select * from jobs
      where ($1::text is null or queue = $1) and ($2::text is null or status = $2) and ($3::uuid is null or workspace_id = $3)
        and ($4::timestamptz is null or (created_at, id) < ($4, $5::uuid))
      order by created_at desc, id desc limit $6`,
    [filter.queue ?? null, filter.status ?? null, filter.workspaceId ?? null, after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
  );
  return toPage(rows.map((r) => toJob(r)), page.limit, (j) => [j.createdAt.toISOString(), j.id]);
}

export async function getJob(ctx: QueryContext, id: string, workspaceId?: string): Promise<Job | null> {
  const rows = await ctx.db.query<JobRow>('select * from jobs where id = $1 and ($2::uuid is null or workspace_id = $2)', [id, workspaceId ?? null]);
  return rows[0] ? toJob(rows[0]) : null;
}

export interface JobCounts {
  queued: number;
  /** Of the queued, those that failed before and wait for another try. */
  retrying: number;
  running: number;
  done: number;
  dead: number;
}

const noJobs = (): JobCounts => ({ queued: 0, retrying: 0, running: 0, done: 0, dead: 0 });

/** Counts by status, in all and per queue. */
export async function countJobs(ctx: QueryContext, filter: Omit<JobFilter, 'status'> = {}): Promise<{ total: JobCounts; byQueue: Record<string, JobCounts> }> {
  const rows = await ctx.db.query<{ queue: string; status: JobStatus; retrying: number; n: number }>(
    `select queue, status, count(*)::int as n, (count(*) filter (where status = 'queued' and attempts > 0))::int as retrying
       from jobs where ($1::text is null or queue = $1) and ($2::uuid is null or workspace_id = $2)
      group by queue, status`,
    [filter.queue ?? null, filter.workspaceId ?? null],
  );
  const total = noJobs();
  const byQueue: Record<string, JobCounts> = {};
  for (const r of rows) {
    const q = (byQueue[r.queue] ??= noJobs());
    q[r.status] += r.n;
    q.retrying += r.retrying;
    total[r.status] += r.n;
    total.retrying += r.retrying;
  }
  return { total, byQueue };
}

export type RetryDeadResult =
  | { status: 'retried'; job: Job }
  | { status: 'not_found' }
  | { status: 'not_dead'; job: Job }
  /** A live job with the same dedupe key is already queued or running; reviving would do it twice. */
  | { status: 'duplicate'; job: Job; liveJobId: string };

/**
 * Puts a dead letter back in its queue with a fresh set of attempts, due now (or at `runAt`). Its
 * last error stays until the next attempt writes its own.
 */
export async function retryDeadJob(ctx: QueryContext, id: string, options: { workspaceId?: string; runAt?: Date } = {}): Promise<RetryDeadResult> {
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (sql): Promise<RetryDeadResult> => {
    const rows = await sql.query<JobRow>('select * from jobs where id = $1 and ($2::uuid is null or workspace_id = $2) for update', [id, options.workspaceId ?? null]);
    if (!rows[0]) return { status: 'not_found' };
    const job = toJob(rows[0]);
    if (job.status !== 'dead') return { status: 'not_dead', job };
    if (job.dedupeKey !== null) {
      const twin = await sql.query<{ id: string }>(
        `select id from jobs where queue = $1 and dedupe_key = $2 and status in ('queued', 'running') limit 1`,
        [job.queue, job.dedupeKey],
      );
      if (twin[0]) return { status: 'duplicate', job, liveJobId: twin[0].id };
    }
    const revived = await sql.query<JobRow>(
      `update jobs set status = 'queued', attempts = 0, run_at = $2, locked_until = null, locked_by = null, finished_at = null, updated_at = $3
        where id = $1 returning *`,
      [id, options.runAt ?? now, now],
    );
    return { status: 'retried', job: toJob(revived[0]!) };
  });
  if (result.status === 'retried') signalJobEnqueued(result.job.queue);
  return result;
}

/**
 * Deletes finished jobs: done ones after `doneOlderThanMs` (default a week), dead letters after
 * `deadOlderThanMs` (default 30 days, time enough to look at them). In batches, so a large backlog
 * never holds one long transaction.
 */
export async function pruneFinishedJobs(
  ctx: QueryContext,
  options: { doneOlderThanMs?: number; deadOlderThanMs?: number; batch?: number } = {},
): Promise<number> {
  const now = ctx.clock().getTime();
  const doneBefore = new Date(now - (options.doneOlderThanMs ?? 7 * 86_400_000));
  const deadBefore = new Date(now - (options.deadOlderThanMs ?? 30 * 86_400_000));
  const batch = options.batch ?? 1000;
  let total = 0;
  for (;;) {
    const rows = await ctx.db.query<{ id: string }>(
      `delete from jobs where id in (
         select id from jobs
          where (status = 'done' and finished_at < $1) or (status = 'dead' and finished_at < $2)
          limit $3)
       returning id`,
      [doneBefore, deadBefore, batch],
    );
    total += rows.length;
    if (rows.length < batch) return total;
  }
}
