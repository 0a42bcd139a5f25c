import type { Migration } from '../platform/db/index.ts';

export const workspaceMigrations: Migration[] = [
  {
    id: '20261123_0200_workspaces',
    sql: `
      create table workspaces (
        id uuid primary key,
        name text not null,
        settings jsonb not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
    `,
  },
];
