import type { Migration } from '../platform/db/index.ts';

export const conversationMigrations: Migration[] = [
  {
    id: '20261123_0600_conversations',
    sql: `
      create table conversation_numbers (
        workspace_id uuid primary key,
        last_number bigint not null
      );

      create table conversations (
        id uuid primary key,
        workspace_id uuid not null,
        number bigint not null,
        contact_id uuid not null,
        channel text not null,
        status text not null check (status in ('open', 'pending', 'resolved', 'closed')),
        priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
        owner_id uuid,
        team_id uuid,
        tags text[] not null default '{}',
        subject text,
        language text,
        last_seq bigint not null default 0,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_activity_at timestamptz not null,
        first_response_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        unique (workspace_id, number)
      );
      create index conversations_recent on conversations (workspace_id, created_at desc, id desc);
      create index conversations_activity on conversations (workspace_id, last_activity_at desc, id desc);
      create index conversations_contact on conversations (contact_id);
      create index conversations_owner on conversations (owner_id) where owner_id is not null;

      create table messages (
        id uuid primary key,
        workspace_id uuid not null,
        conversation_id uuid not null references conversations (id),
        seq bigint not null,
        kind text not null check (kind in ('customer', 'agent', 'note', 'bot', 'system')),
        author jsonb not null,
        body text not null,
        client_id text,
        created_at timestamptz not null,
        unique (conversation_id, seq)
      );
      create unique index messages_client_id on messages (conversation_id, client_id) where client_id is not null;
    `,
  },
  {
    // Files live in the database, so every node sees them and a backup holds them; bytes are kept
    // apart from the metadata so listing never reads them.
    id: '20261123_0610_attachments',
    sql: `
      create table attachments (
        id uuid primary key,
        workspace_id uuid not null,
        conversation_id uuid references conversations (id),
        -- Checked at commit: the message and its attachments are written in one transaction.
        message_id uuid references messages (id) deferrable initially deferred,
        name text not null,
        content_type text not null,
        size integer not null,
        sha256 text not null,
        uploaded_by jsonb not null,
        created_at timestamptz not null
      );
      create index attachments_message on attachments (message_id) where message_id is not null;
      create table attachment_blobs (
        attachment_id uuid primary key references attachments (id),
        bytes bytea not null
      );
      alter table messages add column attachments jsonb not null default '[]';
    `,
  },
  {
    // What the customer wants, how they feel and how urgent it is: read by triage (or set by an
    // agent), kept on the conversation so the inbox can sort by it and routing can use it.
    id: '20261123_0900_conversation_reading',
    sql: `
      alter table conversations
        add column intent text,
        add column intent_confidence real,
        add column intent_source text check (intent_source in ('model', 'agent')),
        add column sentiment text check (sentiment in ('negative', 'neutral', 'positive')),
        add column sentiment_score real,
        add column urgency text check (urgency in ('low', 'normal', 'high', 'critical')),
        add column urgency_score integer,
        add column urgency_reasons text[] not null default '{}';
      create index conversations_urgency on conversations (workspace_id, urgency_score desc nulls last) where status in ('open', 'pending');
    `,
  },
];
