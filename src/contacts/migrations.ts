import type { Migration } from '../platform/db/index.ts';

export const contactMigrations: Migration[] = [
  {
    id: '20261123_0500_contacts',
    sql: `
      create table contacts (
        id uuid primary key,
        workspace_id uuid not null,
        name text,
        language text,
        attributes jsonb not null default '{}',
        merged_into uuid references contacts (id),
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index contacts_workspace on contacts (workspace_id, created_at desc, id desc) where merged_into is null;
      create index contacts_merged_into on contacts (merged_into) where merged_into is not null;

      create table contact_identities (
        workspace_id uuid not null,
        kind text not null check (kind in ('email', 'phone', 'visitor', 'external')),
        value text not null,
        contact_id uuid not null references contacts (id),
        created_at timestamptz not null,
        primary key (workspace_id, kind, value)
      );
      create index contact_identities_contact on contact_identities (contact_id);
    `,
  },
];
