import type { Migration } from '../../platform/db/index.ts';

export const waitMigrations: Migration[] = [
  {
    // The honest wait, measured: what we predicted when a conversation began waiting, and how long
    // it really waited (claimed_at) and was then held (resolved_at, for recent handle times).
    // Also, per workspace, the predicted wait past which the widget offers a callback or email.
    id: '20261123_1320_routing_wait',
    sql: `
      create table wait_predictions (
        conversation_id uuid not null,
        workspace_id uuid not null,
        channel text not null,
        team_id uuid,
        waiting_since timestamptz not null,
        predicted_seconds integer,
        basis jsonb not null,
        claimed_at timestamptz,
        actual_seconds integer,
        resolved_at timestamptz,
        primary key (conversation_id, waiting_since)
      );
      create index wait_predictions_measured on wait_predictions (workspace_id, claimed_at);
      create table wait_settings (
        workspace_id uuid primary key,
        offer_after_seconds jsonb not null default '{}',
        updated_at timestamptz not null
      );
    `,
  },
];
