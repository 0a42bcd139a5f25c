import type { Migration } from '../../platform/db/index.ts';

export const emailMigrations: Migration[] = [
  {
    // Mailboxes: the addresses a workspace takes mail at (its own SMTP listener, or an IMAP
    // mailbox Sanad fetches from). An address belongs to one workspace, since the listener maps
    // recipients to workspaces. IMAP passwords are sealed with the server's key, never stored plain.
    id: '20261123_1520_email_mailboxes',
    sql: `
      create table email_mailboxes (
        id uuid primary key,
        workspace_id uuid not null,
        address text not null unique,
        name text not null,
        team_id uuid,
        inbound text not null check (inbound in ('smtp', 'imap')),
        imap jsonb,
        imap_password_sealed text,
        auto_acknowledge boolean not null default false,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        disabled_at timestamptz
      );
      create index email_mailboxes_workspace on email_mailboxes (workspace_id);
    `,
  },
  {
    // Every mail exactly as it arrived. A mail is acknowledged (SMTP 250, IMAP cursor) only once
    // its row is committed; parsing comes after, and a mail that fails to parse stays here, flagged.
    // The raw bytes live apart from the metadata so lists never read them.
    id: '20261123_1521_email_inbound',
    sql: `
      create table email_inbound (
        id uuid primary key,
        workspace_id uuid not null,
        mailbox_id uuid not null references email_mailboxes (id),
        source text not null check (source in ('smtp', 'imap')),
        size integer not null,
        sha256 text not null,
        envelope jsonb not null default '{}',
        rfc_message_id text,
        imap_uid_validity text,
        imap_uid bigint,
        status text not null check (status in ('received', 'processed', 'ignored', 'failed')),
        problems text[] not null default '{}',
        error text,
        attempts integer not null default 0,
        conversation_id uuid,
        message_id uuid,
        received_at timestamptz not null,
        processed_at timestamptz
      );
      -- The same mail twice (a resend, CC to two mailboxes, an IMAP re-fetch) is stored once.
      create unique index email_inbound_rfc_id on email_inbound (workspace_id, rfc_message_id) where rfc_message_id is not null;
      create unique index email_inbound_imap_uid on email_inbound (mailbox_id, imap_uid_validity, imap_uid) where imap_uid is not null;
      create index email_inbound_status on email_inbound (workspace_id, status, received_at desc);
      create index email_inbound_pending on email_inbound (received_at) where status = 'received';
      create table email_inbound_raw (
        inbound_id uuid primary key references email_inbound (id),
        raw bytea not null
      );
    `,
  },
  {
    // One row per conversation message that is an email, in or out: the headers threading needs
    // and the body as agents see it (HTML already sanitised; the original stays in email_inbound).
    id: '20261123_1522_email_messages',
    sql: `
      create table email_messages (
        message_id uuid primary key references messages (id),
        workspace_id uuid not null,
        conversation_id uuid not null references conversations (id),
        mailbox_id uuid,
        direction text not null check (direction in ('inbound', 'outbound')),
        rfc_message_id text not null,
        in_reply_to text,
        reference_ids text[] not null default '{}',
        subject text not null,
        subject_key text not null,
        from_address text,
        from_name text,
        reply_to text,
        to_addresses jsonb not null default '[]',
        cc_addresses jsonb not null default '[]',
        safe_html text,
        blocked_images integer not null default 0,
        text_body text not null,
        quoted_text text,
        direction_hint text not null default 'ltr' check (direction_hint in ('ltr', 'rtl')),
        inbound_id uuid,
        -- Attachments the HTML shows in place (cid: pictures): the console does not list them twice.
        inline_attachment_ids uuid[] not null default '{}',
        mail_class jsonb not null default '{}',
        created_at timestamptz not null
      );
      create index email_messages_rfc_id on email_messages (workspace_id, rfc_message_id);
      create index email_messages_sender_subject on email_messages (workspace_id, from_address, subject_key, created_at desc);
    `,
  },
  {
    // Replies going out. The composed MIME is stored when the reply is written, so every retry
    // sends the same bytes with the same Message-ID; the status is what the console shows.
    id: '20261123_1523_email_outbound',
    sql: `
      create table email_outbound (
        id uuid primary key,
        workspace_id uuid not null,
        conversation_id uuid not null references conversations (id),
        message_id uuid not null unique references messages (id),
        mailbox_id uuid not null references email_mailboxes (id),
        kind text not null check (kind in ('reply', 'acknowledgement')),
        rfc_message_id text not null,
        envelope_from text not null,
        recipients text[] not null,
        raw bytea not null,
        status text not null check (status in ('queued', 'sent', 'retrying', 'failed')),
        attempts integer not null default 0,
        last_error text,
        next_attempt_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index email_outbound_conversation on email_outbound (conversation_id);
      create index email_outbound_acks on email_outbound (workspace_id, kind, created_at desc);
    `,
  },
];
