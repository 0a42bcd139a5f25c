import { describe, expect, it } from 'vitest';
import { checkImapSettings, mailboxAddress, recipientMailbox } from './mailbox-rules.ts';

describe('mailbox addresses', () => {
  it('given an address in mixed case with spaces, when checked, then it is stored in lower case', () => {
    expect(mailboxAddress('  Support@Example.COM ')).toBe('support@example.com');
  });

  it('given a plus tag or something that is not an address, when checked, then a clear error says why', () => {
    expect(() => mailboxAddress('support+x@example.com')).toThrow(/cannot contain "\+"/);
    expect(() => mailboxAddress('support')).toThrow(/not a mailbox address/);
    expect(() => mailboxAddress('a b@example.com')).toThrow(/not a mailbox address/);
  });

  it('given a reply address with a conversation token, when mapped, then it is the mailbox without the tag', () => {
    expect(recipientMailbox('<Support+c-12-abcdef012345@Example.com>')).toBe('support@example.com');
    expect(recipientMailbox('billing@example.com')).toBe('billing@example.com');
  });
});

describe('IMAP settings', () => {
  it('given only a host and a user, when checked, then implicit TLS on 993, INBOX and a minute between polls are the defaults', () => {
    expect(checkImapSettings({ host: 'imap.example.com', user: 'support' })).toEqual({ host: 'imap.example.com', port: 993, secure: true, user: 'support', folder: 'INBOX', pollMs: 60_000 });
  });

  it('given port 143, when checked, then it is not implicit TLS', () => {
    expect(checkImapSettings({ host: '127.0.0.1', port: 143, user: 'u' })).toMatchObject({ port: 143, secure: false });
  });

  it('given a bad host, port, user or poll interval, when checked, then each is refused clearly', () => {
    expect(() => checkImapSettings({ host: 'bad host', user: 'u' })).toThrow(/host name/);
    expect(() => checkImapSettings({ host: 'h', port: 70000, user: 'u' })).toThrow(/port/);
    expect(() => checkImapSettings({ host: 'h', user: ' ' })).toThrow(/user/);
    expect(() => checkImapSettings({ host: 'h', user: 'u', pollSeconds: 1 })).toThrow(/pollSeconds/);
  });
});
