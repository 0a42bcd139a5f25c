/**
 * Helpers for the IMAP tests: a sink that records what it is given (and can be told to fail), mail
 * to append, and a client to put mail on the test server and look at its flags.
 */
import { ImapFlow } from 'imapflow';
import type { DovecotServer } from './dovecot-harness.ts';
import type { FetchedMail, ImapLogEntry, ImapMailbox, ImapSink } from './imap-types.ts';

export interface Delivery {
  mailboxId: string;
  mail: FetchedMail;
}

export class RecordingSink implements ImapSink {
  readonly delivered: Delivery[] = [];
  /** Every call, failed ones included. */
  attempts = 0;
  /** How many of the next calls throw instead of storing. */
  failNext = 0;

  async deliver(mailbox: ImapMailbox, mail: FetchedMail): Promise<void> {
    this.attempts += 1;
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('the store is unavailable');
    }
    this.delivered.push({ mailboxId: mailbox.id, mail });
  }

  uids(mailboxId?: string): number[] {
    return this.delivered.filter((d) => !mailboxId || d.mailboxId === mailboxId).map((d) => d.mail.uid);
  }
}

export class LogRecorder {
  readonly entries: ImapLogEntry[] = [];
  readonly log = (entry: ImapLogEntry) => {
    this.entries.push(entry);
    if (process.env.SANAD_TEST_LOG === '1') console.log(`[imap ${entry.mailboxId}] ${entry.level} ${entry.event}: ${entry.message}`);
  };

  has(event: ImapLogEntry['event']): boolean {
    return this.entries.some((e) => e.event === event);
  }
}

let counter = 0;

/** A plain UTF-8 mail with a unique Message-ID, CRLF line ends as on the wire. */
export function textMail(subject: string, body = `Hello, this is about ${subject}.`): Buffer {
  counter += 1;
  return Buffer.from([
    'From: Huda <huda@customer.example>', 'To: support@sanad.test', `Subject: ${subject}`,
    `Message-ID: <t${counter}.${process.pid}@customer.example>`, 'Date: Mon, 23 Nov 2026 09:00:00 +0000',
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body, '',
  ].join('\r\n'));
}

/** Mail whose body is base64: BINARY fetches would hand back decoded bytes, BODY.PEEK[] must not. */
export function base64Mail(): Buffer {
  counter += 1;
  const body = Buffer.from('Order 1234 was charged twice.\r\n').toString('base64');
  return Buffer.from([
    'From: Omar <omar@customer.example>', 'To: billing@sanad.test', 'Subject: Charged twice',
    `Message-ID: <b${counter}.${process.pid}@customer.example>`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', body, '',
  ].join('\r\n'));
}

/** An Arabic mail in windows-1256, 8-bit, as an old Outlook would send it: raw bytes, not UTF-8. */
export function arabicWindows1256Mail(encode: (text: string) => Buffer): Buffer {
  counter += 1;
  const subject = `=?windows-1256?B?${encode('استرجاع المبلغ').toString('base64')}?=`;
  const head = Buffer.from([
    'From: =?windows-1256?B?' + encode('هدى').toString('base64') + '?= <huda@customer.example>', 'To: support@sanad.test',
    `Subject: ${subject}`, `Message-ID: <ar${counter}.${process.pid}@customer.example>`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=windows-1256', 'Content-Transfer-Encoding: 8bit', '', '',
  ].join('\r\n'));
  return Buffer.concat([head, encode('مرحباً، أريد استرجاع المبلغ للطلب ١٢٣٤.'), Buffer.from('\r\n')]);
}

/** A client on the test server, as one of its users, to append mail and read flags. */
export async function serverClient(server: DovecotServer, user: string): Promise<ImapFlow> {
  const client = new ImapFlow({ host: server.host, port: server.port, secure: false, auth: { user, pass: server.password }, logger: false, disableAutoIdle: true });
  client.on('error', () => {});
  await client.connect();
  return client;
}

export async function appendMail(server: DovecotServer, user: string, mails: readonly Buffer[], folder = 'INBOX'): Promise<void> {
  const client = await serverClient(server, user);
  try {
    for (const raw of mails) await client.append(folder, raw, []);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** The flags of every mail in the folder, by UID. */
export async function flagsOf(server: DovecotServer, user: string, folder = 'INBOX'): Promise<Map<number, string[]>> {
  const client = await serverClient(server, user);
  try {
    await client.mailboxOpen(folder, { readOnly: true });
    const rows = await client.fetchAll('1:*', { uid: true, flags: true }, { uid: true });
    return new Map(rows.map((r) => [r.uid, [...(r.flags ?? [])]]));
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export function mailboxFor(server: DovecotServer, user: string, id: string, extra: Partial<ImapMailbox> = {}): ImapMailbox {
  return { id, workspaceId: '0192f3a4-0000-7000-8000-00000000aaaa', host: server.host, port: server.port, secure: false, user, password: server.password, ...extra };
}

export async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited >= timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
