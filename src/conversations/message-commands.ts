import { AppError, type Actor } from '../kernel/index.ts';
import { transact, type CommandContext, type Tx } from '../platform/outbox/index.ts';
import { claimAttachmentsIn, storeInboundFileIn } from './attachment-commands.ts';
import type { AttachmentMeta } from './attachment-store.ts';
import { decideMessageEffects, type MessageKind } from './conversation-rules.ts';
import { findConversation, findMessageByClientId, insertMessageAndSaveConversation, type Conversation, type Message } from './conversation-store.ts';

export interface MessageInput {
  kind: MessageKind;
  body: string;
  /** Chosen by the sender; sending the same id again returns the first message instead of a copy. */
  clientId?: string | null;
  /** Files uploaded beforehand by the same writer. */
  attachmentIds?: readonly string[] | undefined;
  /** Files that arrived with the message through a channel (email); ids may be chosen beforehand so the body can link to them. */
  files?: readonly InboundFile[] | undefined;
}

export interface InboundFile {
  id?: string | undefined;
  name: string;
  bytes: Uint8Array;
}

export interface AppendResult {
  message: Message;
  conversation: Conversation;
  duplicate: boolean;
}

/** Who wrote a line of each kind: customers are the conversation's contact. */
function authorFor(kind: MessageKind, conversation: Conversation, actor: Actor): Actor {
  if (kind === 'customer') return { type: 'contact', id: conversation.contactId };
  if (kind === 'system') return { type: 'system' };
  return actor;
}

/**
 * Appends a message at the conversation's next sequence number. The caller holds the row lock
 * (`loadForUpdate`), which is what makes sequences gap-free and resends safe under concurrency.
 */
export async function appendMessageIn(tx: Tx, conversation: Conversation, input: MessageInput, actor: Actor): Promise<AppendResult> {
  if (input.clientId) {
    const existing = await findMessageByClientId(tx.sql, conversation.id, input.clientId);
    if (existing) {
      if (existing.body !== input.body || existing.kind !== input.kind) {
        throw new AppError('IDEMPOTENCY_CONFLICT', `clientId ${input.clientId} was already used for a different message`);
      }
      return { message: existing, conversation, duplicate: true };
    }
  }
  const effects = decideMessageEffects(conversation, input.kind);
  const id = tx.newId();
  const author = authorFor(input.kind, conversation, actor);
  const attachments: AttachmentMeta[] = input.attachmentIds?.length
    ? await claimAttachmentsIn(tx, conversation.workspaceId, input.attachmentIds, actor, conversation.id, id)
    : [];
  for (const file of input.files ?? []) attachments.push(await storeInboundFileIn(tx, conversation, id, file, author));
  const message: Message = {
    id, workspaceId: conversation.workspaceId, conversationId: conversation.id, seq: conversation.lastSeq + 1,
    kind: input.kind, author, body: input.body, clientId: input.clientId ?? null, attachments, createdAt: tx.now,
  };
  const next: Conversation = {
    ...conversation,
    lastSeq: message.seq,
    updatedAt: tx.now,
    lastActivityAt: input.kind === 'system' ? conversation.lastActivityAt : tx.now,
    firstResponseAt: effects.firstResponse ? tx.now : conversation.firstResponseAt,
    ...(effects.statusChange.change ? { status: effects.statusChange.to, resolvedAt: null } : {}),
  };
  await insertMessageAndSaveConversation(tx.sql, message, next);
  tx.emit({
    type: 'message.created', workspaceId: conversation.workspaceId, subjectType: 'conversation', subjectId: conversation.id, actor: message.author,
    payload: { messageId: message.id, seq: message.seq, kind: message.kind },
  });
  if (effects.statusChange.change) {
    tx.emit({
      type: 'conversation.status_changed', workspaceId: conversation.workspaceId, subjectType: 'conversation', subjectId: conversation.id,
      actor: message.author, payload: { from: effects.statusChange.from, to: effects.statusChange.to, cause: 'customer_message' },
    });
  }
  return { message, conversation: next, duplicate: false };
}

export async function postMessage(ctx: CommandContext, workspaceId: string, conversationId: string, input: MessageInput, actor: Actor): Promise<AppendResult> {
  return transact(ctx, async (tx) => {
    const conversation = await findConversation(tx.sql, workspaceId, conversationId, true);
    if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND', 'no such conversation');
    return appendMessageIn(tx, conversation, input, actor);
  });
}
