import type { Migration } from '../platform/db/index.ts';

export const slaMigrations: Migration[] = [
  {
    // Business calendars (one may be the workspace default) and which team counts in which.
    id: '20261123_1600_sla_calendars',
    sql: `
      create table sla_calendars (
        id uuid primary key,
        workspace_id uuid not null,
        name text not null,
        calendar jsonb not null,
        is_default boolean not null default false,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        unique (workspace_id, name)
      );
      create unique index sla_calendars_default on sla_calendars (workspace_id) where is_default;
      create table sla_team_calendars (
        team_id uuid primary key,
        workspace_id uuid not null,
        calendar_id uuid not null references sla_calendars (id)
      );
    `,
  },
  {
    // Policies in the admins' order: the first that applies to a conversation sets its promises.
    id: '20261123_1601_sla_policies',
    sql: `
      create table sla_policies (
        id uuid primary key,
        workspace_id uuid not null,
        name text not null,
        position integer not null,
        conditions jsonb not null,
        targets jsonb not null,
        escalation jsonb not null,
        calendar_id uuid references sla_calendars (id),
        enabled boolean not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        unique (workspace_id, name)
      );
    `,
  },
  {
    // SLA's own record of what happened in each conversation (from events, once each, in log order),
    // and the clocks derived from it. A clock keeps the policy, target, calendar and steps it started
    // with, so editing a policy changes new clocks (and running ones only when asked).
    id: '20261123_1602_sla_clocks',
    sql: `
      create table sla_history (
        event_id uuid primary key,
        workspace_id uuid not null,
        conversation_id uuid not null,
        position bigint not null,
        type text not null,
        status text,
        at timestamptz not null
      );
      create index sla_history_conversation on sla_history (conversation_id, position);
      create table sla_clocks (
        id uuid primary key,
        workspace_id uuid not null,
        conversation_id uuid not null,
        kind text not null check (kind in ('first_response', 'next_response', 'resolution')),
        cycle integer not null,
        policy_id uuid,
        policy_name text,
        team_id uuid,
        calendar jsonb,
        target_seconds integer,
        escalation jsonb not null default '[]',
        started_at timestamptz not null,
        pauses jsonb not null default '[]',
        outcome text not null check (outcome in ('running', 'met', 'ended')),
        ended_at timestamptz,
        due_at timestamptz,
        breached_at timestamptz,
        business_seconds double precision,
        fired text[] not null default '{}',
        next_fire_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        unique (conversation_id, kind, cycle)
      );
      create index sla_clocks_next_fire on sla_clocks (next_fire_at) where next_fire_at is not null;
      create index sla_clocks_running on sla_clocks (workspace_id, due_at) where outcome = 'running' and target_seconds is not null;
      create index sla_clocks_report on sla_clocks (workspace_id, started_at);
    `,
  },
];
