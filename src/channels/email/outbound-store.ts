import type { Sql } from '../../platform/db/index.ts';

export type OutboundStatus = 'queued' | 'sent' | 'retrying' | 'failed';

export interface OutboundMail {
  id: string;
  workspaceId: string;
  conversationId: string;
  messageId: string;
  mailboxId: string;
  kind: 'reply' | 'acknowledgement';
  rfcMessageId: string;
  envelopeFrom: string;
  recipients: string[];
  status: OutboundStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface OutboundRow extends Record<string, unknown> {
  id: string; workspace_id: string; conversation_id: string; message_id: string; mailbox_id: string; kind: 'reply' | 'acknowledgement'; rfc_message_id: string;
  envelope_from: string; recipients: string[]; status: OutboundStatus; attempts: number; last_error: string | null; next_attempt_at: Date | null;
  sent_at: Date | null; created_at: Date; updated_at: Date;
}

const columns = 'id, workspace_id, conversation_id, message_id, mailbox_id, kind, rfc_message_id, envelope_from, recipients, status, attempts, last_error, next_attempt_at, sent_at, created_at, updated_at';

const toOutbound = (r: OutboundRow): OutboundMail => ({
  id: r.id, workspaceId: r.workspace_id, conversationId: r.conversation_id, messageId: r.message_id, mailboxId: r.mailbox_id, kind: r.kind,
  rfcMessageId: r.rfc_message_id, envelopeFrom: r.envelope_from, recipients: r.recipients, status: r.status, attempts: r.attempts, lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at, sentAt: r.sent_at, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** One outbound mail per message: a second writer (another node hearing the same event) inserts nothing. */
export async function insertOutbound(sql: Sql, m: OutboundMail, raw: Uint8Array): Promise<boolean> {
  const rows = await sql.query(
    `insert into email_outbound (${columns}, raw) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     on conflict (message_id) do nothing returning id`,
    [m.id, m.workspaceId, m.conversationId, m.messageId, m.mailboxId, m.kind, m.rfcMessageId, m.envelopeFrom, m.recipients, m.status, m.attempts,
      m.lastError, m.nextAttemptAt, m.sentAt, m.createdAt, m.updatedAt, raw],
  );
  return rows.length > 0;
}

export async function findOutbound(sql: Sql, id: string, forUpdate = false): Promise<(OutboundMail & { raw: Buffer }) | null> {
  const rows = await sql.query<OutboundRow & { raw: Uint8Array }>(`select ${columns}, raw from email_outbound where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  const r = rows[0];
  return r ? { ...toOutbound(r), raw: Buffer.from(r.raw) } : null;
}

export async function outboundExistsFor(sql: Sql, messageId: string): Promise<boolean> {
  return (await sql.query('select 1 from email_outbound where message_id = $1', [messageId])).length > 0;
}

export async function markOutbound(sql: Sql, id: string, change: { status: OutboundStatus; lastError?: string | null; nextAttemptAt?: Date | null; sentAt?: Date | null; at: Date }): Promise<void> {
  await sql.query(
    'update email_outbound set status = $2, last_error = $3, next_attempt_at = $4, sent_at = coalesce($5, sent_at), attempts = attempts + 1, updated_at = $6 where id = $1',
    [id, change.status, change.lastError ?? null, change.nextAttemptAt ?? null, change.sentAt ?? null, change.at],
  );
}

export async function listOutboundForConversation(sql: Sql, workspaceId: string, conversationId: string): Promise<OutboundMail[]> {
  const rows = await sql.query<OutboundRow>(`select ${columns} from email_outbound where workspace_id = $1 and conversation_id = $2 order by created_at, id`, [workspaceId, conversationId]);
  return rows.map(toOutbound);
}

/** When this workspace last acknowledged mail from this address (for the per-sender rate limit). */
export async function acknowledgementTimes(sql: Sql, workspaceId: string, recipient: string, since: Date): Promise<Date[]> {
  const rows = await sql.query<{ created_at: Date }>(
    `select created_at from email_outbound where workspace_id = $1 and kind = 'acknowledgement' and $2 = any(recipients) and created_at >= $3 order by created_at`,
    [workspaceId, recipient, since],
  );
  return rows.map((r) => r.created_at);
}
