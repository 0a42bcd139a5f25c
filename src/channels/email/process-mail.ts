import { appendMessageIn, loadForUpdate, startConversationIn, type Conversation, type Message } from '../../conversations/index.ts';
import { AppError } from '../../kernel/index.ts';
import { transact } from '../../platform/outbox/index.ts';
import { insertEmailMessage, conversationsByNumbers, conversationsByRfcIds, recentThreads, type EmailMessage } from './email-store.ts';
import { findInbound, markInbound, readInboundRaw } from './inbound-store.ts';
import { classifyMail, type MailClass } from './loop-rules.ts';
import type { EmailContext } from './mailbox-commands.ts';
import { findMailbox } from './mailbox-store.ts';
import { displayMail, MailParseError, parseMail, type ParsedMail } from './parse/index.ts';
import { emailTokenMac } from './thread-token.ts';
import { chooseThread, defaultSubjectWindowMs, normaliseMessageId, normaliseSubject, threadLookupKeys, type ThreadChoice } from './threading-rules.ts';

export type ProcessOutcome =
  | { status: 'processed'; workspaceId: string; mailboxId: string; sender: string; conversationId: string; messageId: string; thread: ThreadChoice['reason']; newConversation: boolean; mailClass: MailClass }
  | { status: 'ignored'; reason: string }
  | { status: 'failed'; error: string }
  | { status: 'already' };

const system = { type: 'system' } as const;

/** A mail without a Message-ID still needs one to be answered and threaded: made from its content, stable across retries. */
function messageIdOf(parsed: ParsedMail, inbound: { id: string; sha256: string }): string {
  return parsed.messageId ? normaliseMessageId(parsed.messageId) : `${inbound.sha256.slice(0, 32)}.${inbound.id}@sanad.invalid`;
}

/**
 * Reads one stored mail and files it: parse, sanitise, recognise machines, find the thread, find
 * or create the contact, and add it to the conversation. Safe to run again for the same mail: the
 * row is locked and its status checked inside the transaction that files it.
 */
