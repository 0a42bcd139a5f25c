import { Type } from '@sinclair/typebox';
import { getConversation } from '../../conversations/index.ts';
import {
  actorOf, adminsOnly, allow, commonErrors, defineRoute, everyRole, Id, IdParams, managers, Nullable, Obj, Ok, Page, pageQuery, signedIn, Text, Timestamp, type RouteDef,
} from '../../http/index.ts';
import { AppError, decodeCursor, toPage } from '../../kernel/index.ts';
import { retryInboundMail, retryOutboundMail } from './email-commands.ts';
import { foldableQuotes } from './html-sanitize.ts';
import { listEmailMessages, type EmailMessage } from './email-store.ts';
import { findInbound, listInboundRows, readInboundRaw, type InboundMail } from './inbound-store.ts';
import { changeMailbox, createMailbox, getMailbox, listMailboxes, type EmailContext } from './mailbox-commands.ts';
import type { Mailbox } from './mailbox-store.ts';
import { listOutboundForConversation, type OutboundMail } from './outbound-store.ts';

const ImapIn = Obj({
  host: Text(253, 1), port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })), secure: Type.Optional(Type.Boolean()), user: Text(320, 1),
  password: Type.Optional(Text(1000, 1)), folder: Type.Optional(Text(200, 1)), pollSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 3600 })),
});
const Inbound = Type.Union([Type.Literal('smtp'), Type.Literal('imap')]);
const MailboxView = Obj({
  id: Id, address: Type.String(), name: Type.String(), teamId: Nullable(Id), inbound: Inbound,
  imap: Nullable(Obj({ host: Type.String(), port: Type.Integer(), secure: Type.Boolean(), user: Type.String(), folder: Type.String(), pollSeconds: Type.Integer() })),
  hasImapPassword: Type.Boolean(), autoAcknowledge: Type.Boolean(), enabled: Type.Boolean(), createdAt: Timestamp, updatedAt: Timestamp,
});
const InboundStatus = Type.Union(['received', 'processed', 'ignored', 'failed'].map((s) => Type.Literal(s)));
const InboundView = Obj({
  id: Id, mailboxId: Id, source: Inbound, size: Type.Integer(), messageId: Nullable(Type.String()), from: Nullable(Type.String()), status: InboundStatus,
  problems: Type.Array(Type.String()), error: Nullable(Type.String()), conversationId: Nullable(Id), receivedAt: Timestamp, processedAt: Nullable(Timestamp),
});
const Address = Obj({ address: Type.String(), name: Type.String() });
const Delivery = Obj({
  id: Id, status: Type.Union(['queued', 'sent', 'retrying', 'failed'].map((s) => Type.Literal(s))), attempts: Type.Integer(), lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(Timestamp), sentAt: Nullable(Timestamp), recipients: Type.Array(Type.String()),
});
const EmailView = Obj({
  messageId: Id, direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]), rfcMessageId: Type.String(), subject: Type.String(),
  from: Nullable(Address), replyTo: Nullable(Type.String()), to: Type.Array(Address), cc: Type.Array(Address), html: Nullable(Type.String()), blockedImages: Type.Integer(),
  text: Type.String(), quoted: Nullable(Type.String()), htmlQuoteFoldable: Type.Boolean(), textDirection: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]),
  automatic: Type.Boolean(), inboundId: Nullable(Id), inlineAttachmentIds: Type.Array(Id), delivery: Nullable(Delivery), createdAt: Timestamp,
});

function mailboxView(m: Mailbox) {
  return {
    id: m.id, address: m.address, name: m.name, teamId: m.teamId, inbound: m.inbound,
    imap: m.imap ? { host: m.imap.host, port: m.imap.port, secure: m.imap.secure, user: m.imap.user, folder: m.imap.folder, pollSeconds: Math.round(m.imap.pollMs / 1000) } : null,
    hasImapPassword: m.hasImapPassword, autoAcknowledge: m.autoAcknowledge, enabled: m.disabledAt === null, createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(),
  };
}

function inboundView(m: InboundMail) {
  const from = typeof m.envelope.from === 'string' && m.envelope.from ? m.envelope.from : null;
  return {
    id: m.id, mailboxId: m.mailboxId, source: m.source, size: m.size, messageId: m.rfcMessageId, from, status: m.status, problems: m.problems, error: m.error,
    conversationId: m.conversationId, receivedAt: m.receivedAt.toISOString(), processedAt: m.processedAt?.toISOString() ?? null,
  };
}

function deliveryView(o: OutboundMail | undefined) {
  if (!o) return null;
  return { id: o.id, status: o.status, attempts: o.attempts, lastError: o.lastError, nextAttemptAt: o.nextAttemptAt?.toISOString() ?? null, sentAt: o.sentAt?.toISOString() ?? null, recipients: o.recipients };
}

function emailView(e: EmailMessage, delivery: OutboundMail | undefined) {
  const c = e.mailClass as { autoReply?: boolean; bounce?: boolean };
  return {
    messageId: e.messageId, direction: e.direction, rfcMessageId: e.rfcMessageId, subject: e.subject,
    from: e.fromAddress ? { address: e.fromAddress, name: e.fromName ?? '' } : null, replyTo: e.replyTo, to: e.to, cc: e.cc, html: e.safeHtml,
    blockedImages: e.blockedImages, text: e.textBody, quoted: e.quotedText, htmlQuoteFoldable: e.safeHtml ? foldableQuotes(e.safeHtml) : false, textDirection: e.directionHint, automatic: !!(c.autoReply || c.bounce),
    inboundId: e.inboundId, inlineAttachmentIds: e.inlineAttachmentIds, delivery: deliveryView(delivery), createdAt: e.createdAt.toISOString(),
  };
}

