import type { Migration } from '../../platform/db/index.ts';

export const transferMigrations: Migration[] = [
  {
    // A warm transfer is a request the current owner makes and a colleague accepts; until then the
    // owner keeps the conversation, so nobody can drop a customer by "sending them elsewhere".
    id: '20261123_1010_transfer_requests',
    sql: `
      create table transfer_requests (
        id uuid primary key,
        workspace_id uuid not null,
        conversation_id uuid not null,
        from_agent_id uuid,
        to_agent_id uuid,
        to_team_id uuid,
        reason text not null,
        status text not null check (status in ('pending', 'accepted', 'declined', 'cancelled')),
        created_at timestamptz not null,
        decided_at timestamptz,
        decided_by uuid,
        decline_reason text
      );
      create unique index transfer_requests_one_pending on transfer_requests (conversation_id) where status = 'pending';
      create index transfer_requests_workspace on transfer_requests (workspace_id, status, created_at);
    `,
  },
  {
    // Who asked: the owner, or a supervisor handing over someone else's conversation.
    id: '20261123_1350_transfer_requested_by',
    sql: 'alter table transfer_requests add column requested_by uuid;',
  },
];
