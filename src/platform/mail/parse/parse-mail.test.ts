import { describe, expect, it } from 'vitest';
import { defaultMailLimits, MailParseError } from './mail-limits.ts';
import { parseMail } from './parse-mail.ts';

const crlf = (s: string) => Buffer.from(s.replace(/\r?\n/g, '\r\n'));
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const multipart = (parts: string[], type = 'mixed', boundary = 'b') => crlf(`From: Customer <c@example.com>
To: support@sanad.test
Subject: parts
Message-ID: <m@example.com>
Content-Type: multipart/${type}; boundary="${boundary}"

${parts.map((p) => `--${boundary}\n${p}\n`).join('')}--${boundary}--
`);

describe('parsing addresses, ids and dates', () => {
  it('when a mail has the usual headers, then they come out normalised', async () => {
    const parsed = await parseMail(crlf(`From: "Sara \u202EAhmed" <Sara.A@Example.COM>
Reply-To: Billing <Billing@Shop.Example>
To: support@sanad.test, "Team, Billing" <billing@SANAD.test>
Cc: Group: one@example.com, Two <two@Example.com>;
Subject: Re: order 4512
Date: Tue, 03 Nov 2026 09:15:00 +0300 (AST)
Message-ID: <CAB+x@mail.example.com>
In-Reply-To: <prev@sanad.test> (sent by Sanad)
References: <root@sanad.test><prev@sanad.test>
 <prev@sanad.test>
Content-Type: text/plain; charset=utf-8

Thanks`));
    expect(parsed).toMatchObject({
      messageId: '<CAB+x@mail.example.com>',
      inReplyTo: '<prev@sanad.test>',
      references: ['<root@sanad.test>', '<prev@sanad.test>'],
      subject: 'Re: order 4512',
      from: { address: 'Sara.A@example.com', name: 'Sara Ahmed' },
      replyTo: { address: 'Billing@shop.example', name: 'Billing' },
      to: [{ address: 'support@sanad.test', name: '' }, { address: 'billing@sanad.test', name: 'Team, Billing' }],
      cc: [{ address: 'one@example.com', name: '' }, { address: 'two@example.com', name: 'Two' }],
      date: new Date('2026-11-03T06:15:00Z'),
      text: 'Thanks',
      html: null,
      attachments: [],
      problems: [],
    });
  });

  it('when References is very long, then the newest 100 are kept', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `<r${i}@x>`);
    const parsed = await parseMail(crlf(`From: a@b.c\nReferences: ${ids.join('\n ')}\n\nx`));
    expect(parsed.references).toEqual(ids.slice(-100));
  });

  it('when the Date cannot be read, then date is null, not the time of parsing', async () => {
    const parsed = await parseMail(crlf('From: a@b.c\nDate: the day after tomorrow\n\nx'));
    expect(parsed.date).toBeNull();
    expect(parsed.problems).toContain('unreadable Date header');
  });

  it('when the headers go to loop detection, then names are lower case, repeats are arrays and the subject is decoded', async () => {
    const parsed = await parseMail(crlf(`From: MAILER-DAEMON@mx.example.com
Auto-Submitted: auto-replied
Received: from a
Received: from b
Subject: =?utf-8?B?2LHYryDYqtmE2YLYp9im2Yo6INiu2KfYsdisINin2YTZhdmD2KrYqA==?=
Content-Type: text/plain

x`));
    expect(parsed.headers['auto-submitted']).toBe('auto-replied');
    expect(parsed.headers.received).toEqual(['from a', 'from b']);
    expect(parsed.headers.subject).toBe('رد تلقائي: خارج المكتب');
  });
});

