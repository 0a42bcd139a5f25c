import { describe, expect, it } from 'vitest';
import type { Mailbox } from '../api/types';
import { emptyMailboxForm, mailboxFormToInput, mailboxToForm, type MailboxForm } from './mailbox-form';

const form = (patch: Partial<MailboxForm> = {}): MailboxForm => ({ ...emptyMailboxForm(), address: ' support@example.com ', name: 'Support · الدعم', ...patch });
const imapForm = (patch: Partial<MailboxForm> = {}) => form({ inbound: 'imap', imapHost: 'imap.example.com', imapUser: 'support', ...patch });

const stored: Mailbox = {
  id: 'm1', address: 'support@example.com', name: 'Support', teamId: 't1', inbound: 'imap',
  imap: { host: 'imap.example.com', port: 993, secure: true, user: 'support', folder: 'INBOX', pollSeconds: 60 },
  hasImapPassword: true, autoAcknowledge: true, enabled: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

describe('mailboxFormToInput', () => {
  it('when an SMTP mailbox is filled in, then the body has no IMAP settings', () => {
    expect(mailboxFormToInput(form(), null)).toEqual({
      input: { address: 'support@example.com', name: 'Support · الدعم', teamId: null, inbound: 'smtp', autoAcknowledge: false, imap: null },
    });
  });

  it('when the address or name is missing or wrong, then that field is the problem', () => {
    expect(mailboxFormToInput(form({ address: 'support' }), null)).toEqual({ problem: { field: 'address', code: 'addressInvalid' } });
    expect(mailboxFormToInput(form({ name: '  ' }), null)).toEqual({ problem: { field: 'name', code: 'nameRequired' } });
  });

  it('when a new IMAP mailbox has no password, then it is asked for; with one, it is sent', () => {
    expect(mailboxFormToInput(imapForm(), null)).toEqual({ problem: { field: 'imapPassword', code: 'passwordRequired' } });
    const answer = mailboxFormToInput(imapForm({ imapPassword: 's3cret' }), null);
    expect(answer).toEqual({
      input: expect.objectContaining({
        inbound: 'imap', imap: { host: 'imap.example.com', port: 993, secure: true, user: 'support', folder: 'INBOX', pollSeconds: 60, password: 's3cret' },
      }),
    });
  });

  it('when an IMAP mailbox already has a password and the field is left empty, then no password is sent', () => {
    const answer = mailboxFormToInput(mailboxToForm(stored), stored);
    expect('input' in answer && answer.input.imap).toEqual({ host: 'imap.example.com', port: 993, secure: true, user: 'support', folder: 'INBOX', pollSeconds: 60 });
    expect(JSON.stringify(answer)).not.toContain('password');
  });

  it('when a mailbox moves from SMTP to IMAP, then a password is needed even if one was stored before', () => {
    const smtp: Mailbox = { ...stored, inbound: 'smtp', imap: null, hasImapPassword: false };
    expect(mailboxFormToInput(imapForm(), smtp)).toEqual({ problem: { field: 'imapPassword', code: 'passwordRequired' } });
  });

  it('when the port or polling interval is out of range, then it is the problem', () => {
    expect(mailboxFormToInput(imapForm({ imapPort: '70000', imapPassword: 'x' }), null)).toEqual({ problem: { field: 'imapPort', code: 'portInvalid' } });
    expect(mailboxFormToInput(imapForm({ imapPollSeconds: '2', imapPassword: 'x' }), null)).toEqual({ problem: { field: 'imapPollSeconds', code: 'pollInvalid' } });
    expect(mailboxFormToInput(imapForm({ imapHost: ' ', imapPassword: 'x' }), null)).toEqual({ problem: { field: 'imapHost', code: 'hostRequired' } });
    expect(mailboxFormToInput(imapForm({ imapUser: '', imapPassword: 'x' }), null)).toEqual({ problem: { field: 'imapUser', code: 'userRequired' } });
  });
});

describe('mailboxToForm', () => {
  it('when a stored mailbox is edited, then the form never holds its password', () => {
    expect(mailboxToForm(stored)).toMatchObject({ imapPassword: '', teamId: 't1', imapPort: '993', imapPollSeconds: '60', autoAcknowledge: true });
  });
});
