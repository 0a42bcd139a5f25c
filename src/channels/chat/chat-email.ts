/**
 * "Email me instead": a waiting visitor leaves an address rather than hold. Kept simple and
 * honest: the address becomes the contact's email identity (when no other contact has it), the
 * chat is tagged `reply-by-email` with a note for the team, and the visitor sees a line saying
 * where the answer will go. The chat stays in the queue; whoever takes it answers by email.
 */
import { changeContact, normalizeIdentity, type Contact } from '../../contacts/index.ts';
import { changeConversation, getConversation, postMessage } from '../../conversations/index.ts';
import { AppError, isAppError } from '../../kernel/index.ts';
import type { ChatContext } from './chat-session.ts';
import type { VisitorClaims } from './visitor-token.ts';

export const replyByEmailTag = 'reply-by-email';

/** The visitor's own conversation, or CONVERSATION_NOT_FOUND exactly as if it did not exist. */
export async function visitorConversation(ctx: ChatContext, visitor: { claims: VisitorClaims; contact: Contact }, conversationId: string) {
  const conversation = await getConversation(ctx, visitor.claims.workspaceId, conversationId).catch(() => null);
  if (!conversation || ![visitor.contact.id, ...visitor.contact.mergedFrom].includes(conversation.contactId)) {
    throw new AppError('CONVERSATION_NOT_FOUND', 'no such conversation');
  }
  return conversation;
}

export async function continueByEmail(
  ctx: ChatContext, visitor: { claims: VisitorClaims; contact: Contact }, conversationId: string, rawEmail: string,
): Promise<{ conversationId: string; email: string }> {
  const workspaceId = visitor.claims.workspaceId;
  const email = normalizeIdentity('email', rawEmail).value;
  const conversation = await visitorConversation(ctx, visitor, conversationId);
  if (conversation.status === 'closed') throw new AppError('CONVERSATION_CLOSED', 'this chat is closed; start a new one');
  const actor = { type: 'contact', id: visitor.contact.id } as const;
  let identityNote = '';
  if (!visitor.contact.identities.some((i) => i.kind === 'email' && i.value === email)) {
    try {
      await changeContact(ctx, workspaceId, visitor.contact.id, { addIdentities: [{ kind: 'email', value: email }] }, actor);
    } catch (error) {
      // Someone else's address is not attached (nor revealed to the visitor): the team decides whether to merge.
      if (!isAppError(error) || error.code !== 'IDENTITY_TAKEN') throw error;
      identityNote = ' This address belongs to another contact; merge them if they are the same person.';
    }
  }
  if (!conversation.tags.includes(replyByEmailTag)) {
    await changeConversation(ctx, workspaceId, conversation.id, { tags: [...conversation.tags, replyByEmailTag] }, actor);
  }
  await postMessage(ctx, workspaceId, conversation.id, { kind: 'note', body: `The customer chose not to wait and asked for the answer by email at ${email}.${identityNote}` }, actor);
  const arabic = (visitor.contact.language ?? conversation.language ?? '').toLowerCase().startsWith('ar');
  const told = arabic ? `سنرد عليك بالبريد الإلكتروني على ${email}.` : `We will answer by email at ${email}.`;
  await postMessage(ctx, workspaceId, conversation.id, { kind: 'system', body: told }, { type: 'system' });
  return { conversationId: conversation.id, email };
}
