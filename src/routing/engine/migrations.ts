import type { Migration } from '../../platform/db/index.ts';

export const routingEngineMigrations: Migration[] = [
  {
    // Routing's own view of people and teams: shifts and on-call for agents, overflow and hours for
    // teams, and when each agent last got work (fairness) and each conversation began waiting.
    id: '20261123_1000_routing_engine',
    sql: `
      create table agent_schedules (
        agent_id uuid primary key,
        workspace_id uuid not null,
        shifts jsonb not null default '[]',
        on_call_expert boolean not null default false,
        updated_at timestamptz not null
      );
      create table team_routing (
        team_id uuid primary key,
        workspace_id uuid not null,
        overflow_to uuid,
        overflow_after_seconds integer not null default 120,
        hours jsonb,
        on_call_team_id uuid,
        updated_at timestamptz not null
      );
      create table routing_agent_state (
        agent_id uuid primary key,
        workspace_id uuid not null,
        last_assigned_at timestamptz not null
      );
      create table routing_waits (
        conversation_id uuid primary key,
        workspace_id uuid not null,
        since timestamptz not null
      );
    `,
  },
];
