import type { Migration } from '../db/index.ts';

export const jobMigrations: Migration[] = [
  {
    id: '20261123_1500_jobs',
    sql: `
      create table jobs (
        id uuid primary key,
        queue text not null,
        workspace_id uuid,
        payload jsonb not null,
        status text not null check (status in ('queued', 'running', 'done', 'dead')),
        attempts int not null default 0,
        max_attempts int not null check (max_attempts >= 1),
        run_at timestamptz not null,
        locked_until timestamptz,
        locked_by text,
        last_error text,
        dedupe_key text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        finished_at timestamptz
      );
      -- One live job per key and queue; a finished one frees the key for the next.
      create unique index jobs_dedupe on jobs (queue, dedupe_key)
        where dedupe_key is not null and status in ('queued', 'running');
      -- The due sweep: queued work by due time, and running work whose lease may have expired.
      create index jobs_due on jobs (queue, run_at) where status = 'queued';
      create index jobs_leases on jobs (queue, locked_until) where status = 'running';
      -- Dead-letter and console lists, newest first; and pruning what finished long ago.
      create index jobs_by_status on jobs (status, created_at);
      create index jobs_finished on jobs (finished_at) where status in ('done', 'dead');
    `,
  },
];
