/**
 * How much of a mail Sanad is willing to read. Past a limit the mail still parses with what fits
 * and says so in `problems`; only input that is not a mail at all is refused.
 */
export interface MailLimits {
  /** The raw message; more is cut at a line end (the SMTP listener should refuse it earlier). */
  maxRawBytes: number;
  /** The top-level header block; fields past it are dropped (a few structural ones are kept). */
  maxHeaderBytes: number;
  /** Header fields in the top-level block. */
  maxHeaderFields: number;
  /** One header field, folding included; longer ones are cut. */
  maxHeaderFieldBytes: number;
  /** MIME parts in the whole tree; parts past it are dropped. */
  maxParts: number;
  /** Nested multiparts; deeper ones are dropped with everything inside them. */
  maxDepth: number;
  /** Attachments kept with their content; later ones are counted in problems, not kept. */
  maxAttachments: number;
  /** Characters of HTML kept (and converted to text when there is no text part). */
  maxHtmlLength: number;
  /** Characters of text kept. */
  maxTextLength: number;
  /** Characters of subject kept. */
  maxSubjectLength: number;
  /** MIME parsing taking longer than this is abandoned for the plain-text fallback. */
  timeoutMs: number;
}

/** Generous for real support mail (newsletters, scanned invoices, long threads), small for attacks. */
export const defaultMailLimits: Readonly<MailLimits> = Object.freeze({
  maxRawBytes: 25 * 1024 * 1024,
  maxHeaderBytes: 256 * 1024,
  maxHeaderFields: 1000,
  maxHeaderFieldBytes: 32 * 1024,
  maxParts: 500,
  maxDepth: 30,
  maxAttachments: 100,
  maxHtmlLength: 2 * 1024 * 1024,
  maxTextLength: 1024 * 1024,
  maxSubjectLength: 1000,
  timeoutMs: 20_000,
});

/** The raw bytes are not a mail at all (empty, binary, no header fields). Stable code for callers. */
export class MailParseError extends Error {
  readonly code = 'MAIL_UNPARSEABLE';
  constructor(message: string) {
    super(message);
    this.name = 'MailParseError';
  }
}
