import { getContact } from '../contacts/index.ts';
import { AppError, decodeCursor, toPage, type PageResult } from '../kernel/index.ts';
import type { QueryContext } from '../platform/outbox/index.ts';
import type { Channel, MessageKind } from './conversation-rules.ts';
import {
  channelLoadRows, findConversation, findMessageBySeq, queuePositionRow, listConversationRows, listMessageRows, type ChannelLoad, type Conversation, type ConversationFilter, type ConversationSort, type Message,
} from './conversation-store.ts';

export async function getConversation(ctx: QueryContext, workspaceId: string, id: string): Promise<Conversation> {
  const conversation = await findConversation(ctx.db, workspaceId, id);
  if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND', 'no such conversation');
  return conversation;
}

export interface ConversationQuery extends Omit<ConversationFilter, 'contactIds'> {
  /** Includes the conversations of contacts merged into this one. */
  contactId?: string | undefined;
  sort?: ConversationSort | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listConversations(ctx: QueryContext, workspaceId: string, q: ConversationQuery): Promise<PageResult<Conversation>> {
  const after = decodeCursor(q.cursor, ['string', 'string']) as [string, string] | null;
  let contactIds: string[] | undefined;
  if (q.contactId) {
    const contact = await getContact(ctx, workspaceId, q.contactId);
    contactIds = [contact.id, ...contact.mergedFrom];
  }
  const sort = q.sort ?? 'recent_activity';
  const rows = await listConversationRows(ctx.db, workspaceId, { ...q, contactIds }, sort, after, q.limit + 1);
  return toPage(rows, q.limit, (c) => [(sort === 'newest' ? c.createdAt : c.lastActivityAt).toISOString(), c.id]);
}

/** Live load on a channel and its recent pace (last 7 days), for wait estimates. */
export async function channelLoad(ctx: QueryContext, workspaceId: string, channel: Channel): Promise<ChannelLoad> {
  return channelLoadRows(ctx.db, workspaceId, channel, new Date(ctx.clock().getTime() - 7 * 86_400_000));
}

/** 1 for the next conversation an agent will take on its channel; null once someone owns it. */
export async function queuePosition(ctx: QueryContext, workspaceId: string, conversationId: string): Promise<number | null> {
  return queuePositionRow(ctx.db, workspaceId, conversationId);
}

/** One message by its place in the conversation (a single read, for delivering what was just committed). */
export async function getMessageBySeq(ctx: QueryContext, workspaceId: string, conversationId: string, seq: number): Promise<Message | null> {
  return findMessageBySeq(ctx.db, workspaceId, conversationId, seq);
}

export interface MessageQuery {
  afterSeq?: number | undefined;
  limit: number;
  cursor?: string | undefined;
  /** Customer-facing readers pass the kinds they may see; internal notes never leave the team. */
  kinds?: readonly MessageKind[] | undefined;
}

/** Messages in sequence order; a reconnecting reader passes the last sequence it holds. */
export async function listMessages(ctx: QueryContext, workspaceId: string, conversationId: string, q: MessageQuery): Promise<PageResult<Message>> {
  await getConversation(ctx, workspaceId, conversationId);
  const fromCursor = decodeCursor(q.cursor, ['number']);
  const afterSeq = (fromCursor?.[0] as number | undefined) ?? q.afterSeq ?? 0;
  const rows = await listMessageRows(ctx.db, conversationId, afterSeq, q.limit + 1, q.kinds ?? null);
  return toPage(rows, q.limit, (m) => [m.seq]);
}
