/**
 * The mailbox settings form ↔ the API. Pure. The IMAP password is never shown: the form starts it
 * empty, and it is sent only when the admin typed one (left out, the server keeps the stored one).
 */
import type { Mailbox, MailboxInbound, MailboxInput } from '../api/types';

export interface MailboxForm {
  address: string;
  name: string;
  /** '' for no team. */
  teamId: string;
  inbound: MailboxInbound;
  imapHost: string;
  imapPort: string;
  imapSecure: boolean;
  imapUser: string;
  imapPassword: string;
  imapFolder: string;
  imapPollSeconds: string;
  autoAcknowledge: boolean;
}

export type MailboxProblemCode = 'addressInvalid' | 'nameRequired' | 'hostRequired' | 'userRequired' | 'portInvalid' | 'pollInvalid' | 'passwordRequired';

export interface MailboxProblem {
  field: keyof MailboxForm;
  code: MailboxProblemCode;
}

export function emptyMailboxForm(): MailboxForm {
  return {
    address: '', name: '', teamId: '', inbound: 'smtp', imapHost: '', imapPort: '993', imapSecure: true, imapUser: '', imapPassword: '',
    imapFolder: 'INBOX', imapPollSeconds: '60', autoAcknowledge: false,
  };
}

export function mailboxToForm(m: Mailbox): MailboxForm {
  const empty = emptyMailboxForm();
  return {
    address: m.address, name: m.name, teamId: m.teamId ?? '', inbound: m.inbound,
    imapHost: m.imap?.host ?? '', imapPort: m.imap ? String(m.imap.port) : empty.imapPort, imapSecure: m.imap?.secure ?? true,
    imapUser: m.imap?.user ?? '', imapPassword: '', imapFolder: m.imap?.folder ?? empty.imapFolder,
    imapPollSeconds: m.imap ? String(m.imap.pollSeconds) : empty.imapPollSeconds, autoAcknowledge: m.autoAcknowledge,
  };
}

// A loose check for typing mistakes; the server's rule is the one that counts.
const addressPattern = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

const wholeNumber = (text: string, min: number, max: number): number | null => {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
};

/**
 * The body to POST (new) or PATCH (existing), or the first problem to show. `existing` tells
 * whether an IMAP password is already stored, so an empty password field can mean "keep it".
 */
export function mailboxFormToInput(form: MailboxForm, existing: Mailbox | null): { input: MailboxInput } | { problem: MailboxProblem } {
  const address = form.address.trim();
  const name = form.name.trim();
  if (!addressPattern.test(address)) return { problem: { field: 'address', code: 'addressInvalid' } };
  if (!name) return { problem: { field: 'name', code: 'nameRequired' } };
  const base = { address, name, teamId: form.teamId || null, inbound: form.inbound, autoAcknowledge: form.autoAcknowledge };
  if (form.inbound === 'smtp') return { input: { ...base, imap: null } };

  const host = form.imapHost.trim();
  const user = form.imapUser.trim();
  if (!host) return { problem: { field: 'imapHost', code: 'hostRequired' } };
  const port = wholeNumber(form.imapPort, 1, 65_535);
  if (port === null) return { problem: { field: 'imapPort', code: 'portInvalid' } };
  if (!user) return { problem: { field: 'imapUser', code: 'userRequired' } };
  const pollSeconds = wholeNumber(form.imapPollSeconds, 5, 3600);
  if (pollSeconds === null) return { problem: { field: 'imapPollSeconds', code: 'pollInvalid' } };
  const keepsPassword = existing?.inbound === 'imap' && existing.hasImapPassword;
  if (!form.imapPassword && !keepsPassword) return { problem: { field: 'imapPassword', code: 'passwordRequired' } };
  return {
    input: {
      ...base,
      imap: {
        host, port, secure: form.imapSecure, user, folder: form.imapFolder.trim() || 'INBOX', pollSeconds,
        // Only what the admin typed; never a placeholder, never the empty string.
        ...(form.imapPassword ? { password: form.imapPassword } : {}),
      },
    },
  };
}
