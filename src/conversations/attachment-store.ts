import type { Actor } from '../kernel/index.ts';
import type { Sql } from '../platform/db/index.ts';

export interface AttachmentMeta {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface Attachment extends AttachmentMeta {
  workspaceId: string;
  conversationId: string | null;
  messageId: string | null;
  sha256: string;
  uploadedBy: Actor;
  createdAt: Date;
}

interface AttachmentRow extends Record<string, unknown> {
  id: string; workspace_id: string; conversation_id: string | null; message_id: string | null; name: string; content_type: string;
  size: number; sha256: string; uploaded_by: Actor; created_at: Date;
}

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id, workspaceId: r.workspace_id, conversationId: r.conversation_id, messageId: r.message_id, name: r.name, contentType: r.content_type,
  size: r.size, sha256: r.sha256, uploadedBy: r.uploaded_by, createdAt: r.created_at,
});

export const metaOf = (a: AttachmentMeta): AttachmentMeta => ({ id: a.id, name: a.name, contentType: a.contentType, size: a.size });

export async function insertAttachment(sql: Sql, a: Attachment, bytes: Uint8Array): Promise<void> {
  await sql.query(
    `insert into attachments (id, workspace_id, name, content_type, size, sha256, uploaded_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [a.id, a.workspaceId, a.name, a.contentType, a.size, a.sha256, a.uploadedBy, a.createdAt],
  );
  await sql.query('insert into attachment_blobs (attachment_id, bytes) values ($1, $2)', [a.id, bytes]);
}

export async function findAttachment(sql: Sql, workspaceId: string, id: string, forUpdate = false): Promise<Attachment | null> {
  const rows = await sql.query<AttachmentRow>(`select * from attachments where workspace_id = $1 and id = $2${forUpdate ? ' for update' : ''}`, [workspaceId, id]);
  return rows[0] ? toAttachment(rows[0]) : null;
}

export async function readAttachmentBytes(sql: Sql, id: string): Promise<Uint8Array> {
  const rows = await sql.query<{ bytes: Uint8Array }>('select bytes from attachment_blobs where attachment_id = $1', [id]);
  return rows[0]!.bytes;
}

export async function linkAttachment(sql: Sql, id: string, conversationId: string, messageId: string): Promise<void> {
  await sql.query('update attachments set conversation_id = $2, message_id = $3 where id = $1', [id, conversationId, messageId]);
}
