/**
 * The raw mail made safe to hand to mailparser, in linear passes that cannot hang:
 * - refuses what is not a mail at all (no header field at the start);
 * - cuts the raw mail, the top-level header block and its fields to the limits, and turns 8-bit
 *   header bytes that are not UTF-8 into UTF-8 (mailparser would show them as U+FFFD);
 * - walks the MIME boundaries and cuts the mail before the first part past the part or depth
 *   limit, closing the multiparts left open, so a bomb of parts becomes a well-formed prefix.
 * mailparser's own limits fail the whole parse; these keep what fits instead.
 */
import { TextDecoder } from 'node:util';
import { guessLegacyCharset, isValidUtf8 } from './charset-decoder.ts';
import { MailParseError, type MailLimits } from './mail-limits.ts';

export interface HeaderField {
  /** Lower case. */
  name: string;
  /** Unfolded, UTF-8, not RFC 2047 decoded. */
  value: string;
}

export interface PreparedRaw {
  raw: Buffer;
  /** The kept top-level fields, in order. */
  fields: HeaderField[];
  /** The body after the header block (already cut), for the plain-text fallback. */
  body: Buffer;
  /** A legacy charset the mail declares somewhere: the best guess for unlabelled 8-bit bytes. */
  charsetHint: string | null;
  problems: string[];
}

const fieldName = /^([!-9;-~]{1,200})[ \t]*:/;
/** Fields that steer parsing and threading, kept even past the header budget (first occurrence). */
const structural = new Set(['from', 'to', 'cc', 'reply-to', 'subject', 'date', 'message-id', 'in-reply-to', 'references', 'mime-version', 'content-type', 'content-transfer-encoding', 'auto-submitted', 'precedence']);

interface RawField { name: string; lines: Buffer[]; bytes: number; cut: boolean }

function lineEnd(buf: Buffer, from: number): number {
  const i = buf.indexOf(10, from);
  return i === -1 ? buf.length : i;
}

/** The line without its CR/LF ending. */
function lineAt(buf: Buffer, start: number, end: number): Buffer {
  return buf.subarray(start, end > start && buf[end - 1] === 13 ? end - 1 : end);
}

/** At most `max` bytes of the line, never splitting a UTF-8 character (a split one would look like a legacy charset). */
function cutLine(line: Buffer, max: number): Buffer {
  if (line.length <= max) return line;
  let end = Math.max(0, max);
  for (let back = 0; back < 3 && end > 0 && ((line[end] ?? 0) & 0xc0) === 0x80; back++) end--;
  return line.subarray(0, end);
}

