import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, guessLegacyCharset } from './charset-decoder.ts';
import { parseMail } from './parse-mail.ts';

const arabic = 'السلام عليكم، لم تصل طلبيتي رقم 4512 حتى الآن';
const french = 'Bonjour, ma commande n°4512 n\'est pas arrivée, merci de vérifier.';

/** A mail from header text (CRLF added) and raw body bytes. */
const mail = (header: string, body: Buffer | string = '') =>
  Buffer.concat([Buffer.from(`From: a@example.com\r\nMessage-ID: <c@example.com>\r\n${header.replace(/\n/g, '\r\n')}\r\n\r\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
const b64 = (bytes: Buffer) => bytes.toString('base64');
const qp = (bytes: Buffer) => [...bytes].map((b) => (b > 32 && b < 127 && b !== 61 && b !== 63 && b !== 95 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
const pct = (bytes: Buffer) => [...bytes].map((b) => (/[A-Za-z0-9.]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

describe('decoding bodies in every common charset', () => {
  for (const charset of ['windows-1256', 'ISO-8859-6', 'utf-8']) {
    it(`when a ${charset} body is sent 8bit, quoted-printable or base64, then the Arabic reads right`, async () => {
      const bytes = iconv.encode(arabic, charset);
      for (const [cte, body] of [['8bit', bytes], ['quoted-printable', Buffer.from(qp(bytes).replace(/.{70}/g, '$&=\r\n'))], ['base64', Buffer.from(b64(bytes))]] as const) {
        const parsed = await parseMail(mail(`Content-Type: text/plain; charset="${charset}"\nContent-Transfer-Encoding: ${cte}`, body));
        expect(parsed.text.trim(), `${charset} ${cte}`).toBe(arabic);
        expect(parsed.problems).toEqual([]);
      }
    });
  }

  it('when the body is ISO-2022-JP, Shift_JIS, KOI8-R or windows-1252, then it decodes', async () => {
    // iconv-lite cannot write ISO-2022-JP: these are its bytes for こんにちは.
    const jis = Buffer.from('\x1b$B$3$s$K$A$O\x1b(B', 'latin1');
    for (const [charset, text, bytes] of [['ISO-2022-JP', 'こんにちは', jis], ['Shift_JIS', '注文番号'], ['KOI8-R', 'Здравствуйте'], ['windows-1252', french]] as const) {
      const parsed = await parseMail(mail(`Content-Type: text/plain; charset=${charset}\nContent-Transfer-Encoding: base64`, b64(bytes ?? iconv.encode(text, charset))));
      expect(parsed.text.trim(), charset).toBe(text);
    }
  });

  it('when windows-1256 is labelled utf-8 or not labelled at all, then it is read as windows-1256 and the guess noted', async () => {
    for (const header of ['Content-Type: text/plain; charset=utf-8', 'Content-Type: text/plain', '']) {
      const parsed = await parseMail(mail(header, iconv.encode(arabic, 'windows-1256')));
      expect(parsed.text.trim(), header).toBe(arabic);
      expect(parsed.problems.join()).toContain('read as windows-1256');
    }
  });

  it('when unlabelled 8-bit text is French, then it is read as windows-1252, not as Arabic', async () => {
    const parsed = await parseMail(mail('Content-Type: text/plain', iconv.encode(french, 'windows-1252')));
    expect(parsed.text.trim()).toBe(french);
  });

  it('when utf-8 is labelled windows-1256 or ISO-8859-6, then it is read as utf-8', async () => {
    for (const charset of ['windows-1256', 'iso-8859-6']) {
      const parsed = await parseMail(mail(`Content-Type: text/plain; charset=${charset}`, Buffer.from(arabic)));
      expect(parsed.text.trim()).toBe(arabic);
    }
  });

  it('when the charset label is unknown or UTF-7, then the text is guessed, never UTF-7-decoded, and the label noted', async () => {
    const unknown = await parseMail(mail('Content-Type: text/plain; charset=x-mac-klingon', iconv.encode(arabic, 'windows-1256')));
    expect(unknown.text.trim()).toBe(arabic);
    expect(unknown.problems.join()).toContain('"x-mac-klingon"');
    const utf7 = await parseMail(mail('Content-Type: text/html; charset=UTF-7', '+ADw-script+AD4-alert(1)+ADw-/script+AD4-'));
    expect(utf7.html).toBe('+ADw-script+AD4-alert(1)+ADw-/script+AD4-');
  });
});

describe('decoding headers and file names', () => {
  it('when the subject is an encoded word in windows-1256 or ISO-8859-6, B or Q, then it decodes', async () => {
    for (const charset of ['windows-1256', 'ISO-8859-6', 'UTF-8']) {
      const bytes = iconv.encode('طلب استرجاع', charset);
      for (const word of [`=?${charset}?B?${b64(bytes)}?=`, `=?${charset}?Q?${qp(bytes)}?=`]) {
        expect((await parseMail(mail(`Subject: ${word}`, 'x'))).subject, word).toBe('طلب استرجاع');
      }
    }
  });

  it('when encoded words in different charsets follow each other, then they join without the space between them', async () => {
    const subject = `=?windows-1256?B?${b64(iconv.encode('فاتورة', 'windows-1256'))}?= =?ISO-8859-6?B?${b64(iconv.encode(' خاطئة', 'iso-8859-6'))}?= (order 7)`;
    expect((await parseMail(mail(`Subject: ${subject}`, 'x'))).subject).toBe('فاتورة خاطئة (order 7)');
  });

  it('when a sender name is windows-1256 raw bytes or an encoded word, then it decodes', async () => {
    const raw = Buffer.concat([Buffer.from('From: '), iconv.encode('سارة أحمد', 'windows-1256'), Buffer.from(' <Sara@Example.COM>\r\nSubject: x\r\n\r\nx')]);
    expect((await parseMail(raw)).from).toEqual({ address: 'Sara@example.com', name: 'سارة أحمد' });
    const word = await parseMail(Buffer.from(`From: =?ISO-8859-6?B?${b64(iconv.encode('سارة', 'iso-8859-6'))}?= <s@example.com>\r\n\r\nx`));
    expect(word.from?.name).toBe('سارة');
  });

  it('when an attachment is named in windows-1256 or ISO-8859-6, by RFC 2047 or RFC 2231, then the file name decodes', async () => {
    const name = 'فاتورة شهر 5.pdf';
    const variants = [
      `Content-Disposition: attachment; filename="=?windows-1256?B?${b64(iconv.encode(name, 'windows-1256'))}?="`,
      `Content-Disposition: attachment; filename="=?ISO-8859-6?Q?${qp(iconv.encode(name, 'iso-8859-6'))}?="`,
      `Content-Disposition: attachment; filename*=windows-1256''${pct(iconv.encode(name, 'windows-1256'))}`,
      `Content-Disposition: attachment; filename*=iso-8859-6''${pct(iconv.encode(name, 'iso-8859-6'))}`,
      `Content-Type: application/pdf; name="=?UTF-8?B?${b64(Buffer.from(name))}?="\nContent-Disposition: attachment`,
    ];
    for (const headers of variants) {
      const raw = mail('Content-Type: multipart/mixed; boundary="m"', `--m\r\nContent-Type: text/plain\r\n\r\nhi\r\n--m\r\n${headers.replace(/\n/g, '\r\n')}\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n--m--\r\n`);
      const parsed = await parseMail(raw);
      expect(parsed.attachments.map((a) => a.filename), headers).toEqual([name]);
    }
  });
});

describe('guessing a legacy charset', () => {
  it('when bytes are Arabic in windows-1256 or ISO-8859-6, then each is recognised; Latin accents are windows-1252', () => {
    expect(guessLegacyCharset(iconv.encode(arabic, 'windows-1256'))).toBe('windows-1256');
    expect(guessLegacyCharset(iconv.encode(arabic, 'iso-8859-6'))).toBe('iso-8859-6');
    expect(guessLegacyCharset(iconv.encode(french, 'windows-1252'))).toBe('windows-1252');
  });

  it('when the mail declares a legacy charset elsewhere, then that hint wins', () => {
    expect(guessLegacyCharset(iconv.encode(arabic, 'iso-8859-6'), 'ISO-8859-6')).toBe('iso-8859-6');
  });

  it('when ASCII is declared ISO-2022-JP, then the 7-bit escapes still decode', () => {
    expect(decodeText(Buffer.from('\x1b$BF|K\\\x1b(B', 'latin1'), 'iso-2022-jp')).toEqual({ text: '日本', problem: null });
  });
});
