import type { Sql } from '../../platform/db/index.ts';

export type InboundStatus = 'received' | 'processed' | 'ignored' | 'failed';

export interface InboundMail {
  id: string;
  workspaceId: string;
  mailboxId: string;
  source: 'smtp' | 'imap';
  size: number;
  sha256: string;
  envelope: Record<string, unknown>;
  rfcMessageId: string | null;
  imapUidValidity: string | null;
  imapUid: number | null;
  status: InboundStatus;
  problems: string[];
  error: string | null;
  attempts: number;
  conversationId: string | null;
  messageId: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}

interface InboundRow extends Record<string, unknown> {
  id: string; workspace_id: string; mailbox_id: string; source: 'smtp' | 'imap'; size: number; sha256: string; envelope: Record<string, unknown>;
  rfc_message_id: string | null; imap_uid_validity: string | null; imap_uid: string | number | null; status: InboundStatus; problems: string[];
  error: string | null; attempts: number; conversation_id: string | null; message_id: string | null; received_at: Date; processed_at: Date | null;
}

const toInbound = (r: InboundRow): InboundMail => ({
  id: r.id, workspaceId: r.workspace_id, mailboxId: r.mailbox_id, source: r.source, size: r.size, sha256: r.sha256, envelope: r.envelope,
  rfcMessageId: r.rfc_message_id, imapUidValidity: r.imap_uid_validity, imapUid: r.imap_uid === null ? null : Number(r.imap_uid), status: r.status,
  problems: r.problems, error: r.error, attempts: r.attempts, conversationId: r.conversation_id, messageId: r.message_id, receivedAt: r.received_at, processedAt: r.processed_at,
});

const columns = `id, workspace_id, mailbox_id, source, size, sha256, envelope, rfc_message_id, imap_uid_validity, imap_uid, status, problems, error, attempts,
  conversation_id, message_id, received_at, processed_at`;

/** Stores a mail unless the same one (Message-ID, or IMAP UID) is already here; returns whether it was new. */
export async function insertInbound(sql: Sql, m: InboundMail, raw: Uint8Array): Promise<boolean> {
  const inserted = await sql.query(
    `insert into email_inbound (${columns})
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     on conflict do nothing returning id`,
    [m.id, m.workspaceId, m.mailboxId, m.source, m.size, m.sha256, m.envelope, m.rfcMessageId, m.imapUidValidity, m.imapUid, m.status, m.problems, m.error,
      m.attempts, m.conversationId, m.messageId, m.receivedAt, m.processedAt],
  );
  if (inserted.length === 0) return false;
  await sql.query('insert into email_inbound_raw (inbound_id, raw) values ($1, $2)', [m.id, raw]);
  return true;
}

/** The stored copy of a mail already here, found by what made the insert a duplicate. */
export async function findDuplicate(sql: Sql, m: Pick<InboundMail, 'workspaceId' | 'mailboxId' | 'rfcMessageId' | 'imapUidValidity' | 'imapUid'>): Promise<InboundMail | null> {
  const rows = await sql.query<InboundRow>(
    `select ${columns} from email_inbound
     where (workspace_id = $1 and rfc_message_id = $2) or (mailbox_id = $3 and imap_uid_validity = $4 and imap_uid = $5) limit 1`,
    [m.workspaceId, m.rfcMessageId, m.mailboxId, m.imapUidValidity, m.imapUid],
  );
  return rows[0] ? toInbound(rows[0]) : null;
}

export async function findInbound(sql: Sql, id: string, forUpdate = false): Promise<InboundMail | null> {
  const rows = await sql.query<InboundRow>(`select ${columns} from email_inbound where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? toInbound(rows[0]) : null;
}

export async function readInboundRaw(sql: Sql, id: string): Promise<Buffer | null> {
  const rows = await sql.query<{ raw: Uint8Array }>('select raw from email_inbound_raw where inbound_id = $1', [id]);
  return rows[0] ? Buffer.from(rows[0].raw) : null;
}

export async function markInbound(
  sql: Sql, id: string, change: { status: InboundStatus; problems?: string[]; error?: string | null; conversationId?: string | null; messageId?: string | null; at: Date },
): Promise<void> {
  await sql.query(
    `update email_inbound set status = $2, problems = coalesce($3, problems), error = $4, conversation_id = coalesce($5, conversation_id),
       message_id = coalesce($6, message_id), processed_at = $7, attempts = attempts + 1 where id = $1`,
    [id, change.status, change.problems ?? null, change.error ?? null, change.conversationId ?? null, change.messageId ?? null, change.at],
  );
}

export async function listInboundRows(sql: Sql, workspaceId: string, q: { status?: InboundStatus | undefined; before?: { at: Date; id: string } | undefined; limit: number }): Promise<InboundMail[]> {
  const params: unknown[] = [workspaceId];
  let where = 'workspace_id = $1';
  if (q.status) {
    params.push(q.status);
    where += ` and status = $${params.length}`;
  }
  if (q.before) {
    params.push(q.before.at, q.before.id);
    where += ` and (received_at, id) < ($${params.length - 1}, $${params.length})`;
  }
  params.push(q.limit);
  const rows = await sql.query<InboundRow>(`select ${columns} from email_inbound where ${where} order by received_at desc, id desc limit $${params.length}`, params);
  return rows.map(toInbound);
}

/** Mails stored but not yet read (the process stopped between the 250 and parsing): picked up again. */
export async function listUnprocessed(sql: Sql, olderThan: Date, limit: number): Promise<{ id: string; workspaceId: string }[]> {
  const rows = await sql.query<{ id: string; workspace_id: string }>(
    "select id, workspace_id from email_inbound where status = 'received' and received_at <= $1 order by received_at limit $2", [olderThan, limit],
  );
  return rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id }));
}