function findCharsetHint(raw: Buffer): string | null {
  const head = raw.subarray(0, 1024 * 1024).toString('latin1');
  for (const m of head.matchAll(/charset\s*=\s*"?([\w.:-]{1,40})/gi)) {
    const label = (m[1] ?? '').toLowerCase();
    if (/^(?:windows-?125\d|cp125\d|iso-?8859-?\d+(?:-[ie])?|koi8-[ru])$/.test(label)) return label;
  }
  return null;
}

/** The header fields at the start of `raw`, and where the body starts. */
function readHeader(raw: Buffer, limits: MailLimits, problems: string[]): { fields: RawField[]; bodyStart: number } {
  const fields: RawField[] = [];
  let pos = 0;
  // An mbox "From " separator line is not part of the mail.
  if (raw.subarray(0, 5).toString('latin1') === 'From ') pos = lineEnd(raw, 0) + 1;
  let current: RawField | null = null;
  let kept = 0;
  let keptBytes = 0;
  let dropped = 0;
  const seen = new Set<string>();
  const done = (bodyStart: number) => {
    if (dropped) problems.push(`header too long: ${dropped} header fields past the limit were dropped`);
    return { fields, bodyStart };
  };
  while (pos < raw.length) {
    const end = lineEnd(raw, pos);
    const line = lineAt(raw, pos, end);
    const next = Math.min(end + 1, raw.length);
    if (line.length === 0) return done(next);
    if ((line[0] === 32 || line[0] === 9) && current) {
      // A continuation line: it belongs to the field above, within the field's own budget.
      if (current.bytes + line.length <= limits.maxHeaderFieldBytes) { current.lines.push(line); current.bytes += line.length; }
      else if (!current.cut) { current.lines.push(cutLine(line, limits.maxHeaderFieldBytes - current.bytes)); current.cut = true; }
      pos = next;
      continue;
    }
    const m = fieldName.exec(line.subarray(0, 210).toString('latin1'));
    if (!m) {
      // Not a field: the blank line is missing and the body starts here (or, first of all, not a mail).
      if (fields.length === 0 && current === null) throw new MailParseError('not a mail: it does not start with a header field');
      problems.push('no blank line after the header; the body starts at the first line that is not a header field');
      return done(pos);
    }
    const name = (m[1] ?? '').toLowerCase();
    const withinBudget = kept < limits.maxHeaderFields && keptBytes + Math.min(line.length, limits.maxHeaderFieldBytes) <= limits.maxHeaderBytes;
    if (withinBudget || (structural.has(name) && !seen.has(name))) {
      current = { name, lines: [cutLine(line, limits.maxHeaderFieldBytes)], bytes: Math.min(line.length, limits.maxHeaderFieldBytes), cut: line.length > limits.maxHeaderFieldBytes };
      fields.push(current);
      seen.add(name);
      kept++;
      keptBytes += current.bytes;
    } else {
      // A dropped field swallows its continuation lines into a throwaway holder.
      current = { name, lines: [], bytes: limits.maxHeaderFieldBytes, cut: false };
      dropped++;
    }
    pos = next;
  }
  return done(raw.length);
}

function cleanField(field: RawField, hint: string | null, problems: string[]): { bytes: Buffer; value: string } {
  let joined = Buffer.concat(field.lines.flatMap((l, i) => (i ? [Buffer.from('\r\n'), l] : [l])));
  if (joined.includes(0)) {
    joined = Buffer.from(joined.filter((b) => b !== 0));
    problems.push(`NUL bytes removed from the ${field.name} header`);
  }
  let text = joined.toString('utf-8');
  if (!isValidUtf8(joined)) {
    // RFC 6532 allows raw UTF-8 in headers; other 8-bit bytes are a legacy charset without a label.
    const guess = guessLegacyCharset(joined, hint);
    problems.push(`8-bit ${field.name} header is not UTF-8; read as ${guess}`);
    text = new TextDecoder(guess).decode(joined);
  }
  // A lone CR could end the line for one reader and not another; make it a space for all.
  text = text.replace(/\r(?!\n)/g, ' ');
  if (field.cut) problems.push(`header too long: ${field.name} was cut`);
  const value = text.slice(text.indexOf(':') + 1).replace(/\r\n[ \t]/g, ' ').trim();
  return { bytes: Buffer.from(text, 'utf-8'), value };
}

function boundaryOf(contentType: string): string | null {
  if (!/^\s*multipart\//i.test(contentType)) return null;
  const m = /;\s*boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;"]{1,200}))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

interface Cut { at: number; reason: string; open: string[] }

/**
 * Where to cut the body so that at most maxParts parts and maxDepth nested multiparts remain,
 * or null when it fits. Follows mailsplit: a delimiter line of the current multipart or of any
 * open ancestor starts a new part under it; an inline message/rfc822 opens a header block.
 */
function findCut(body: Buffer, rootBoundary: string, limits: MailLimits): Cut | null {
  const text = body.toString('latin1');
  const stack: string[] = [rootBoundary];
  let parts = 1;
  let inHead = false;
  let head = '';
  let partStart = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, Math.min(end, pos + 1024)).replace(/[\r \t]+$/, '');
    if (line.startsWith('--')) {
      let level = -1;
      let closing = false;
      for (let i = stack.length - 1; i >= 0; i--) {
        const b = stack[i] ?? '';
        if (line === `--${b}`) { level = i; break; }
        if (line === `--${b}--`) { level = i; closing = true; break; }
      }
      if (level >= 0) {
        if (closing) { stack.length = level; inHead = false; }
        else {
          stack.length = level + 1;
          if (++parts > limits.maxParts) return { at: pos, reason: `too many parts: only the first ${limits.maxParts} were kept`, open: [...stack] };
          inHead = true;
          head = '';
          partStart = pos;
        }
        pos = end + 1;
        continue;
      }
    }
    if (inHead) {
      if (line === '') {
        inHead = false;
        const contentType = /(?:^|\n)content-type[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)/i.exec(head)?.[1]?.replace(/\n[ \t]/g, ' ') ?? '';
        const boundary = boundaryOf(contentType);
        if (boundary) {
          if (stack.length + 1 > limits.maxDepth) return { at: partStart, reason: `nested too deep: multiparts below level ${limits.maxDepth} were dropped`, open: [...stack] };
          stack.push(boundary);
        } else if (/^\s*message\/rfc822/i.test(contentType) && !/content-transfer-encoding[ \t]*:[ \t]*(?:base64|quoted)/i.test(head)) {
          inHead = true;
          head = '';
        }
      } else if (head.length < 16 * 1024) {
        head += `${line}\n`;
      }
    }
    pos = end + 1;
  }
  return null;
}

export function prepareRaw(input: Buffer, limits: MailLimits): PreparedRaw {
  const problems: string[] = [];
  if (input.length === 0) throw new MailParseError('not a mail: it is empty');
  let raw = input;
  if (raw.length > limits.maxRawBytes) {
    const lastLine = raw.lastIndexOf(10, limits.maxRawBytes - 1);
    raw = raw.subarray(0, lastLine > 0 ? lastLine + 1 : limits.maxRawBytes);
    problems.push(`truncated: the mail is ${input.length} bytes, only the first ${raw.length} were read`);
  }
  // Leading blank lines (some gateways add them) are not the end of an empty header.
  let start = 0;
  while (start < raw.length && (raw[start] === 10 || raw[start] === 13)) start++;
  raw = raw.subarray(start);
  const charsetHint = findCharsetHint(raw);
  const { fields: rawFields, bodyStart } = readHeader(raw, limits, problems);
  if (rawFields.length === 0) throw new MailParseError('not a mail: it has no header fields');
  const cleaned = rawFields.map((f) => cleanField(f, charsetHint, problems));
  const fields = rawFields.map((f, i) => ({ name: f.name, value: cleaned[i]?.value ?? '' }));
  let body = raw.subarray(bodyStart);
  let closers = '';
  const boundary = boundaryOf(fields.find((f) => f.name === 'content-type')?.value ?? '');
  const cut = boundary ? findCut(body, boundary, limits) : null;
  if (cut) {
    body = body.subarray(0, cut.at);
    // Close what was left open, innermost first, so the kept prefix is well-formed MIME.
    closers = (body[body.length - 1] === 10 ? '' : '\r\n') + cut.open.reverse().map((b) => `--${b}--\r\n`).join('');
    problems.push(cut.reason);
  }
  const header = Buffer.concat(cleaned.flatMap((c) => [c.bytes, Buffer.from('\r\n')]));
  return {
    raw: Buffer.concat([header, Buffer.from('\r\n'), body, Buffer.from(closers, 'latin1')]),
    fields,
    body,
    charsetHint,
    problems,
  };
}