export async function processInboundMail(ctx: EmailContext, inboundId: string): Promise<ProcessOutcome> {
  const inbound = await findInbound(ctx.db, inboundId);
  if (!inbound) throw new AppError('INBOUND_MAIL_NOT_FOUND', 'no such mail');
  if (inbound.status !== 'received') return { status: 'already' };
  const raw = await readInboundRaw(ctx.db, inboundId);
  if (!raw) throw new AppError('INBOUND_MAIL_NOT_FOUND', 'the mail has no stored content');

  let parsed: ParsedMail;
  try {
    parsed = await parseMail(raw);
  } catch (error) {
    if (!(error instanceof MailParseError)) throw error;
    // Kept, flagged and listed for an admin: never dropped.
    await transact(ctx, async (tx) => {
      const row = await findInbound(tx.sql, inboundId, true);
      if (row?.status !== 'received') return;
      await markInbound(tx.sql, inboundId, { status: 'failed', error: error.message, at: tx.now });
      tx.emit({ type: 'email.failed', workspaceId: inbound.workspaceId, subjectType: 'email_inbound', subjectId: inboundId, actor: system, payload: { error: error.message } });
    });
    return { status: 'failed', error: error.message };
  }

  const workspaceId = inbound.workspaceId;
  const mailbox = await findMailbox(ctx.db, workspaceId, inbound.mailboxId);
  const mac = emailTokenMac(ctx.hmacKey, workspaceId);
  const mailClass = classifyMail(parsed.headers);
  const from = parsed.from?.address ?? parsed.replyTo?.address ?? '';
  const rfcMessageId = messageIdOf(parsed, inbound);
  const now = ctx.clock();
  const threadMail = {
    messageId: rfcMessageId, inReplyTo: parsed.inReplyTo, references: parsed.references, from,
    to: [...parsed.to, ...parsed.cc].map((a) => a.address).concat(Array.isArray(inbound.envelope.to) ? (inbound.envelope.to as string[]) : []),
    subject: parsed.subject, date: parsed.date ?? now,
  };
  const keys = threadLookupKeys(threadMail, mac);
  const windowStart = new Date(now.getTime() - defaultSubjectWindowMs);
  const candidates = {
    messages: await conversationsByRfcIds(ctx.db, workspaceId, keys.messageIds),
    tokens: await conversationsByNumbers(ctx.db, workspaceId, keys.refs),
    recent: from ? await recentThreads(ctx.db, workspaceId, from, keys.subject, windowStart) : [],
  };
  const choice = chooseThread(threadMail, candidates, now, { mac });

  // Attachment ids are chosen now so the sanitised HTML can point inline images at them.
  const files = parsed.attachments.map((attachment) => ({ id: ctx.newId(), attachment }));
  const inline = new Set<string>();
  const display = displayMail(parsed, {
    attachmentUrl: (_attachment, index) => {
      const file = files[index];
      if (!file) return null;
      inline.add(file.id);
      return `/api/v1/attachments/${file.id}`;
    },
  });
  const machine = mailClass.autoReply || mailClass.bounce;

  const outcome = await transact(ctx, async (tx): Promise<ProcessOutcome> => {
    const row = await findInbound(tx.sql, inboundId, true);
    if (row?.status !== 'received') return { status: 'already' };
    let conversation: Conversation | null = null;
    let followUpOf: Conversation | null = null;
    if (choice.kind !== 'new') {
      const found = await loadForUpdate(tx, workspaceId, choice.conversationId).catch(() => null);
      // A closed conversation stays closed: the mail starts a new one that points back at it.
      if (found?.status === 'closed') followUpOf = found;
      else conversation = found;
    }
    if (!conversation && machine) {
      // An auto-reply or bounce that answers nothing of ours is noise: kept here, no conversation.
      const reason = `${mailClass.bounce ? 'bounce' : 'automatic reply'} not belonging to any conversation (${mailClass.reasons.join(', ')})`;
      await markInbound(tx.sql, inboundId, { status: 'ignored', problems: parsed.problems, error: reason, at: tx.now });
      return { status: 'ignored', reason };
    }
    if (!from) {
      // Nobody to answer and nobody to file it under: kept, flagged and listed like unreadable mail.
      const error = 'the mail has no sender address (no From or Reply-To)';
      await markInbound(tx.sql, inboundId, { status: 'failed', problems: parsed.problems, error, at: tx.now });
      tx.emit({ type: 'email.failed', workspaceId, subjectType: 'email_inbound', subjectId: inboundId, actor: system, payload: { error } });
      return { status: 'failed', error };
    }
    const body = display.folded.visible || display.text || '(no text)';
    const files_ = files.map((f) => ({ id: f.id, name: f.attachment.filename, bytes: f.attachment.content }));
    let newConversation = false;
    let message: Message;
    if (conversation) {
      // A robot's answer goes on the timeline for the team without reopening anything or being triaged as the customer's words.
      const appended = machine
        ? await appendMessageIn(tx, conversation, { kind: 'note', body: `Automatic mail from ${from} (${mailClass.reasons.join(', ')}):\n\n${body}`, files: files_ }, system)
        : await appendMessageIn(tx, conversation, { kind: 'customer', body, files: files_ }, { type: 'contact', id: conversation.contactId });
      message = appended.message;
    } else {
      newConversation = true;
      conversation = await startConversationIn(tx, workspaceId, {
        channel: 'email', subject: parsed.subject || null, teamId: mailbox?.teamId ?? null,
        contact: { name: parsed.from?.name || null, identity: { kind: 'email', value: from } },
      }, system);
      const appended = await appendMessageIn(tx, conversation, { kind: 'customer', body, files: files_ }, { type: 'contact', id: conversation.contactId });
      conversation = appended.conversation;
      message = appended.message;
      if (followUpOf) await appendMessageIn(tx, conversation, { kind: 'note', body: `Follow-up to closed conversation #${followUpOf.number}.` }, system);
    }
    const email: EmailMessage = {
      messageId: message.id, workspaceId, conversationId: conversation.id, mailboxId: inbound.mailboxId, direction: 'inbound', rfcMessageId,
      inReplyTo: parsed.inReplyTo ? normaliseMessageId(parsed.inReplyTo) : null, referenceIds: parsed.references.map(normaliseMessageId),
      subject: parsed.subject, subjectKey: normaliseSubject(parsed.subject), fromAddress: from, fromName: parsed.from?.name ?? null, replyTo: parsed.replyTo?.address ?? null,
      to: parsed.to, cc: parsed.cc, safeHtml: display.html, blockedImages: display.remoteImages, textBody: display.text,
      quotedText: display.folded.quoted || null, directionHint: display.direction, inboundId, inlineAttachmentIds: [...inline], mailClass: { ...mailClass }, createdAt: tx.now,
    };
    await insertEmailMessage(tx.sql, email);
    await markInbound(tx.sql, inboundId, { status: 'processed', problems: parsed.problems, conversationId: conversation.id, messageId: message.id, at: tx.now });
    tx.emit({
      type: 'email.processed', workspaceId, subjectType: 'conversation', subjectId: conversation.id, actor: system,
      payload: { inboundId, messageId: message.id, thread: choice.reason, newConversation, autoReply: mailClass.autoReply, bounce: mailClass.bounce, list: mailClass.list },
    });
    return { status: 'processed', workspaceId, mailboxId: inbound.mailboxId, sender: from, conversationId: conversation.id, messageId: message.id, thread: choice.reason, newConversation, mailClass };
  });
  return outcome;
}
