/**
 * An inbound SMTP server over the smtp-server library, for mail that must not be lost: a mail gets
 * its 250 only once `onMail` has resolved (the caller commits the raw bytes there), and anything
 * that goes wrong before then answers a temporary 4xx, so the sending server keeps the mail and
 * tries again. Unknown recipients are refused with 550 at RCPT TO, mail over the size limit with
 * 552. Nothing about the mail is parsed here.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export type SmtpEnvelope = {
  /** MAIL FROM, '' for the null sender (bounces). */
  from: string;
  /** Every accepted RCPT TO, as given. */
  to: string[];
  remoteAddress: string;
  /** The name the client gave in HELO/EHLO. */
  helo: string;
};

export interface SmtpServerOptions {
  port: number;
  host?: string;
  /** Largest mail accepted, in bytes (announced as SIZE). */
  maxBytes: number;
  /** PEM certificate and key: STARTTLS is offered only when both are given. */
  tls?: { cert: Buffer | string; key: Buffer | string } | null;
  /** The name announced in the greeting. */
  serverName?: string;
  /** The text after the name in the greeting. */
  banner?: string;
  maxClients?: number;
  onError?: (error: unknown) => void;
  /** Whether mail for `address` is taken here; false answers 550, a throw 451. */
  acceptsRecipient(address: string): Promise<boolean>;
  /** Stores the mail; the sender hears 250 only once this resolves. A throw answers 451, an SmtpRefusal its own code. */
  onMail(raw: Buffer, envelope: SmtpEnvelope): Promise<void>;
}

export interface SmtpServerHandle {
  port: number;
  close(): Promise<void>;
}

/** Thrown from `onMail` to answer with this code and text (e.g. a permanent 550) instead of a temporary 451. */
export class SmtpRefusal extends Error {
  readonly responseCode: number;

  constructor(responseCode: number, message: string) {
    super(message);
    this.name = 'SmtpRefusal';
    this.responseCode = responseCode;
  }
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startSmtpServer(options: SmtpServerOptions): Promise<SmtpServerHandle> {
  const { maxBytes } = options;
  const report = options.onError ?? (() => undefined);
  const server = new SMTPServer({
    name: options.serverName,
    banner: options.banner,
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
      options.acceptsRecipient(address.address)
        .then((accepted) => callback(accepted ? null : new SmtpRefusal(550, `5.1.1 <${address.address}>: no such mailbox here`)))
        .catch((error: unknown) => {
          report(error);
          callback(new SmtpRefusal(451, '4.3.0 temporary failure, try again later'));
        });
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(new SmtpRefusal(552, `5.3.4 message is larger than ${maxBytes} bytes`));
          const envelope: SmtpEnvelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address),
            remoteAddress: session.remoteAddress, helo: session.hostNameAppearsAs,
          };
          await options.onMail(raw, envelope);
          // Only now, with the mail stored, does the sender hear 250.
          return callback(null);
        })
        .catch((error: unknown) => {
          if (error instanceof SmtpRefusal) return callback(error);
          report(error);
          return callback(new SmtpRefusal(451, '4.3.0 could not store the message, try again later'));
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
