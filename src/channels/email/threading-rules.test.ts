import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  chooseThread, conversationToken, normaliseSubject, replyAddress, subjectTag, threadLookupKeys, verifyConversationToken,
  type InboundMail, type ThreadCandidates,
} from './threading-rules.ts';

const mac = (value: string) => createHmac('sha256', 'workspace-secret').update(value).digest('hex');
const otherMac = (value: string) => createHmac('sha256', 'another-secret').update(value).digest('hex');
const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);

function mail(over: Partial<InboundMail> = {}): InboundMail {
  return { messageId: '<new@customer.example>', inReplyTo: null, references: [], from: 'huda@customer.example', to: ['support@sanad.example'], subject: 'Refund for order 1234', date: now, ...over };
}
const none: ThreadCandidates = { messages: [], tokens: [], recent: [] };

describe('normalising subjects', () => {
  it('when English, German, Nordic and Arabic reply/forward prefixes stack, then all are stripped', () => {
    expect(normaliseSubject('RE: Fwd: AW: SV: Refund  for   order')).toBe('refund for order');
    expect(normaliseSubject('رد: إعادة توجيه: استرجاع المبلغ')).toBe('استرجاع المبلغ');
    expect(normaliseSubject('Re[2]: Re (3): hello')).toBe('hello');
    expect(normaliseSubject('RE : Facture')).toBe('facture');
  });

  it('when bidi controls and zero-width characters surround a prefix, then they do not change the key', () => {
    expect(normaliseSubject('\u200Fرد:\u200F \u202Bاسترجاع\u202C المبلغ')).toBe('استرجاع المبلغ');
    expect(normaliseSubject('\u2067Re:\u2069 Refund')).toBe('refund');
  });

  it('when the subject carries Sanad’s token tag, then the tag is no part of the key', () => {
    expect(normaliseSubject('Re: [#42-0123456789ab] Refund')).toBe('refund');
  });

  it('when a word merely starts like a prefix, then it is kept', () => {
    expect(normaliseSubject('Reset my password')).toBe('reset my password');
    expect(normaliseSubject('رداء مفقود')).toBe('رداء مفقود');
  });
});

describe('conversation tokens', () => {
  it('when a token is made and checked with the same key, then it gives back the ref', () => {
    const token = conversationToken(42, mac);
    expect(token).toMatch(/^42-[0-9a-f]{12}$/);
    expect(verifyConversationToken(token, mac)).toBe('42');
    expect(verifyConversationToken(token.toUpperCase(), mac)).toBe('42');
  });

  it('when the ref is changed, the MAC guessed or another key used, then the token is refused', () => {
    const token = conversationToken(42, mac);
    expect(verifyConversationToken(token.replace(/^42/, '43'), mac)).toBeNull();
    expect(verifyConversationToken('42-000000000000', mac)).toBeNull();
    expect(verifyConversationToken(token, otherMac)).toBeNull();
    expect(verifyConversationToken('not a token', mac)).toBeNull();
  });

  it('when a UUID is the ref, then its dashes are dropped; when the MAC is not hex, then it is a programming error', () => {
    expect(conversationToken('0F8FAD5B-D9CB-469F-A165-70867728950E', mac)).toMatch(/^0f8fad5bd9cb469fa16570867728950e-/);
    expect(() => conversationToken(1, () => 'xyz')).toThrow(/hex/);
  });

  it('when a reply address and subject tag are built, then they carry the token', () => {
    expect(replyAddress('support@sanad.example', '42-0123456789ab')).toBe('support+c-42-0123456789ab@sanad.example');
    expect(subjectTag('42-0123456789ab')).toBe('[#42-0123456789ab]');
  });
});

