import type { Migration } from '../platform/db/index.ts';

export const accountMigrations: Migration[] = [
  {
    id: '20261123_0300_accounts',
    sql: `
      create table agents (
        id uuid primary key,
        workspace_id uuid not null,
        email text not null,
        name text not null,
        role text not null check (role in ('admin', 'supervisor', 'agent')),
        time_zone text not null,
        status text not null check (status in ('online', 'away', 'offline', 'on_call')),
        skills jsonb not null,
        languages jsonb not null,
        capacity jsonb not null,
        active boolean not null default true,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create unique index agents_email on agents (lower(email));
      create index agents_workspace on agents (workspace_id, created_at, id);

      create table teams (
        id uuid primary key,
        workspace_id uuid not null,
        name text not null,
        description text not null default '',
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create unique index teams_name on teams (workspace_id, lower(name));

      create table team_members (
        team_id uuid not null references teams (id) on delete cascade,
        agent_id uuid not null references agents (id) on delete cascade,
        primary key (team_id, agent_id)
      );
      create index team_members_agent on team_members (agent_id);
    `,
  },
  {
    // When an agent was last deactivated: sessions opened before it stay dead after a reactivation.
    id: '20261123_0310_agents_deactivated_at',
    sql: 'alter table agents add column deactivated_at timestamptz;',
  },
];
