/**
 * displayMail: what an agent sees of a parsed mail. The HTML goes through sanitizeEmailHtml (no
 * script, no handlers, no remote images unless asked, no CSS that escapes its box); inline cid:
 * images point at the stored attachments through a resolver the caller passes; the text is
 * folded so the new words come first; and the direction follows the script most of it is in.
 */
import type { ParsedAttachment, ParsedMail } from '../../../platform/mail/index.ts';
import { sanitizeEmailHtml } from '../html-sanitize.ts';
import { foldQuotedReply, type FoldedBody } from '../quote-rules.ts';

export interface DisplayOptions {
  /** Show remote images (the agent asked); by default they are held back as tracking pixels. */
  allowRemoteImages?: boolean;
  /**
   * The URL an inline image is served from (e.g. the stored attachment's id in an API path), or
   * null to drop it. Only image attachments are offered; without a resolver cid: images go.
   */
  attachmentUrl?: (attachment: ParsedAttachment, index: number) => string | null;
}

export interface DisplayedMail {
  /** Sanitised HTML, or null when the mail has none. */
  html: string | null;
  text: string;
  folded: FoldedBody;
  /** Remote images held back; the console offers to show them. */
  remoteImages: number;
  direction: 'rtl' | 'ltr';
}

const arabicScript = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/g;
const latinScript = /[A-Za-z\u00C0-\u024F]/g;

/** rtl when Arabic-script letters outnumber Latin ones in the body, or in the subject when the body has neither. */
export function textDirection(text: string, subject = ''): 'rtl' | 'ltr' {
  const count = (s: string) => [s.match(arabicScript)?.length ?? 0, s.match(latinScript)?.length ?? 0] as const;
  let [arabic, latin] = count(text.slice(0, 100_000));
  if (arabic + latin === 0) [arabic, latin] = count(subject);
  return arabic > latin ? 'rtl' : 'ltr';
}

/** Explicit embeddings and overrides can reverse text to spoof it; the sanitiser drops them from HTML too. */
const overrides = /[\u202A-\u202E]/g;

const bare = (cid: string) => cid.trim().replace(/^<|>$/g, '').trim();

export function displayMail(parsed: ParsedMail, options: DisplayOptions = {}): DisplayedMail {
  const resolveCid = (cid: string): string | null => {
    const wanted = bare(cid);
    // Content-IDs are compared exactly first; some clients change the case of the reference.
    let index = parsed.attachments.findIndex((a) => a.contentId !== null && bare(a.contentId) === wanted);
    if (index === -1) index = parsed.attachments.findIndex((a) => a.contentId !== null && bare(a.contentId).toLowerCase() === wanted.toLowerCase());
    const attachment = parsed.attachments[index];
    if (!attachment || !attachment.contentType.startsWith('image/') || !options.attachmentUrl) return null;
    return options.attachmentUrl(attachment, index);
  };
  const text = parsed.text.replace(overrides, '');
  const sanitized = parsed.html === null ? null : sanitizeEmailHtml(parsed.html, { allowRemoteImages: options.allowRemoteImages ?? false, resolveCid });
  return {
    html: sanitized ? sanitized.html : null,
    text,
    folded: foldQuotedReply(text, { subject: parsed.subject }),
    remoteImages: sanitized ? sanitized.blockedImages : 0,
    direction: textDirection(text, parsed.subject),
  };
}
