import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface SmtpSink {
  port: number;
  url: string;
  mails: CaughtMail[];
  /** Refuse the next deliveries: 'temporary' answers 451, 'permanent' 550 (null to accept again). */
  refuse(mode: 'temporary' | 'permanent' | null): void;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it is sent: the relay replies go out through in tests. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: CaughtMail[] = [];
  let refusing: 'temporary' | 'permanent' | null = null;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false, disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusing) return callback(Object.assign(new Error(refusing === 'permanent' ? '5.1.1 no such user' : '4.3.2 try later'), { responseCode: refusing === 'permanent' ? 550 : 451 }));
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        return callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port, url: `smtp://127.0.0.1:${port}`, mails,
    refuse(mode) {
      refusing = mode;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
