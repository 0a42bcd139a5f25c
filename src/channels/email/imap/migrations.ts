import type { Migration } from '../../../platform/db/index.ts';

export const imapMigrations: Migration[] = [
  {
    // Where each fetched IMAP mailbox resumes after a restart: the UIDVALIDITY its UIDs belong to and
    // the last UID whose mail the sink stored. UIDVALIDITY is text because it is an unsigned 32-bit
    // number that some servers send above 2^31.
    id: '20261123_1510_imap_cursors',
    sql: `
      create table imap_cursors (
        mailbox_id uuid primary key,
        uid_validity text not null,
        last_uid bigint not null check (last_uid >= 0),
        updated_at timestamptz not null default now()
      );
    `,
  },
];
