import type { Migration } from '../../platform/db/index.ts';

export const handoffMigrations: Migration[] = [
  {
    // Per workspace: the optional OpenAI-compatible endpoint that writes better briefs. The key is
    // write-only through the API (never read back) and never logged.
    id: '20261123_0920_brief_endpoint',
    sql: `
      create table brief_endpoints (
        workspace_id uuid primary key,
        base_url text not null,
        model text not null,
        api_key text not null,
        timeout_ms integer not null,
        updated_at timestamptz not null
      );
    `,
  },
];
