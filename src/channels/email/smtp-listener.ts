/**
 * Sanad's own SMTP listener: mail for a workspace's mailboxes arrives here directly (as an MX, or
 * from a relay that forwards to it). A mail gets its 250 only once its raw bytes are committed
 * (acceptRawMail); anything that goes wrong before then answers a temporary 4xx, so the sending
 * server keeps the mail and tries again. Nothing is parsed before the 250.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
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

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The mailboxes a session's recipients name, one per workspace (a mail to support@ and billing@ of one team is one mail). */
async function mailboxesFor(ctx: CommandContext, session: SMTPServerSession): Promise<Mailbox[]> {
  const byWorkspace = new Map<string, Mailbox>();
  for (const rcpt of session.envelope.rcptTo) {
    const mailbox = await findMailboxByAddress(ctx.db, recipientMailbox(rcpt.address));
    if (mailbox && !byWorkspace.has(mailbox.workspaceId)) byWorkspace.set(mailbox.workspaceId, mailbox);
  }
  return [...byWorkspace.values()];
}

export async function startSmtpListener(ctx: CommandContext, options: SmtpListenerOptions): Promise<SmtpListener> {
  const maxBytes = options.maxBytes ?? defaultMaxMailBytes;
  const report = options.onError ?? (() => undefined);
  const server = new SMTPServer({
    name: options.serverName,
    banner: 'Sanad',
    size: maxBytes,
    authOptional: true,
    // Inbound mail needs no login; STARTTLS only where a certificate is configured.
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    disableReverseLookup: true,
    maxClients: options.maxClients ?? 200,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    logger: false,
    onRcptTo(address, _session, callback) {
      findMailboxByAddress(ctx.db, recipientMailbox(address.address))
        .then((mailbox) => callback(mailbox ? null : smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`)))
        .catch((error: unknown) => {
          report(error);
          callback(smtpError(451, '4.3.0 temporary failure, try again later'));
        });
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 message is larger than ${maxBytes} bytes`));
          const mailboxes = await mailboxesFor(ctx, session);
          if (mailboxes.length === 0) return callback(smtpError(550, '5.1.1 no recipient is a mailbox here'));
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address),
            remoteAddress: session.remoteAddress, helo: session.hostNameAppearsAs,
          };
          for (const mailbox of mailboxes) await acceptRawMail(ctx, { mailbox, raw, source: 'smtp', envelope });
          // Only now, with every copy committed, does the sender hear 250.
          return callback(null);
        })
        .catch((error: unknown) => {
          report(error);
          callback(smtpError(451, '4.3.0 could not store the message, try again later'));
        });
    },
  });
  server.on('error', report);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
