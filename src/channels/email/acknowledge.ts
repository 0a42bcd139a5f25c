import { getConversation, getMessageBySeq, postMessage } from '../../conversations/index.ts';
import { ackRateLimit, defaultAckLimit } from './loop-rules.ts';
import type { EmailContext } from './mailbox-commands.ts';
import { findMailbox } from './mailbox-store.ts';
import { composeAndQueue } from './outbound.ts';
import { acknowledgementTimes } from './outbound-store.ts';
import type { ProcessOutcome } from './process-mail.ts';
import { textDirection } from './reply-compose.ts';

/** What the customer is told, in their language: honest about what happens next, no promise of a time we do not keep. */
export function acknowledgementText(arabic: boolean, number: number): string {
  return arabic
    ? `شكراً لرسالتك. وصلتنا وسجّلناها برقم ${number}، وسيرد عليك أحد أعضاء فريقنا في هذه المحادثة نفسها. للإضافة عليها، ردّ على هذه الرسالة.`
    : `Thank you for writing. We have your message as conversation ${number}, and a member of our team will answer you in this same thread. To add anything, just reply to this email.`;
}

/**
 * A new thread may be acknowledged automatically when its mailbox asks for it — but never a
 * robot's mail (auto-replies, bounces, lists: RFC 3834) and at most a few times a day per sender,
 * so that two automatic systems can never mail each other in a loop.
 */
export async function maybeAcknowledge(ctx: EmailContext, outcome: ProcessOutcome): Promise<boolean> {
  if (outcome.status !== 'processed' || !outcome.newConversation || !outcome.mailClass.mayAutoAcknowledge) return false;
  const sender = outcome.sender;
  const conversation = await getConversation(ctx, outcome.workspaceId, outcome.conversationId);
  const mailbox = await findMailbox(ctx.db, conversation.workspaceId, outcome.mailboxId);
  if (!mailbox?.autoAcknowledge || mailbox.disabledAt) return false;
  const now = ctx.clock();
  const history = await acknowledgementTimes(ctx.db, conversation.workspaceId, sender, new Date(now.getTime() - defaultAckLimit.windowMs));
  if (!ackRateLimit(history, now).allowed) return false;
  const firstText = (await getMessageBySeq(ctx, conversation.workspaceId, conversation.id, 1))?.body ?? '';
  const body = acknowledgementText(textDirection(firstText) === 'rtl', conversation.number);
  const { message } = await postMessage(ctx, conversation.workspaceId, conversation.id, { kind: 'bot', body, clientId: `email-ack:${outcome.messageId}` }, { type: 'system' });
  return (await composeAndQueue(ctx, conversation, message, 'acknowledgement')) !== null;
}