describe('attachments and inline images', () => {
  it('when a mail carries files, then each keeps its name, type, size and bytes', async () => {
    const parsed = await parseMail(multipart([
      'Content-Type: text/plain\n\nSee attached',
      'Content-Type: application/pdf; name="invoice.pdf"\nContent-Disposition: attachment; filename="invoice.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK',
      'Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="C:\\\\Users\\\\me\\\\..\\\\report 2026.xlsx"\n\nraw bytes',
      'Content-Type: text/csv\nContent-Disposition: attachment\n\na,b',
    ]));
    expect(parsed.text).toBe('See attached');
    expect(parsed.attachments.map(({ content: _c, ...a }) => a)).toEqual([
      { filename: 'invoice.pdf', contentType: 'application/pdf', size: 9, contentId: null, inline: false },
      { filename: 'report 2026.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 9, contentId: null, inline: false },
      { filename: 'attachment-3', contentType: 'text/csv', size: 3, contentId: null, inline: false },
    ]);
    expect(parsed.attachments[0]?.content.toString('latin1')).toBe('%PDF-1.4\n');
  });

  it('when an image is embedded by Content-ID, then it is an inline attachment and the HTML keeps its cid: link', async () => {
    const parsed = await parseMail(multipart([
      'Content-Type: text/html\n\n<p>Screenshot:</p><img src="cid:shot-1@client">',
      `Content-Type: image/png\nContent-ID: <shot-1@client>\nContent-Transfer-Encoding: base64\n\n${png}`,
    ], 'related'));
    expect(parsed.html).toContain('src="cid:shot-1@client"');
    expect(parsed.text).toBe('Screenshot:');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ contentId: 'shot-1@client', inline: true, contentType: 'image/png', filename: 'attachment-1' });
    expect(parsed.attachments[0]?.content.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('limits: past them the mail still parses with what fits', () => {
  it('when the raw mail is larger than maxRawBytes, then it is cut at a line end and that is noted', async () => {
    const parsed = await parseMail(crlf(`From: a@b.c\n\n${'line of text\n'.repeat(1000)}`), { maxRawBytes: 2000 });
    expect(parsed.text.length).toBeLessThan(2000);
    expect(parsed.text.trimEnd().endsWith('\nline of text')).toBe(true);
    expect(parsed.problems[0]).toMatch(/^truncated: the mail is \d+ bytes/);
  });

  it('when there are more header fields than allowed, then the first are kept plus the structural ones after them', async () => {
    const filler = Array.from({ length: 50 }, (_, i) => `X-F${i}: v`).join('\n');
    const parsed = await parseMail(crlf(`From: a@b.c\n${filler}\nSubject: late subject\nContent-Type: text/html\n\n<p>html</p>`), { maxHeaderFields: 10 });
    expect(parsed.subject).toBe('late subject');
    expect(parsed.html).toBe('<p>html</p>');
    expect(Object.keys(parsed.headers)).toHaveLength(12);
    expect(parsed.problems).toContain('header too long: 41 header fields past the limit were dropped');
  });

  it('when one header field or the header block is too long, then it is cut and the rest of the mail is intact', async () => {
    const parsed = await parseMail(crlf(`From: a@b.c\nSubject: ${'ب'.repeat(5000)}\nX-Big: ${'x'.repeat(5000)}\n\nbody`), { maxHeaderFieldBytes: 1000, maxSubjectLength: 100 });
    expect(parsed.subject).toBe('ب'.repeat(100));
    expect(parsed.text).toBe('body');
    expect(parsed.problems).toEqual(expect.arrayContaining(['header too long: subject was cut', 'header too long: x-big was cut', 'subject truncated to 100 characters']));
  });

  it('when there are too many parts or too deep a nesting, then the first parts are kept and the multiparts are closed', async () => {
    const many = await parseMail(multipart(Array.from({ length: 30 }, (_, i) => `Content-Type: text/plain\n\npart ${i}`)), { maxParts: 10 });
    expect(many.text.split('\n')).toEqual(Array.from({ length: 9 }, (_, i) => `part ${i}`));
    expect(many.problems).toContain('too many parts: only the first 10 were kept');

    const nested = (depth: number): string => (depth === 0 ? 'Content-Type: text/plain\n\ndeepest'
      : `Content-Type: multipart/mixed; boundary="n${depth}"\n\n--n${depth}\nContent-Type: text/plain\n\nlevel ${depth}\n--n${depth}\n${nested(depth - 1)}\n--n${depth}--`);
    const deep = await parseMail(multipart([nested(10), 'Content-Type: text/plain\n\nafter the nest']), { maxDepth: 4 });
    expect(deep.text).toContain('level 10');
    expect(deep.text).toContain('level 8');
    expect(deep.text).not.toContain('level 7');
    expect(deep.problems).toContain('nested too deep: multiparts below level 4 were dropped');
  });

  it('when there are more attachments than allowed, then the first are kept and the rest counted', async () => {
    const parsed = await parseMail(multipart(Array.from({ length: 8 }, (_, i) => `Content-Type: application/pdf\nContent-Disposition: attachment; filename="f${i}.pdf"\n\n%PDF`)), { maxAttachments: 3 });
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['f0.pdf', 'f1.pdf', 'f2.pdf']);
    expect(parsed.problems).toContain('too many attachments: 5 past the first 3 were not kept');
  });

  it('when HTML or text is longer than allowed, then it is cut and the text is made from what HTML is kept', async () => {
    const parsed = await parseMail(crlf(`From: a@b.c\nContent-Type: text/html\n\n<p>${'word '.repeat(2000)}</p>`), { maxHtmlLength: 1000, maxTextLength: 500 });
    expect(parsed.html).toHaveLength(1000);
    expect(parsed.text).toHaveLength(500);
    expect(parsed.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^HTML truncated/), expect.stringMatching(/^text truncated/)]));
  });

  it('when MIME parsing runs out of time, then the headers are kept and the body is shown as plain text', async () => {
    const big = `From: Slow <slow@example.com>\nSubject: slow\nContent-Type: multipart/mixed; boundary="s"\n\n${'--s\nContent-Type: text/plain\n\nslow part\n'.repeat(400)}--s--\n`;
    const parsed = await parseMail(crlf(big), { timeoutMs: 1 });
    expect(parsed.subject).toBe('slow');
    expect(parsed.from?.address).toBe('slow@example.com');
    expect(parsed.text).toContain('slow part');
    expect(parsed.problems.join()).toContain('MIME structure unreadable (parsing took longer than 1 ms)');
  });

  it('when the defaults are read, then they fit a support desk', () => {
    expect(defaultMailLimits).toMatchObject({ maxRawBytes: 25 * 1024 * 1024, maxAttachments: 100, maxHeaderBytes: 256 * 1024 });
  });
});

describe('what is not a mail', () => {
  it('when the bytes are empty, binary, plain prose or not a Buffer, then MailParseError says so', async () => {
    for (const raw of [Buffer.alloc(0), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), Buffer.from('Hello there,\nplease help'), Buffer.from('\r\n\r\n')]) {
      await expect(parseMail(raw)).rejects.toThrow(MailParseError);
    }
    await expect(parseMail('From: a@b.c\n\nx' as unknown as Buffer)).rejects.toThrow(/expected the raw bytes as a Buffer/);
    await expect(parseMail(Buffer.from('hello'))).rejects.toMatchObject({ code: 'MAIL_UNPARSEABLE', message: 'not a mail: it does not start with a header field' });
  });

  it('when an mbox "From " line precedes the headers, then it is skipped and the mail parses', async () => {
    const parsed = await parseMail(crlf('From sender@example.com Mon Nov  2 10:00:00 2026\nFrom: sender@example.com\nSubject: mbox\n\nx'));
    expect(parsed.subject).toBe('mbox');
  });
});
