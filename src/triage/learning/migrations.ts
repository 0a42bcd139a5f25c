import type { Migration } from '../../platform/db/index.ts';

export const learningMigrations: Migration[] = [
  {
    // A workspace's own intent categories, the examples that teach and judge its model, and every
    // model version trained (kept, so a rollback is one update and the history explains itself).
    id: '20261123_0910_intent_learning',
    sql: `
      create table intent_categories (
        workspace_id uuid not null,
        name text not null,
        description text not null default '',
        team_id uuid,
        archived_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (workspace_id, name)
      );
      create table intent_examples (
        id uuid primary key,
        workspace_id uuid not null,
        label text not null,
        text text not null,
        lang text,
        source text not null check (source in ('curated', 'agent')),
        conversation_id uuid,
        created_by jsonb not null,
        created_at timestamptz not null
      );
      create index intent_examples_workspace on intent_examples (workspace_id, label, created_at);
      -- One agent label per conversation: a second re-categorisation replaces the first.
      create unique index intent_examples_conversation on intent_examples (conversation_id) where source = 'agent';
      create table intent_models (
        id uuid primary key,
        workspace_id uuid not null,
        version integer not null,
        status text not null check (status in ('active', 'retired', 'refused')),
        decision text not null,
        labels text[] not null,
        trained_on integer not null,
        held_out integer not null,
        score jsonb not null,
        active_score jsonb,
        train_ms integer not null,
        bytes bytea,
        created_at timestamptz not null,
        activated_at timestamptz,
        unique (workspace_id, version)
      );
      create unique index intent_models_one_active on intent_models (workspace_id) where status = 'active';
      create table intent_training_leases (
        workspace_id uuid primary key,
        holder text not null,
        until timestamptz not null
      );
    `,
  },
];
