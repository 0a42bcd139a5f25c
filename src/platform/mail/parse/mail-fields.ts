/**
 * Small, linear clean-ups of what a mail says about itself, so that display text cannot spoof
 * (bidi overrides turn "invoice\u202Efdp.exe" into "invoiceexe.pdf"), cannot break storage
 * (PostgreSQL refuses NUL in text) and cannot grow without bound.
 */

/** Bidi controls, zero-width characters and the BOM, as the email rules files define them. */
const bidiControls = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** C0/C1 controls except tab and newlines. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** NUL removed: PostgreSQL text columns refuse it, and nothing in a mail needs it. */
export const withoutNul = (text: string): string => (text.includes('\u0000') ? text.split('\u0000').join('') : text);

/** One line for display: no bidi or control characters, whitespace collapsed, capped. */
export function displayLine(text: string, max: number): string {
  return text.replace(bidiControls, '').replace(controls, ' ').replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim().slice(0, max);
}

export interface MailAddress { address: string; name: string }

/** "Name@Example.COM" → "Name@example.com": the local part may be case-sensitive, the domain is not. */
export function normaliseAddress(address: string): string | null {
  const trimmed = address.replace(bidiControls, '').replace(controls, '').trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1 || /[\s<>,;]/.test(trimmed) || trimmed.length > 320) return null;
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

export const mailAddress = (address: string, name: string): MailAddress | null => {
  const normalised = normaliseAddress(address);
  return normalised ? { address: normalised, name: displayLine(name, 200) } : null;
};

/** "<a@b>" from "<a@b> (comment)", "a@b" or "<a@b><c@d>": the first id, angle brackets on. */
export function firstMessageId(value: string | undefined): string | null {
  return messageIds(value ?? '')[0] ?? null;
}

/**
 * Message-IDs in a References or In-Reply-To value: bracketed ids wherever they are (clients omit
 * the spaces between them, add comments, fold lines), or bare tokens with an "@" when none are
 * bracketed. Duplicates go; order stays (oldest first, as References lists them).
 */
export function messageIds(value: string): string[] {
  const bracketed = [...value.matchAll(/<([^<>\s]{1,500})>/g)].map((m) => m[1] ?? '');
  const ids = bracketed.length ? bracketed : value.replace(/\([^()]*\)/g, ' ').split(/[\s,]+/).filter((t) => t.includes('@') && t.length <= 500);
  return [...new Set(ids.map((id) => `<${withoutNul(id).replace(/^<|>$/g, '')}>`).filter((id) => id.length > 2))];
}

/** The Date header, or null when it says nothing a calendar knows (mailparser would say "now"). */
export function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value.replace(/\([^()]*\)/g, ' ').trim().slice(0, 200));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A file name that cannot pretend to be another: no directories, no bidi or control characters,
 * no leading dots (hidden files), at most 255 characters with its extension kept.
 */
export function safeFilename(name: string | undefined, fallback: string): string {
  let clean = displayLine(name ?? '', 1000).replace(/^.*[\\/]/, '').replace(/^[.\s]+/, '').trim();
  if (clean.length > 255) {
    const ext = /\.[^.]{1,16}$/.exec(clean)?.[0] ?? '';
    clean = clean.slice(0, 255 - ext.length) + ext;
  }
  return clean || fallback;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', hellip: '…', mdash: '—', ndash: '–', rlm: '', lrm: '', zwnj: '', zwj: '' };
const blockTags = /^(?:br|p|div|tr|li|h[1-6]|table|blockquote|pre|hr|dt|dd|section|article|header|footer)$/;
const skippedTags = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'math']);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return entities[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
  });
}

/**
 * Text from HTML for mail that has no text part, in one pass over the markup (no parser whose
 * cost could explode on hostile nesting): tags dropped, block ends become line breaks, script
 * and style contents skipped, entities decoded, blank runs collapsed.
 */
export function htmlToPlainText(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) { out += html.slice(i); break; }
    out += html.slice(i, lt);
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) break;
    const name = /^\/?([a-z][a-z0-9]*)/.exec(lower.slice(lt + 1, Math.min(gt, lt + 20)))?.[1] ?? '';
    i = gt + 1;
    if (skippedTags.has(name) && lower[lt + 1] !== '/') {
      const close = lower.indexOf(`</${name}`, i);
      i = close === -1 ? html.length : (lower.indexOf('>', close) + 1 || html.length);
    } else if (blockTags.test(name)) {
      out += '\n';
    }
  }
  const lines = decodeEntities(out).replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t\f\v\u00a0]+/g, ' ').trim());
  const kept: string[] = [];
  for (const line of lines) if (line || (kept.length && kept[kept.length - 1] !== '')) kept.push(line);
  return kept.join('\n').trim();
}
