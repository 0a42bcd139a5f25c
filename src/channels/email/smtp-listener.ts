/**
 * Sanad's own SMTP listener: mail for a workspace's mailboxes arrives here directly (as an MX, or
 * from a relay that forwards to it). A mail gets its 250 only once its raw bytes are committed
 * (acceptRawMail); anything that goes wrong before then answers a temporary 4xx, so the sending
 * server keeps the mail and tries again. Nothing is parsed before the 250. The SMTP itself is
 * platform/mail's startSmtpServer; what is Sanad's here is which recipients are mailboxes and where
 * their mail goes.
 */
import { SmtpRefusal, startSmtpServer } from '../../platform/mail/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { acceptRawMail } from './accept-mail.ts';
import { recipientMailbox } from './mailbox-rules.ts';
import { findMailboxByAddress, type Mailbox } from './mailbox-store.ts';

export interface SmtpListenerOptions {
  port: number;
  host?: string;
  /** Largest mail accepted, in bytes (announced as SIZE; default 25 MB). */
  maxBytes?: number;
  /** PEM certificate and key: STARTTLS is offered only when both are given. */
  tls?: { cert: Buffer | string; key: Buffer | string } | null;
  /** The name announced in the greeting. */
  serverName?: string;
  maxClients?: number;
  onError?: (error: unknown) => void;
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

export const defaultMaxMailBytes = 25 * 1024 * 1024;

/** The mailboxes a mail's recipients name, one per workspace (a mail to support@ and billing@ of one team is one mail). */
async function mailboxesFor(ctx: CommandContext, recipients: readonly string[]): Promise<Mailbox[]> {
  const byWorkspace = new Map<string, Mailbox>();
  for (const rcpt of recipients) {
    const mailbox = await findMailboxByAddress(ctx.db, recipientMailbox(rcpt));
    if (mailbox && !byWorkspace.has(mailbox.workspaceId)) byWorkspace.set(mailbox.workspaceId, mailbox);
  }
  return [...byWorkspace.values()];
}

export async function startSmtpListener(ctx: CommandContext, options: SmtpListenerOptions): Promise<SmtpListener> {
  return startSmtpServer({
    ...options,
    maxBytes: options.maxBytes ?? defaultMaxMailBytes,
    banner: 'Sanad',
    acceptsRecipient: async (address) => (await findMailboxByAddress(ctx.db, recipientMailbox(address))) !== null,
    onMail: async (raw, envelope) => {
      const mailboxes = await mailboxesFor(ctx, envelope.to);
      if (mailboxes.length === 0) throw new SmtpRefusal(550, '5.1.1 no recipient is a mailbox here');
      // One copy per workspace; the 250 waits until every copy is committed.
      for (const mailbox of mailboxes) await acceptRawMail(ctx, { mailbox, raw, source: 'smtp', envelope });
    },
  });
}