export function emailRoutes(ctx: EmailContext): RouteDef[] {
  const settingsRead = allow(managers, 'settings:read');
  const settingsWrite = allow(adminsOnly, 'settings:write');
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/email/mailboxes', summary: 'The addresses this workspace takes mail at', tags: ['email'],
      access: settingsRead,
      response: { 200: Obj({ items: Type.Array(MailboxView) }), ...commonErrors },
      handler: async ({ principal }) => ({ items: (await listMailboxes(ctx, signedIn(principal).workspaceId)).map(mailboxView) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/email/mailboxes', summary: 'Add a mailbox: mail to it arrives by Sanad\'s SMTP listener, or is fetched over IMAP', tags: ['email'],
      access: settingsWrite,
      body: Obj({ address: Text(254, 3), name: Text(100, 1), teamId: Type.Optional(Nullable(Id)), inbound: Inbound, imap: Type.Optional(Nullable(ImapIn)), autoAcknowledge: Type.Optional(Type.Boolean()) }),
      response: { 201: MailboxView, ...commonErrors },
      handler: async ({ principal, body }) => mailboxView(await createMailbox(ctx, signedIn(principal).workspaceId, body, actorOf(principal))),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/email/mailboxes/:id', summary: 'One mailbox (never its password)', tags: ['email'],
      access: settingsRead, params: IdParams,
      response: { 200: MailboxView, ...commonErrors },
      handler: async ({ principal, params }) => mailboxView(await getMailbox(ctx, signedIn(principal).workspaceId, params.id)),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/email/mailboxes/:id', summary: 'Change a mailbox, or disable it (enabled: false)', tags: ['email'],
      access: settingsWrite, params: IdParams,
      body: Obj({
        address: Type.Optional(Text(254, 3)), name: Type.Optional(Text(100, 1)), teamId: Type.Optional(Nullable(Id)), inbound: Type.Optional(Inbound),
        imap: Type.Optional(Nullable(ImapIn)), autoAcknowledge: Type.Optional(Type.Boolean()), enabled: Type.Optional(Type.Boolean()),
      }),
      response: { 200: MailboxView, ...commonErrors },
      handler: async ({ principal, params, body }) => mailboxView(await changeMailbox(ctx, signedIn(principal).workspaceId, params.id, body, actorOf(principal))),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/email/inbound', summary: 'Mail as it arrived, newest first; status=failed lists mail that could not be read', tags: ['email'],
      access: settingsRead,
      query: Obj({ status: Type.Optional(InboundStatus), ...pageQuery }),
      response: { 200: Page(InboundView), ...commonErrors },
      handler: async ({ principal, query }) => {
        const before = decodeCursor(query.cursor, ['string', 'string']) as [string, string] | null;
        const limit = query.limit ?? 50;
        const rows = await listInboundRows(ctx.db, signedIn(principal).workspaceId, {
          status: query.status as InboundMail['status'] | undefined, before: before ? { at: new Date(before[0]), id: before[1] } : undefined, limit: limit + 1,
        });
        const page = toPage(rows, limit, (m) => [m.receivedAt.toISOString(), m.id]);
        return { items: page.items.map(inboundView), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/email/inbound/:id/raw', summary: 'Download a mail exactly as it arrived (message/rfc822)', tags: ['email'],
      access: allow(adminsOnly, 'settings:read'), params: IdParams,
      response: { ...commonErrors },
      handler: async ({ principal, params, reply }) => {
        const mail = await findInbound(ctx.db, params.id);
        if (!mail || mail.workspaceId !== signedIn(principal).workspaceId) throw new AppError('INBOUND_MAIL_NOT_FOUND', 'no such mail');
        const raw = await readInboundRaw(ctx.db, mail.id);
        if (!raw) throw new AppError('INBOUND_MAIL_NOT_FOUND', 'the mail has no stored content');
        // A download, never rendered: the mail may be hostile.
        return reply.header('content-type', 'message/rfc822').header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox").header('content-disposition', `attachment; filename="${mail.id}.eml"`).send(raw);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/email/inbound/:id/retry', summary: 'Read a failed or ignored mail again', tags: ['email'],
      access: settingsWrite, params: IdParams,
      response: { 200: Ok, ...commonErrors },
      handler: async ({ principal, params }) => {
        await retryInboundMail(ctx, signedIn(principal).workspaceId, params.id, actorOf(principal));
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/email/outbound/:id/retry', summary: 'Send a failed reply again', tags: ['email'],
      access: allow(everyRole, 'conversations:write'), params: IdParams,
      response: { 200: Ok, ...commonErrors },
      handler: async ({ principal, params }) => {
        await retryOutboundMail(ctx, signedIn(principal).workspaceId, params.id, actorOf(principal));
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/conversations/:id/email', summary: 'The emails of a conversation: headers, safe HTML, folded quotes, and whether each reply was sent', tags: ['email'],
      access: allow(everyRole, 'conversations:read'), params: IdParams,
      response: { 200: Obj({ items: Type.Array(EmailView) }), ...commonErrors },
      handler: async ({ principal, params }) => {
        const workspaceId = signedIn(principal).workspaceId;
        await getConversation(ctx, workspaceId, params.id);
        const deliveries = new Map((await listOutboundForConversation(ctx.db, workspaceId, params.id)).map((o) => [o.messageId, o]));
        return { items: (await listEmailMessages(ctx.db, workspaceId, params.id)).map((e) => emailView(e, deliveries.get(e.messageId))) };
      },
    }),
  ];
}
