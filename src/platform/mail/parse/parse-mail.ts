/**
 * parseMail: raw MIME in, Sanad's own ParsedMail out (no mailparser type leaks). A mail that is a
 * mail always parses: whatever is odd, cut or guessed is listed in `problems`; only bytes that are
 * not a mail at all throw MailParseError. Nothing here can hang: the raw mail is bounded and
 * pruned first (prepare-raw.ts), mailparser runs under a timeout, and when it fails or times out
 * the headers are kept and the body is shown as plain text.
 */
import { MailParser, type AddressObject, type AttachmentStream, type EmailAddress, type MessageText } from 'mailparser';
import { bodyDecoderClass, decodeText, labelPrefix } from './charset-decoder.ts';
import { defaultMailLimits, MailParseError, type MailLimits } from './mail-limits.ts';
import { displayLine, firstMessageId, htmlToPlainText, mailAddress, messageIds, parseDate, safeFilename, withoutNul, type MailAddress } from './mail-fields.ts';
import { prepareRaw, type HeaderField, type PreparedRaw } from './prepare-raw.ts';

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
  /** Without angle brackets, as `cid:` URLs name it. */
  contentId: string | null;
  /** Shown in the body (inline disposition, or an image of a multipart/related) rather than listed. */
  inline: boolean;
}

export interface ParsedMail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: MailAddress | null;
  replyTo: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: Date | null;
  /** Top-level fields by lower-case name (a repeated one as an array), for loop detection. */
  headers: Record<string, string | string[]>;
  /** The text part, or text made from the HTML when there is none. */
  text: string;
  /** The HTML as sent: NOT safe to show, see displayMail. */
  html: string | null;
  attachments: ParsedAttachment[];
  /** What was odd but survived: guessed charsets, cut headers, dropped parts… */
  problems: string[];
}

interface Collected {
  headers: Map<string, unknown>;
  text: string;
  html: string | null;
  attachments: ParsedAttachment[];
}

const textTypes = new Set(['text/plain', 'text/html', 'message/delivery-status']);

/**
 * mailparser decodes utf-8/ascii-labelled and unlabelled parts itself, replacing invalid bytes;
 * renaming every text part's charset sends all of them through our decoder, which can tell a
 * windows-1256 body labelled utf-8 and read it right. createNode is internal to mailparser
 * (3.14): if it goes away the parse still works, only without that rescue, and charset.test.ts
 * ("windows-1256 is labelled utf-8") fails to say so.
 */
class SanadMailParser extends MailParser {}
type NodeHook = { createNode?: (this: unknown, node: unknown) => { contentType?: string; charset?: string; decoder?: unknown } };
const baseCreateNode = (MailParser.prototype as unknown as NodeHook).createNode;
if (typeof baseCreateNode === 'function') {
  (SanadMailParser.prototype as unknown as NodeHook).createNode = function createNode(node) {
    const created = baseCreateNode.call(this, node);
    if (created.decoder && textTypes.has(created.contentType ?? '')) created.charset = `${labelPrefix}${created.charset ?? ''}`;
    return created;
  };
}

function runMailParser(raw: Buffer, limits: MailLimits, hint: string | null, problems: string[]): Promise<Collected> {
  return new Promise((resolve, reject) => {
    const parser = new SanadMailParser({
      Iconv: bodyDecoderClass((p) => problems.push(p), hint),
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      checksumAlgo: false,
      // prepareRaw already cut the top level and the part tree; these catch what it could not see.
      maxHeadSize: limits.maxHeaderBytes * 2,
      maxChildNodes: limits.maxParts * 2 + 10,
    });
    const collected: Collected = { headers: new Map(), text: '', html: null, attachments: [] };
    let skipped = 0;
    let settled = false;
    const settle = (err: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (skipped) problems.push(`too many attachments: ${skipped} past the first ${limits.maxAttachments} were not kept`);
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(collected);
    };
    const timer = setTimeout(() => {
      parser.destroy();
      settle(new Error(`parsing took longer than ${limits.timeoutMs} ms`));
    }, limits.timeoutMs);

    const onAttachment = (attachment: AttachmentStream, next: () => void) => {
      const keep = collected.attachments.length < limits.maxAttachments;
      if (!keep) skipped++;
      const chunks: Buffer[] = [];
      let size = 0;
      attachment.content.on('readable', () => {
        let chunk: Buffer | null;
        while ((chunk = attachment.content.read() as Buffer | null) !== null) {
          size += chunk.length;
          if (keep) chunks.push(chunk);
        }
      });
      attachment.content.on('end', () => {
        if (keep) {
          const index = collected.attachments.length + 1;
          const contentId = attachment.cid ? withoutNul(attachment.cid).slice(0, 500) : null;
          collected.attachments.push({
            filename: safeFilename(attachment.filename, `attachment-${index}`),
            contentType: displayLine(attachment.contentType || 'application/octet-stream', 200).toLowerCase(),
            size,
            content: Buffer.concat(chunks, size),
            contentId,
            inline: attachment.contentDisposition === 'inline' || (attachment.related === true && contentId !== null),
          });
        }
        attachment.release?.();
        next();
      });
    };

    let reading = false;
    const read = () => {
      reading = true;
      const data = parser.read() as AttachmentStream | MessageText | null;
      if (data === null) { reading = false; return; }
      if (data.type === 'attachment') { onAttachment(data, read); return; }
      if (data.type === 'text') {
        collected.text = data.text ?? '';
        collected.html = data.html ?? null;
      }
      read();
    };
    parser.on('headers', (headers: Map<string, unknown>) => { collected.headers = headers; });
    parser.on('readable', () => { if (!reading) read(); });
    parser.on('end', () => settle(null));
    parser.on('error', settle);
    parser.end(raw);
  });
}

