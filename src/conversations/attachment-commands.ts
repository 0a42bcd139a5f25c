import { createHash } from 'node:crypto';
import { AppError, type Actor } from '../kernel/index.ts';
import { transact, type CommandContext, type QueryContext, type Tx } from '../platform/outbox/index.ts';
import { checkAttachment, cleanFileName, inboundFileType, maxAttachmentsPerMessage } from './attachment-rules.ts';
import { findAttachment, insertAttachment, linkAttachment, metaOf, readAttachmentBytes, type Attachment, type AttachmentMeta } from './attachment-store.ts';

export interface UploadInput {
  name?: string | undefined;
  declaredType?: string | undefined;
  bytes: Uint8Array;
}

/** Stores a file for a message still to be written; only its uploader can attach it. */
export async function uploadAttachment(ctx: CommandContext, workspaceId: string, input: UploadInput, actor: Actor): Promise<AttachmentMeta> {
  const contentType = checkAttachment(input.bytes, input.declaredType);
  return transact(ctx, async (tx) => {
    const attachment: Attachment = {
      id: tx.newId(), workspaceId, conversationId: null, messageId: null, name: cleanFileName(input.name, contentType), contentType,
      size: input.bytes.length, sha256: createHash('sha256').update(input.bytes).digest('hex'), uploadedBy: actor, createdAt: tx.now,
    };
    await insertAttachment(tx.sql, attachment, input.bytes);
    tx.emit({ type: 'attachment.uploaded', workspaceId, subjectType: 'attachment', subjectId: attachment.id, actor, payload: { contentType, size: attachment.size } });
    return metaOf(attachment);
  });
}

/** A file that came with a channel's message, stored already linked to it (see inboundFileType for what it is served as). */
export async function storeInboundFileIn(
  tx: Tx, conversation: { id: string; workspaceId: string }, messageId: string, file: { id?: string | undefined; name: string; bytes: Uint8Array }, author: Actor,
): Promise<AttachmentMeta> {
  const contentType = inboundFileType(file.bytes);
  const attachment: Attachment = {
    id: file.id ?? tx.newId(), workspaceId: conversation.workspaceId, conversationId: conversation.id, messageId, name: cleanFileName(file.name, contentType),
    contentType, size: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'), uploadedBy: author, createdAt: tx.now,
  };
  await insertAttachment(tx.sql, attachment, file.bytes);
  await linkAttachment(tx.sql, attachment.id, conversation.id, messageId);
  return metaOf(attachment);
}

const sameActor = (a: Actor, b: Actor) => a.type === b.type && ('id' in a ? a.id : null) === ('id' in b ? b.id : null);

/** Inside a message's transaction: the attachments must be the writer's own and not used yet. */
export async function claimAttachmentsIn(tx: Tx, workspaceId: string, ids: readonly string[], uploader: Actor, conversationId: string, messageId: string): Promise<AttachmentMeta[]> {
  if (ids.length > maxAttachmentsPerMessage) throw new AppError('VALIDATION_FAILED', `a message carries at most ${maxAttachmentsPerMessage} attachments`);
  const claimed: AttachmentMeta[] = [];
  for (const id of new Set(ids)) {
    const attachment = await findAttachment(tx.sql, workspaceId, id, true);
    if (!attachment || !sameActor(attachment.uploadedBy, uploader)) throw new AppError('ATTACHMENT_NOT_FOUND', `no attachment ${id} of yours`);
    if (attachment.messageId) throw new AppError('ATTACHMENT_NOT_USABLE', `attachment ${id} belongs to another message already`);
    await linkAttachment(tx.sql, id, conversationId, messageId);
    claimed.push(metaOf(attachment));
  }
  return claimed;
}

export interface AttachmentFile {
  attachment: Attachment;
  bytes: Uint8Array;
}

/** The file and what it belongs to, so the caller can decide who may read it. */
export async function readAttachment(ctx: QueryContext, workspaceId: string, id: string): Promise<AttachmentFile> {
  const attachment = await findAttachment(ctx.db, workspaceId, id);
  if (!attachment) throw new AppError('ATTACHMENT_NOT_FOUND', 'no such attachment');
  return { attachment, bytes: await readAttachmentBytes(ctx.db, id) };
}
