import { describe, expect, it } from 'vitest';
import {
  decodeAttribute, deliveryState, emailNeedsLook, emailFrameCsp, emailFrameDocument, formatAddress, revealableImageUrl, revealRemoteImages,
} from './email';
import type { EmailDelivery, EmailView, Message } from '../api/types';

describe('revealableImageUrl', () => {
  it('when the value is an http or https URL, then it is kept (normalised by the URL parser)', () => {
    expect(revealableImageUrl('https://cdn.example.com/logo.png?a=1&b=2')).toBe('https://cdn.example.com/logo.png?a=1&b=2');
    expect(revealableImageUrl('http://example.com/x.gif')).toBe('http://example.com/x.gif');
    expect(revealableImageUrl('HTTPS://EXAMPLE.com/a')).toBe('https://example.com/a');
  });

  it('when the scheme is anything else, however it is written, then it is refused', () => {
    for (const value of [
      'javascript:alert(1)', ' javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>', 'data:image/png;base64,AAAA', 'vbscript:msgbox', 'file:///etc/passwd', 'ftp://example.com/x.png',
      'cid:logo@mail', 'blob:https://example.com/uuid', '//evil.example/x.png', '/api/v1/attachments/x', 'x.png', '',
    ]) {
      expect(revealableImageUrl(value), value).toBeNull();
    }
  });
});

describe('decodeAttribute', () => {
  it('when a value is HTML-escaped, then the characters come back; unknown entities stay as written', () => {
    expect(decodeAttribute('a?x=1&amp;y=2&quot;&#39;&#x41;&lt;')).toBe('a?x=1&y=2"\'A<');
    expect(decodeAttribute('&bogus; &#0; &#x110000;')).toBe('&bogus; &#0; &#x110000;');
  });

  it('when an entity spells out a scheme, then the decoded value is what the check sees', () => {
    expect(revealableImageUrl(decodeAttribute('&#106;avascript:alert(1)'))).toBeNull();
  });
});

describe('revealRemoteImages', () => {
  it('when an image holds back an https URL, then it becomes its src', () => {
    const out = revealRemoteImages('<p>hi</p><img alt="logo" data-sanad-remote-src="https://cdn.example.com/l.png?a=1&amp;b=2" />');
    expect(out).toEqual({ html: '<p>hi</p><img alt="logo" src="https://cdn.example.com/l.png?a=1&amp;b=2" />', revealed: 1, refused: 0 });
  });

  it('when the held-back value is not http(s), then it is dropped and nothing is loaded', () => {
    const html = '<img data-sanad-remote-src="javascript:alert(1)"><img data-sanad-remote-src=\'data:image/svg+xml,x\'><img data-sanad-remote-src=&#106;avascript:x>';
    const out = revealRemoteImages(html);
    expect(out.html).toBe('<img><img><img>');
    expect(out).toMatchObject({ revealed: 0, refused: 3 });
  });

  it('when the attribute is outside an img tag, or in text, then it is left alone', () => {
    const html = '<a data-sanad-remote-src="https://a.example/x">x</a><p>&lt;img data-sanad-remote-src="https://b.example/y"&gt;</p>';
    expect(revealRemoteImages(html)).toEqual({ html, revealed: 0, refused: 0 });
  });

  it('when a quoted value holds something that looks like markup, then it is not taken for a tag', () => {
    const html = '<span title="<img data-sanad-remote-src=&quot;https://evil.example/&quot;>">x</span>';
    expect(revealRemoteImages(html).revealed).toBe(0);
    expect(revealRemoteImages(html).html).toBe(html);
  });

  it('when an image already has a src, then it keeps it and the held-back URL goes', () => {
    const out = revealRemoteImages('<img src="/api/v1/attachments/a1" data-sanad-remote-src="https://t.example/p.gif">');
    expect(out.html).toBe('<img src="/api/v1/attachments/a1">');
    expect(out.revealed).toBe(0);
  });

  it('when the URL would break out of the attribute, then it is escaped', () => {
    const out = revealRemoteImages('<img data-sanad-remote-src=\'https://x.example/a"onerror="alert(1)\'>');
    expect(out.html).toBe('<img src="https://x.example/a%22onerror=%22alert(1)">');
  });
});

