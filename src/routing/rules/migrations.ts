import type { Migration } from '../../platform/db/index.ts';

export const routingRulesMigrations: Migration[] = [
  {
    // Admins' routing rules, in order, and what they decided for each conversation (the skills the
    // routing engine must honour, which rules matched, and the team rules put it in: a team that
    // differs from that one was chosen by a person and is left alone).
    id: '20261123_1300_routing_rules',
    sql: `
      create table routing_rules (
        id uuid primary key,
        workspace_id uuid not null,
        name text not null,
        position integer not null check (position > 0),
        enabled boolean not null,
        conditions jsonb not null,
        actions jsonb not null,
        stop boolean not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        -- Deferred, so a reorder may pass through duplicates inside its transaction.
        unique (workspace_id, position) deferrable initially deferred
      );
      create table conversation_routing (
        conversation_id uuid primary key,
        workspace_id uuid not null,
        stage text not null check (stage in ('created', 'triaged')),
        skills text[] not null,
        matched_rule_ids uuid[] not null,
        team_id uuid,
        applied_at timestamptz not null
      );
    `,
  },
];
