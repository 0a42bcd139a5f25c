import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyMail } from '../loop-rules.ts';
import { hostileFixtures, zipBomb } from './hostile-fixtures.ts';
import { displayMail, MailParseError, parseMail, type ParsedMail } from './index.ts';

const corpusDir = new URL('./corpus/', import.meta.url);
const files = readdirSync(corpusDir).filter((name) => name.endsWith('.eml')).sort();
const bidi = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function decodeEntities(value: string): string {
  return value.replace(/&#x([0-9a-f]+);?|&#(\d+);?|&colon;|&tab;|&newline;/gi, (whole, hex?: string, dec?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { '&colon;': ':', '&tab;': '\t', '&newline;': '\n' }[whole.toLowerCase()] ?? '';
  });
}

/** Nothing in the sanitised HTML could run, load a page, or draw over the console. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<\s*(?:script|iframe|object|embed|applet|base|meta|form|input|button|link|style|svg|math|frame|frameset|portal|isindex|textarea)\b/i);
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/\s(?:srcdoc|formaction|action|background|xlink:href)\s*=/i);
    for (const m of tag.matchAll(/\s([a-z-]+)\s*=\s*"([^"]*)"/gi)) {
      // eslint-disable-next-line no-control-regex -- browsers skip control characters inside a URL scheme
      const value = decodeEntities(m[2] ?? '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      expect(value, `${m[1]} in ${tag}`).not.toMatch(/^(?:javascript|vbscript|livescript):|^data:(?!image\/(?:png|jpe?g|gif|webp);base64,)/);
      if (m[1] === 'style') expect(value).not.toMatch(/position|expression\(|url\(|behavior|binding|@import|z-index|margin[a-z-]*:-/);
    }
  }
}

function expectSafeNames(parsed: ParsedMail) {
  expect(parsed.subject).not.toMatch(bidi);
  for (const a of [parsed.from, parsed.replyTo, ...parsed.to, ...parsed.cc]) if (a) expect(a.name).not.toMatch(bidi);
  for (const a of parsed.attachments) expect(a.filename).not.toMatch(bidi);
  for (const s of [parsed.subject, parsed.text, parsed.html ?? '', ...parsed.attachments.map((a) => a.filename)]) expect(s).not.toContain('\u0000');
}

/** Parses (or refuses with MailParseError), and what an agent would see is inert. */
async function check(raw: Buffer, notAMail: boolean): Promise<ParsedMail | null> {
  let parsed: ParsedMail;
  try {
    parsed = await parseMail(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(MailParseError);
    expect(notAMail).toBe(true);
    return null;
  }
  expect(notAMail).toBe(false);
  expectSafeNames(parsed);
  for (const allowRemoteImages of [false, true]) {
    const shown = displayMail(parsed, { allowRemoteImages, attachmentUrl: (_a, i) => `/api/v1/email/attachments/${i}` });
    if (shown.html !== null) expectInert(shown.html);
    expect(shown.text).not.toMatch(/[\u202A-\u202E]/);
  }
  return parsed;
}

describe('the hostile mail corpus', () => {
  it('when the corpus is listed, then it holds at least 25 mails', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it('when the inertness check sees unsanitised hostile HTML, then it fails (it can catch what it looks for)', () => {
    for (const bad of ['<SCRIPT>x</SCRIPT>', '<img src=x onerror=alert(1)>', '<a href="jav&#x61;script:alert(1)">x</a>', '<a href="data:text/html,x">x</a>',
      '<div style="position:fixed">x</div>', '<div style="width:expression(alert(1))">x</div>', '<iframe srcdoc="x">', '<meta http-equiv="refresh">']) {
      expect(() => expectInert(bad), bad).toThrow();
    }
  });

  for (const file of files) {
    it(`when ${file} is parsed and shown, then it parses or is refused as not a mail, and nothing shown can run`, async () => {
      await check(readFileSync(new URL(file, corpusDir)), file.startsWith('not-a-mail'));
    });
  }

  for (const [name, make] of Object.entries(hostileFixtures)) {
    it(`when ${name} is parsed and shown, then it parses within the limits and nothing shown can run`, async () => {
      const parsed = await check(make(), false);
      expect(parsed).not.toBeNull();
    });
  }
});

describe('what the corpus mails turn into', () => {
  const parse = (file: string) => parseMail(readFileSync(new URL(file, corpusDir)));

  it('when windows-1256 is labelled utf-8, or utf-8 labelled windows-1256, then the Arabic reads right and the guess is noted', async () => {
    for (const file of ['charset-1256-labelled-utf8.eml', 'charset-utf8-labelled-1256.eml', 'charset-unknown-label.eml']) {
      const parsed = await parse(file);
      expect(parsed.text).toContain('طلبي رقم');
      expect(parsed.problems.join(' ')).toMatch(/read as (?:windows-1256|utf-8)/);
      expect(displayMail(parsed).direction).toBe('rtl');
    }
  });

  it('when headers carry raw windows-1256 bytes, then subject and sender name read as Arabic', async () => {
    const parsed = await parse('charset-8bit-headers.eml');
    expect(parsed.subject).toBe('طلب استرجاع المبلغ');
    expect(parsed.from).toEqual({ address: 'ahmed@example.com', name: 'أحمد علي' });
  });

  it('when ISO-8859-6, windows-1256 and ISO-2022-JP are declared, then body, subject, name and filename decode', async () => {
    const arabic = await parse('charset-iso-8859-6-qp.eml');
    expect(arabic.subject).toBe('فاتورةخاطئة');
    expect(arabic.from?.name).toBe('سارة');
    expect(arabic.text).toContain('مرحبا');
    expect(arabic.attachments.map((a) => a.filename)).toEqual(['إيصال.txt']);
    const japanese = await parse('charset-iso-2022-jp.eml');
    expect(japanese.subject).toBe('日本語');
    expect(japanese.text.trim()).toBe('こんにちは');
  });

  it('when UTF-7 spells a script, then it is never decoded into one', async () => {
    const parsed = await parse('charset-utf7-smuggle.eml');
    expect(parsed.html).not.toMatch(/<script/i);
    expect(parsed.subject).not.toMatch(/<script/i);
  });

  it('when bidi overrides hide an .exe, then the subject, sender and file names show the real order', async () => {
    const parsed = await parse('bidi-controls.eml');
    expect(parsed.subject).toBe('Invoice fdp.exe urgent pay');
    expect(parsed.from?.name).toBe('Support moc.knab');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['invoicefdp.exe', 'passwd']);
  });

  it('when a zip bomb is attached, then it is kept as the small zip it is and never inflated', async () => {
    const parsed = await parse('zip-bomb.eml');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ filename: 'logs.zip', contentType: 'application/zip' });
    expect(parsed.attachments[0]?.size).toBeLessThan(100 * 1024);
    expect(parsed.attachments[0]?.content.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('when headers repeat or are missing, then the first wins, nothing is invented and the oddities are listed', async () => {
    const dup = await parse('duplicate-headers.eml');
    expect(dup.from?.address).toBe('first@example.com');
    expect(dup.subject).toBe('First subject');
    expect(dup.messageId).toBe('<dup1@example.com>');
    expect(dup.problems).toContain('2 from headers; the first is used');
    const none = await parse('no-from-no-message-id.eml');
    expect(none).toMatchObject({ from: null, messageId: null, date: null, subject: 'Anonymous' });
    expect(none.problems).toEqual(expect.arrayContaining(['no From header', 'no Message-ID', 'unreadable Date header']));
  });

  it('when a multipart has no boundary, then the agent still gets its words as raw text', async () => {
    const parsed = await parse('broken-missing-boundary.eml');
    expect(parsed.text).toContain('the boundary parameter is missing');
    expect(parsed.problems).toContain('no readable part; the body is shown as raw text');
  });

  it('when NUL bytes and lone CRs are sprinkled in, then they are gone from what is kept', async () => {
    const nul = await parse('nul-bytes.eml');
    expect(nul.subject).toBe('nul in subject');
    expect(nul.text).toBe('beforeafter');
    const mixed = await parse('crlf-lf-mix.eml');
    expect(mixed.subject).toBe('line endings');
    expect(mixed.text).toBe('line one\nline two\nline three');
  });
});

// These two lean on the channel's fixtures and loop rules, so they sit here rather than beside parseMail in platform/mail.
describe('parsed mail as the channel uses it', () => {
  const crlf = (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r\n'));

  it('when the headers go to loop detection, then an auto-reply with repeated Received and an encoded Arabic subject is recognised', async () => {
    const parsed = await parseMail(crlf(`From: MAILER-DAEMON@mx.example.com
Auto-Submitted: auto-replied
Received: from a
Received: from b
Subject: =?utf-8?B?2LHYryDYqtmE2YLYp9im2Yo6INiu2KfYsdisINin2YTZhdmD2KrYqA==?=
Content-Type: text/plain

x`));
    expect(classifyMail(parsed.headers)).toMatchObject({ autoReply: true, mayAutoAcknowledge: false });
  });

  it('when a zip bomb is attached, then its compressed bytes are kept as they are', async () => {
    const zip = zipBomb(4 * 1024 * 1024);
    const parsed = await parseMail(crlf(`From: Customer <c@example.com>
To: support@sanad.test
Subject: parts
Message-ID: <m@example.com>
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: application/zip
Content-Disposition: attachment; filename="a.zip"
Content-Transfer-Encoding: base64

${zip.toString('base64')}
--b--
`));
    expect(parsed.attachments[0]?.content.equals(zip)).toBe(true);
  });
});
