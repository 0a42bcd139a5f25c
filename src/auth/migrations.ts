import type { Migration } from '../platform/db/index.ts';

export const authMigrations: Migration[] = [
  {
    id: '20261123_0400_auth',
    sql: `
      create table auth_credentials (
        agent_id uuid primary key,
        password_hash text not null,
        updated_at timestamptz not null
      );

      create table auth_sessions (
        id uuid primary key,
        token_hash text not null unique,
        workspace_id uuid not null,
        agent_id uuid not null,
        csrf_token text not null,
        user_agent text,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz
      );
      create index auth_sessions_agent on auth_sessions (agent_id);

      create table api_tokens (
        id uuid primary key,
        workspace_id uuid not null,
        name text not null,
        token_hash text not null unique,
        scopes text[] not null,
        created_by jsonb not null,
        created_at timestamptz not null,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      create index api_tokens_workspace on api_tokens (workspace_id, created_at);

      create table auth_login_attempts (
        id bigserial primary key,
        email text not null,
        ip text not null,
        succeeded boolean not null,
        at timestamptz not null
      );
      create index auth_login_attempts_email on auth_login_attempts (email, at);
      create index auth_login_attempts_ip on auth_login_attempts (ip, at);
    `,
  },
];
