/**
 * Turning body and header bytes into text when labels lie. Mail from older Arabic clients is often
 * windows-1256 labelled utf-8 (or not labelled at all), and newer clients sometimes send utf-8
 * under a legacy label; a desk that shows "�����" to an agent has lost the customer's words.
 *
 * Decoding uses the WHATWG TextDecoder (Node's ICU): every charset mail uses in practice, Arabic
 * and Japanese included, and none of the dangerous ones (UTF-7 can spell "<script>" as
 * "+ADw-script+AD4-", so it is never decoded and is treated as an unknown label).
 */
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** Labels clients write that TextDecoder spells differently; it knows the rest (cp1256, iso8859-6, ks_c_5601-1987…). */
function normaliseLabel(label: string): string {
  return label.trim().replace(/^["']|["']$/g, '').toLowerCase()
    .replace(/^win(?:dows)?[-_]?(12\d\d)$/, 'windows-$1')
    .replace(/^cp[-_](\d+)$/, 'cp$1')
    .replace(/^iso[-_]?8859[-_]?(\d+)(?:[-_]([ie]))?$/, (_m, n: string, v?: string) => `iso-8859-${n}${v ? `-${v}` : ''}`)
    .replace(/^utf[-_]?8$/, 'utf-8');
}

/** UTF-7 and its aliases are refused outright (see above), whatever TextDecoder may learn later. */
const refused = /^(?:(?:cs)?unicode11)?utf7(?:imap)?$|^base64$|^hex$/;

/** A TextDecoder for the label, or null when the label is unknown or refused. */
export function decoderFor(label: string): TextDecoder | null {
  const name = normaliseLabel(label);
  if (!name || refused.test(name.replace(/[^a-z0-9]/g, ''))) return null;
  try {
    return new TextDecoder(name);
  } catch {
    return null;
  }
}

const singleByte = /^(?:windows-12\d\d|iso-8859-\d+(?:-i)?|koi8-[ru]|ibm866|macintosh|windows-874|x-mac-cyrillic)$/;
const arabicLetter = /[\u0621-\u064A\u0671-\u06D3]/g;

const countArabic = (text: string) => text.match(arabicLetter)?.length ?? 0;

/**
 * Which legacy charset unlabelled or mislabelled 8-bit text is in. Arabic text is mostly runs of
 * high bytes; French or German has a high byte here and there between ASCII letters. A legacy
 * charset the mail declares elsewhere is the best hint and wins.
 */
export function guessLegacyCharset(bytes: Uint8Array, hint?: string | null): string {
  const hinted = hint ? decoderFor(hint) : null;
  if (hinted && singleByte.test(hinted.encoding)) return hinted.encoding;
  let high = 0;
  let inRuns = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80 || b === 0xa0) continue;
    high++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) inRuns++;
  }
  if (high === 0 || inRuns * 2 < high) return 'windows-1252';
  // ISO-8859-6 puts ه و ى ي where windows-1256 has Latin letters, and the reverse: the charset
  // that turns more of the bytes into Arabic letters is the one the text was written in.
  const as1256 = countArabic(new TextDecoder('windows-1256').decode(bytes));
  const as88596 = countArabic(new TextDecoder('iso-8859-6').decode(bytes));
  return as88596 > as1256 ? 'iso-8859-6' : 'windows-1256';
}

export interface Decoded {
  text: string;
  /** Set when the label was wrong, unknown or missing and the charset was guessed. */
  problem: string | null;
}

/**
 * Bytes declared in `label` (null: no label, which for 8-bit text means "unknown") as text. Valid
 * UTF-8 with multibyte sequences under a single-byte label is UTF-8: legacy text almost never
 * forms valid UTF-8 sequences by chance.
 */
export function decodeText(bytes: Uint8Array, label: string | null, hint?: string | null): Decoded {
  const declared = label ? normaliseLabel(label) : '';
  const utf8ish = !declared || declared === 'utf-8' || /^(?:us-?)?ascii$|^[78]bit$/.test(declared);
  const high = hasHighBytes(bytes);
  if (utf8ish) {
    if (!high || isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), problem: null };
    const guess = guessLegacyCharset(bytes, hint);
    return { text: new TextDecoder(guess).decode(bytes), problem: `text declared ${declared || 'without a charset'} is not UTF-8; read as ${guess}` };
  }
  const decoder = decoderFor(declared);
  if (!decoder) {
    // Without high bytes the guess cannot be wrong, except for UTF-7, which stays as its ASCII.
    const guess = !high || isValidUtf8(bytes) ? 'utf-8' : guessLegacyCharset(bytes, hint);
    return { text: new TextDecoder(guess).decode(bytes), problem: `unknown or refused charset "${declared.slice(0, 40)}"; read as ${guess}` };
  }
  if (high && singleByte.test(decoder.encoding) && isValidUtf8(bytes)) {
    return { text: new TextDecoder('utf-8').decode(bytes), problem: `text declared ${declared} is UTF-8; read as utf-8` };
  }
  // 7-bit charsets such as ISO-2022-JP need their decoder even without high bytes.
  return { text: decoder.decode(bytes), problem: null };
}

/** Marks a charset label so that mailparser hands every text part to our decoder (see parse-mail.ts). */
export const labelPrefix = 'x-sanad-';

/**
 * A class with node-iconv's shape, which mailparser accepts as its `Iconv` option: it collects a
 * text part's bytes and decodes them whole with decodeText, so a wrong label can be detected.
 */
export function bodyDecoderClass(note: (problem: string) => void, hint: string | null) {
  return class BodyDecoder extends Transform {
    private readonly chunks: Buffer[] = [];
    private readonly label: string | null;
    constructor(fromCharset: string, _toCharset: string) {
      super();
      const label = fromCharset.startsWith(labelPrefix) ? fromCharset.slice(labelPrefix.length) : fromCharset;
      this.label = label || null;
    }
    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
      this.chunks.push(chunk);
      done();
    }
    override _flush(done: TransformCallback): void {
      const decoded = decodeText(Buffer.concat(this.chunks), this.label, hint);
      if (decoded.problem) note(decoded.problem);
      done(null, Buffer.from(decoded.text, 'utf-8'));
    }
  };
}
