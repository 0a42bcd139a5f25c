import type { Migration } from '../db/index.ts';

export const outboxMigrations: Migration[] = [
  {
    id: '20261123_0100_outbox',
    sql: `
      create table events (
        position bigserial primary key,
        id uuid not null unique,
        workspace_id uuid,
        type text not null,
        subject_type text not null,
        subject_id text not null,
        actor jsonb,
        payload jsonb not null,
        occurred_at timestamptz not null,
        published_at timestamptz
      );
      create index events_unpublished on events (position) where published_at is null;
      create index events_subject on events (subject_type, subject_id, position);
    `,
  },
];