/**
 * When MIME parsing fails or times out: the header alone through mailparser (small, so it gets
 * its own time), the body as plain text. Should even that fail, the fields prepareRaw read stand.
 */
async function fallback(prepared: PreparedRaw, limits: MailLimits): Promise<Collected> {
  const decoded = decodeText(prepared.body.subarray(0, limits.maxTextLength * 4), null, prepared.charsetHint);
  const header = prepared.fields
    .filter((f) => !f.name.startsWith('content-'))
    .map((f) => `${f.name}: ${f.value}\r\n`).join('');
  try {
    const collected = await runMailParser(Buffer.from(`${header}\r\n`, 'utf-8'), { ...limits, timeoutMs: Math.max(limits.timeoutMs, 5_000) }, null, []);
    return { ...collected, text: decoded.text, html: null, attachments: [] };
  } catch {
    return { headers: new Map(), text: decoded.text, html: null, attachments: [] };
  }
}

function addresses(value: unknown): MailAddress[] {
  const objects = (Array.isArray(value) ? value : value ? [value] : []) as AddressObject[];
  const flat = (list: EmailAddress[]): EmailAddress[] => list.flatMap((a) => (a.group ? flat(a.group) : [a]));
  return objects.flatMap((o) => flat(o.value ?? []))
    .map((a) => mailAddress(a.address ?? '', a.name ?? ''))
    .filter((a): a is MailAddress => a !== null)
    .slice(0, 500);
}

function headerRecord(fields: HeaderField[], decoded: Map<string, unknown>, subject: string): Record<string, string | string[]> {
  const byName = new Map<string, string[]>();
  for (const f of fields) byName.set(f.name, [...(byName.get(f.name) ?? []), withoutNul(f.value)]);
  const record: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, values] of byName) {
    // mailparser's value is RFC 2047 decoded; it is only used where it stands for the one raw value.
    const parsed = decoded.get(name);
    const value = name === 'subject' ? subject : values.length === 1 && typeof parsed === 'string' ? withoutNul(parsed) : values;
    record[name] = Array.isArray(value) && value.length === 1 ? (value[0] ?? '') : value;
  }
  return record;
}

function capped(text: string, max: number, what: string, problems: string[]): string {
  if (text.length <= max) return text;
  problems.push(`${what} truncated: ${text.length} characters, only the first ${max} kept`);
  return text.slice(0, max);
}

export async function parseMail(raw: Buffer, limits: Partial<MailLimits> = {}): Promise<ParsedMail> {
  if (!Buffer.isBuffer(raw)) throw new MailParseError('not a mail: expected the raw bytes as a Buffer');
  const l: MailLimits = { ...defaultMailLimits, ...limits };
  const prepared = prepareRaw(raw, l);
  const problems = [...prepared.problems];
  let collected: Collected;
  try {
    collected = await runMailParser(prepared.raw, l, prepared.charsetHint, problems);
  } catch (err) {
    problems.push(`MIME structure unreadable (${displayLine(err instanceof Error ? err.message : String(err), 200)}); the body is shown as plain text`);
    collected = await fallback(prepared, l);
  }

  const first = (name: string) => prepared.fields.find((f) => f.name === name)?.value;
  for (const name of ['from', 'subject', 'date', 'message-id', 'content-type', 'in-reply-to', 'reply-to']) {
    const count = prepared.fields.filter((f) => f.name === name).length;
    if (count > 1) problems.push(`${count} ${name} headers; the first is used`);
  }
  const rawSubject = typeof collected.headers.get('subject') === 'string' ? (collected.headers.get('subject') as string) : first('subject') ?? '';
  const subject = displayLine(rawSubject, l.maxSubjectLength);
  if (rawSubject.length > l.maxSubjectLength) problems.push(`subject truncated to ${l.maxSubjectLength} characters`);
  const from = addresses(collected.headers.get('from'))[0] ?? null;
  if (!from) problems.push(first('from') === undefined ? 'no From header' : 'From has no usable address');
  const messageId = firstMessageId(first('message-id'));
  if (!messageId) problems.push('no Message-ID');
  const date = parseDate(first('date'));
  if (!date && first('date') !== undefined) problems.push('unreadable Date header');

  const html = collected.html === null ? null : capped(withoutNul(collected.html), l.maxHtmlLength, 'HTML', problems);
  let text = withoutNul(collected.text);
  if (!text.trim() && html) text = htmlToPlainText(html);
  if (!text.trim() && html === null && collected.attachments.length === 0 && /\S/.test(prepared.body.subarray(0, 4096).toString('latin1'))) {
    // Nothing readable came out (a multipart without its boundary, say): the agent still gets the words.
    problems.push('no readable part; the body is shown as raw text');
    text = withoutNul(decodeText(prepared.body.subarray(0, l.maxTextLength * 4), null, prepared.charsetHint).text);
  }
  text = capped(text.replace(/\r\n?/g, '\n'), l.maxTextLength, 'text', problems);

  return {
    messageId,
    inReplyTo: firstMessageId(first('in-reply-to')),
    // The newest references are the nearest ancestors, so a cap keeps the end of the list.
    references: messageIds(prepared.fields.filter((f) => f.name === 'references').map((f) => f.value).join(' ')).slice(-100),
    subject,
    from,
    replyTo: addresses(collected.headers.get('reply-to'))[0] ?? null,
    to: addresses(collected.headers.get('to')),
    cc: addresses(collected.headers.get('cc')),
    date,
    headers: headerRecord(prepared.fields, collected.headers, subject),
    text,
    html,
    attachments: collected.attachments,
    problems: [...new Set(problems)].slice(0, 100),
  };
}
