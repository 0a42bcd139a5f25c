import { describe, expect, it } from 'vitest';
import { displayMail, parseMail, textDirection, type ParsedMail } from './index.ts';

const crlf = (s: string) => Buffer.from(s.replace(/\r?\n/g, '\r\n'));
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const related = (html: string) => parseMail(crlf(`From: c@example.com
Subject: screenshot
Content-Type: multipart/related; boundary="r"

--r
Content-Type: text/html; charset=utf-8

${html}
--r
Content-Type: image/png
Content-ID: <Shot@Client>
Content-Transfer-Encoding: base64

${png}
--r
Content-Type: application/pdf
Content-ID: <doc@client>

%PDF
--r--
`));

describe('what an agent sees of a mail', () => {
  it('when the HTML has script, handlers and a tracking pixel, then they are gone or held back and counted', async () => {
    const parsed = await related('<p onclick="x()">Hi</p><script>alert(1)</script><img src="https://t.example/p.gif"><img src="http://t.example/q.gif">');
    const shown = displayMail(parsed);
    expect(shown.html).toBe('<p>Hi</p><img data-sanad-remote-src="https://t.example/p.gif" /><img data-sanad-remote-src="http://t.example/q.gif" />');
    expect(shown.remoteImages).toBe(2);
    const revealed = displayMail(parsed, { allowRemoteImages: true });
    expect(revealed.html).toContain('<img src="https://t.example/p.gif" />');
    expect(revealed.remoteImages).toBe(0);
  });

  it('when an inline image is referenced by cid:, then it points at the attachment the resolver names', async () => {
    const parsed = await related('<img src="cid:Shot@Client"><img src="cid:shot@client"><img src="cid:doc@client"><img src="cid:unknown@x">');
    const asked: number[] = [];
    const shown = displayMail(parsed, { attachmentUrl: (a, i) => { asked.push(i); return a.inline ? `/api/v1/email/attachments/${i}` : null; } });
    // A PDF is never shown as an image, and an unknown cid loses its src.
    expect(shown.html).toBe('<img src="/api/v1/email/attachments/0" /><img src="/api/v1/email/attachments/0" /><img /><img />');
    expect(asked).toEqual([0, 0]);
    expect(displayMail(parsed).html).toBe('<img /><img /><img /><img />');
  });

  it('when the mail has no HTML, then html is null and the text is folded', async () => {
    const parsed = await parseMail(crlf('From: c@example.com\nSubject: Re: order\n\nStill waiting.\n\nOn Mon, 2 Nov 2026, Sanad <support@sanad.test> wrote:\n> Your order ships today.\n'));
    const shown = displayMail(parsed);
    expect(shown.html).toBeNull();
    expect(shown.folded.visible.trim()).toBe('Still waiting.');
    expect(shown.folded.quoted).toContain('> Your order ships today.');
    expect(shown.remoteImages).toBe(0);
  });

  it('when the text has bidi overrides, then the shown text loses them and the parsed text keeps its words', async () => {
    const parsed = await parseMail(crlf('From: c@example.com\n\nopen \u202Eexe.pdf\u202C now'));
    expect(displayMail(parsed).text).toBe('open exe.pdf now');
  });

  it('when most letters are Arabic, then the direction is rtl; otherwise ltr', async () => {
    const arabic = await parseMail(crlf('From: c@example.com\nContent-Type: text/plain; charset=utf-8\n\nمرحبا، طلبي رقم 4512 لم يصل (order #4512)'));
    expect(displayMail(arabic).direction).toBe('rtl');
    const english = await parseMail(crlf('From: c@example.com\nContent-Type: text/plain; charset=utf-8\n\nHello, my order has not arrived. شكرا'));
    expect(displayMail(english).direction).toBe('ltr');
    expect(textDirection('12345', 'طلب')).toBe('rtl');
    expect(textDirection('', '')).toBe('ltr');
  });

  it('when a ParsedMail is built by hand, then displayMail needs nothing else', () => {
    const parsed: ParsedMail = {
      messageId: null, inReplyTo: null, references: [], subject: '', from: null, replyTo: null, to: [], cc: [], date: null,
      headers: {}, text: 'hi', html: '<div style="position:fixed;top:0">x</div>', attachments: [], problems: [],
    };
    expect(displayMail(parsed)).toMatchObject({ html: '<div>x</div>', text: 'hi', direction: 'ltr', remoteImages: 0 });
  });
});