describe('the mail frame', () => {
  it('when remote images are not asked for, then the policy allows only Sanad and data: images and inline styles', () => {
    expect(emailFrameCsp(false)).toBe("default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    expect(emailFrameCsp(true)).toContain("img-src 'self' data: https:;");
  });

  it('when the document is built, then the policy comes before the mail and the direction is the mail\'s', () => {
    const doc = emailFrameDocument({ html: '<p>مرحبا</p><img data-sanad-remote-src="https://t.example/p.gif">', dir: 'rtl', remoteImages: false });
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('مرحبا'));
    expect(doc).toContain('<html dir="rtl">');
    expect(doc).toContain('<meta name="referrer" content="no-referrer">');
    expect(doc).toContain('data-sanad-remote-src="https://t.example/p.gif"');
    expect(doc).not.toContain(' src="https://t.example');
  });

  it('when remote images are asked for, then they are revealed and https: images are allowed', () => {
    const doc = emailFrameDocument({ html: '<img data-sanad-remote-src="https://t.example/p.gif">', dir: 'ltr', remoteImages: true });
    expect(doc).toContain('<img src="https://t.example/p.gif">');
    expect(doc).toContain("img-src 'self' data: https:");
  });
});

describe('folding quoted history in the frame', () => {
  it('when quotes are folded, then a style hides the blocks the server marked; shown again, the rule is gone and the mail is unchanged', () => {
    const html = '<p>Thanks</p><div data-sanad-quote>On Monday you wrote…</div>';
    const folded = emailFrameDocument({ html, dir: 'ltr', remoteImages: false, foldQuotes: true });
    const open = emailFrameDocument({ html, dir: 'ltr', remoteImages: false, foldQuotes: false });
    expect(folded).toContain('[data-sanad-quote]{display:none!important}');
    expect(open).not.toContain('[data-sanad-quote]{display:none');
    expect(folded).toContain(html);
    expect(open).toContain(html);
  });
});

describe('formatAddress and deliveryState', () => {
  it('when a name is given, then it is shown before the address', () => {
    expect(formatAddress({ address: 'a@example.com', name: 'سارة' })).toBe('سارة <a@example.com>');
    expect(formatAddress({ address: 'a@example.com', name: '' })).toBe('a@example.com');
  });

  const delivery = (patch: Partial<EmailDelivery>): EmailDelivery => ({
    id: 'd1', status: 'queued', attempts: 0, lastError: null, nextAttemptAt: null, sentAt: null, recipients: ['a@example.com'], ...patch,
  });

  it('when a reply failed, then it shows the error and may be sent again; retrying shows the error and is still on its way', () => {
    expect(deliveryState(delivery({ status: 'failed', lastError: '550 no such user' }))).toEqual({ status: 'failed', error: '550 no such user', canRetry: true, unsettled: false });
    expect(deliveryState(delivery({ status: 'retrying', lastError: 'no relay' }))).toMatchObject({ error: 'no relay', canRetry: false, unsettled: true });
    expect(deliveryState(delivery({ status: 'sent', lastError: 'old' }))).toMatchObject({ error: null, canRetry: false, unsettled: false });
    expect(deliveryState(delivery({ status: 'queued' }))).toMatchObject({ unsettled: true });
  });
});

describe('emailNeedsLook', () => {
  const now = new Date('2026-11-23T12:00:00Z').getTime();
  const message = (id: string, kind: Message['kind'], secondsAgo: number): Message => ({
    id, conversationId: 'c1', seq: 1, kind, author: { type: 'agent' }, body: 'x', clientId: null, attachments: [], createdAt: new Date(now - secondsAgo * 1000).toISOString(),
  });
  const view = (messageId: string, delivery: EmailDelivery | null): EmailView => ({
    messageId, direction: 'outbound', rfcMessageId: '<a@b>', subject: 's', from: null, replyTo: null, to: [], cc: [], html: null, blockedImages: 0, text: 'x',
    quoted: null, htmlQuoteFoldable: false, textDirection: 'ltr', automatic: false, inboundId: null, inlineAttachmentIds: [], delivery, createdAt: new Date(now).toISOString(),
  });
  const delivery = (status: EmailDelivery['status']): EmailDelivery => ({ id: 'd', status, attempts: 1, lastError: null, nextAttemptAt: null, sentAt: null, recipients: [] });

  it('when a reply is queued or retrying, then it looks again; once sent or failed, it stops', () => {
    const messages = [message('m1', 'agent', 600)];
    expect(emailNeedsLook(new Map([['m1', view('m1', delivery('retrying'))]]), messages, now)).toBe(true);
    expect(emailNeedsLook(new Map([['m1', view('m1', delivery('queued'))]]), messages, now)).toBe(true);
    expect(emailNeedsLook(new Map([['m1', view('m1', delivery('sent'))]]), messages, now)).toBe(false);
    expect(emailNeedsLook(new Map([['m1', view('m1', delivery('failed'))]]), messages, now)).toBe(false);
  });

  it('when a new reply has no mail yet, then it looks again for a minute; notes and old messages never count', () => {
    expect(emailNeedsLook(new Map(), [message('m2', 'agent', 5)], now)).toBe(true);
    expect(emailNeedsLook(new Map(), [message('m2', 'agent', 61)], now)).toBe(false);
    expect(emailNeedsLook(new Map(), [message('m3', 'note', 5), message('m4', 'system', 5)], now)).toBe(false);
  });
});
