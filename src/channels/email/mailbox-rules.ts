/**
 * What a mailbox may be, checked before anything is stored. Pure.
 */
import { AppError } from '../../kernel/index.ts';

const addressPattern = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/**
 * A mailbox address in its one stored form. No plus tag: Sanad puts conversation tokens after a
 * "+" in reply addresses, so the mailbox itself must not have one.
 */
export function mailboxAddress(raw: string): string {
  const address = raw.trim().toLowerCase();
  if (address.length > 254 || !addressPattern.test(address)) throw new AppError('VALIDATION_FAILED', `"${raw}" is not a mailbox address such as support@example.com`);
  if (address.slice(0, address.indexOf('@')).includes('+')) throw new AppError('VALIDATION_FAILED', 'a mailbox address cannot contain "+": Sanad adds +c-<token> to it for replies');
  return address;
}

/** The mailbox a recipient address is for: `support+c-12-ab…@x` and `Support@X` both mean `support@x`. */
export function recipientMailbox(recipient: string): string {
  const address = recipient.trim().toLowerCase().replace(/^<|>$/g, '');
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus >= 0 ? local.slice(0, plus) : local}${address.slice(at)}`;
}

export interface ImapInput {
  host: string;
  port?: number | undefined;
  secure?: boolean | undefined;
  user: string;
  folder?: string | undefined;
  pollSeconds?: number | undefined;
}

export function checkImapSettings(input: ImapInput): { host: string; port: number; secure: boolean; user: string; folder: string; pollMs: number } {
  const host = input.host.trim();
  if (!/^[a-z0-9.-]{1,253}$/i.test(host) && !/^\[?[0-9a-f:.]+\]?$/i.test(host)) throw new AppError('VALIDATION_FAILED', `"${input.host}" is not a host name`);
  const secure = input.secure ?? (input.port === undefined || input.port === 993);
  const port = input.port ?? (secure ? 993 : 143);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new AppError('VALIDATION_FAILED', 'the IMAP port is a number from 1 to 65535');
  const user = input.user.trim();
  if (!user || user.length > 320) throw new AppError('VALIDATION_FAILED', 'the IMAP user name is required');
  const folder = (input.folder ?? 'INBOX').trim() || 'INBOX';
  const pollSeconds = input.pollSeconds ?? 60;
  if (!Number.isInteger(pollSeconds) || pollSeconds < 5 || pollSeconds > 3600) throw new AppError('VALIDATION_FAILED', 'pollSeconds is from 5 to 3600');
  return { host, port, secure, user, folder, pollMs: pollSeconds * 1000 };
}