describe('choosing a thread', () => {
  const options = { mac };

  it('when In-Reply-To names a known message, then the mail is a reply to its conversation', () => {
    const candidates = { ...none, messages: [{ messageId: '<out-1@sanad.example>', conversationId: 'c1' }] };
    expect(chooseThread(mail({ inReplyTo: 'out-1@sanad.example' }), candidates, now, options))
      .toEqual({ kind: 'reply', conversationId: 'c1', reason: 'in_reply_to', matched: 'out-1@sanad.example' });
  });

  it('when only References match, then the newest known reference wins', () => {
    const candidates = { ...none, messages: [{ messageId: 'old@x', conversationId: 'c-old' }, { messageId: 'mid@x', conversationId: 'c-mid' }] };
    const choice = chooseThread(mail({ inReplyTo: '<unknown@x>', references: ['<old@x>', '<mid@x>', '<unknown@x>'] }), candidates, now, options);
    expect(choice).toMatchObject({ kind: 'reply', conversationId: 'c-mid', reason: 'references' });
  });

  it('when the client dropped the headers but replied to the plus address, then the token threads it', () => {
    const token = conversationToken(42, mac);
    const candidates = { ...none, tokens: [{ ref: '42', conversationId: 'c42' }] };
    const choice = chooseThread(mail({ to: [replyAddress('support@sanad.example', token)] }), candidates, now, options);
    expect(choice).toEqual({ kind: 'token', conversationId: 'c42', reason: 'address_token', matched: token });
  });

  it('when the token is only in an Arabic subject, then the subject tag threads it', () => {
    const token = conversationToken(7, mac);
    const candidates = { ...none, tokens: [{ ref: '7', conversationId: 'c7' }] };
    const choice = chooseThread(mail({ subject: `رد: ${subjectTag(token)} مشكلة في الدفع` }), candidates, now, options);
    expect(choice).toMatchObject({ kind: 'token', conversationId: 'c7', reason: 'subject_token' });
  });

  it('when a token is forged for someone else’s conversation, then it threads nothing', () => {
    const candidates = { ...none, tokens: [{ ref: '42', conversationId: 'c42' }] };
    const forged = chooseThread(mail({ subject: 'Re: [#42-0123456789ab] hi', to: ['support+c-42-0123456789ab@sanad.example'] }), candidates, now, options);
    expect(forged).toEqual({ kind: 'new', reason: 'no_match' });
  });

  it('when headers and token disagree, then the threading headers win', () => {
    const token = conversationToken(42, mac);
    const candidates = { ...none, messages: [{ messageId: 'm@x', conversationId: 'c-by-header' }], tokens: [{ ref: '42', conversationId: 'c42' }] };
    expect(chooseThread(mail({ inReplyTo: 'm@x', subject: `Re: ${subjectTag(token)}` }), candidates, now, options)).toMatchObject({ conversationId: 'c-by-header' });
  });

  it('when the same sender writes the same subject within the window, then it joins the latest such thread', () => {
    const candidates: ThreadCandidates = { ...none, recent: [
      { from: 'huda@customer.example', subject: 'refund for order 1234', conversationId: 'older', lastActivityAt: daysAgo(5) },
      { from: 'huda@customer.example', subject: 'refund for order 1234', conversationId: 'newer', lastActivityAt: daysAgo(2) },
      { from: 'someone@else.example', subject: 'refund for order 1234', conversationId: 'theirs', lastActivityAt: daysAgo(0) },
    ] };
    expect(chooseThread(mail({ subject: 'RE: Refund for order 1234', from: 'Huda@Customer.example' }), candidates, now, options))
      .toEqual({ kind: 'subject', conversationId: 'newer', reason: 'sender_subject', matched: 'refund for order 1234' });
  });

  it('when the same Arabic subject comes after the window, then it is a new thread', () => {
    const recent = [{ from: 'huda@customer.example', subject: 'استرجاع المبلغ', conversationId: 'c1', lastActivityAt: daysAgo(8) }];
    expect(chooseThread(mail({ subject: 'رد: استرجاع المبلغ' }), { ...none, recent }, now, options)).toEqual({ kind: 'new', reason: 'no_match' });
    expect(chooseThread(mail({ subject: 'رد: استرجاع المبلغ' }), { ...none, recent }, now, { mac, subjectWindowMs: 10 * 86_400_000 })).toMatchObject({ kind: 'subject', conversationId: 'c1' });
  });

  it('when the subject is empty or only prefixes, then the sender’s other threads are not joined by subject', () => {
    const recent = [{ from: 'huda@customer.example', subject: '', conversationId: 'c1', lastActivityAt: daysAgo(1) }];
    expect(chooseThread(mail({ subject: 'Re:' }), { ...none, recent }, now, options)).toEqual({ kind: 'new', reason: 'no_match' });
  });

  it('when the caller asks what to look up, then it gets message ids newest first, verified refs and the subject key', () => {
    const token = conversationToken(9, mac);
    const keys = threadLookupKeys(mail({ inReplyTo: '<b@x>', references: ['<a@x>', '<b@x>'], subject: `Fwd: ${subjectTag(token)} Invoice`, to: ['support+c-1-0123456789ab@sanad.example'] }), mac);
    expect(keys).toEqual({ messageIds: ['b@x', 'a@x'], refs: ['9'], from: 'huda@customer.example', subject: 'invoice' });
  });
});
