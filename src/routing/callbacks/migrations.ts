import type { Migration } from '../../platform/db/index.ts';

export const callbackMigrations: Migration[] = [
  {
    // A promised call: the work is a conversation on the 'callback' channel (routed like any other,
    // due at the window's start); this row keeps the promise — number, window, time zone, outcome.
    id: '20261123_1330_routing_callbacks',
    sql: `
      create table callbacks (
        id uuid primary key,
        workspace_id uuid not null,
        conversation_id uuid not null unique,
        contact_id uuid not null,
        source_conversation_id uuid,
        phone text not null,
        window_start timestamptz not null,
        window_end timestamptz not null,
        time_zone text not null,
        note text,
        status text not null check (status in ('scheduled', 'done', 'missed', 'cancelled')),
        created_by jsonb not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index callbacks_by_status on callbacks (workspace_id, status, window_start, id);
      create index callbacks_sweep on callbacks (window_end) where status = 'scheduled';
    `,
  },
];
