/**
 * Loops and noise: which mail was written by a machine, and whether Sanad may answer it with an
 * automatic acknowledgement. Pure. Such mail is still stored and threaded (a bounce tells the agent
 * the customer never got the reply); it is only never answered automatically, so two robots cannot
 * mail each other forever (RFC 3834).
 */
/** Bidi controls and zero-width characters (kept in step with threading-rules.ts: rules files share nothing but the kernel). */
const bidiControls = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Header names in any case; a repeated header as an array. */
export type MailHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface MailClass {
  autoReply: boolean;
  bounce: boolean;
  list: boolean;
  mayAutoAcknowledge: boolean;
  reasons: string[];
}

function lookup(headers: MailHeaders): (name: string) => string[] {
  const byName = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), ...(typeof value === 'string' ? [value] : value)]);
  }
  return (name) => byName.get(name) ?? [];
}

/** Outlook, Gmail, Exchange, Apple and Arabic clients' automatic subjects, at the start only, so "Re: out of office hours?" is not caught. */
const autoSubject = /^(?:out of (?:the )?office(?: autoreply)?|automatic reply|auto[- ]?reply|auto[- ]?response|autoresponse|abwesenheitsnotiz|réponse automatique|رد تلقائي|الرد التلقائي|خارج المكتب)\s*(?::|$|-|–)/iu;
const daemonSender = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const noReplySender = /^(?:no-?reply|do-?not-?reply|donotreply)(?:[+.-][^@]*)?@/i;

/** The bare address inside `Name <addr>` or `<addr>`, lower case. */
function address(value: string): string {
  const m = /<([^>]*)>/.exec(value);
  return (m ? m[1] ?? '' : value).trim().toLowerCase();
}

export function classifyMail(headers: MailHeaders): MailClass {
  const h = lookup(headers);
  const first = (name: string) => (h(name)[0] ?? '').trim();
  const reasons: string[] = [];
  let autoReply = false;
  let bounce = false;
  let list = false;
  let suppress = false;

  const autoSubmitted = first('auto-submitted').toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) { autoReply = true; reasons.push(`auto-submitted: ${autoSubmitted}`); }
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-auto-reply']) {
    if (h(name).length) { autoReply = true; reasons.push(name); }
  }
  const precedence = first('precedence').toLowerCase();
  if (['auto_reply', 'bulk', 'junk'].includes(precedence)) { autoReply = true; reasons.push(`precedence: ${precedence}`); }
  if (precedence === 'list') { list = true; reasons.push('precedence: list'); }

  // The sender asks not to be auto-answered (Exchange sets it on its own OOF replies and on bulk
  // mail). Honoured, but it alone does not make the mail machine-written: people's mail carries it too.
  const suppressValue = first('x-auto-response-suppress').toLowerCase();
  if (/\b(?:all|oof|autoreply)\b/.test(suppressValue)) { suppress = true; reasons.push(`x-auto-response-suppress: ${suppressValue}`); }

  const subject = first('subject').normalize('NFKC').replace(bidiControls, '').trim();
  if (autoSubject.test(subject)) { autoReply = true; reasons.push('automatic subject'); }

  const contentType = first('content-type').toLowerCase();
  if (/multipart\/report/.test(contentType) && /report-type\s*=\s*"?delivery-status/.test(contentType)) { bounce = true; reasons.push('delivery status report'); }
  if (/multipart\/report/.test(contentType) && /report-type\s*=\s*"?disposition-notification/.test(contentType)) { autoReply = true; reasons.push('read receipt'); }
  const from = address(first('from'));
  if (daemonSender.test(from)) { bounce = true; reasons.push(`sender ${from}`); }
  if (h('x-failed-recipients').length) { bounce = true; reasons.push('x-failed-recipients'); }
  // A null Return-Path is how both bounces and RFC 3834 auto-replies are sent; call it a bounce
  // only when nothing says it is an auto-reply.
  const nullReturn = h('return-path').some((v) => v.trim() === '<>');
  if (nullReturn) { reasons.push('null return-path'); if (!autoReply) bounce = true; }

  if (h('list-id').length) { list = true; reasons.push('list-id'); }
  if (h('list-unsubscribe').length) { list = true; reasons.push('list-unsubscribe'); }
  if (h('mailing-list').length) { list = true; reasons.push('mailing-list'); }

  const noReply = noReplySender.test(from);
  if (noReply) reasons.push(`no-reply sender ${from}`);
  const mayAutoAcknowledge = !autoReply && !bounce && !list && !suppress && !noReply && !nullReturn && from.includes('@');
  return { autoReply, bounce, list, mayAutoAcknowledge, reasons };
}

export interface AckLimit {
  max: number;
  windowMs: number;
}

export const defaultAckLimit: AckLimit = { max: 3, windowMs: 24 * 60 * 60 * 1000 };

export interface AckDecision {
  allowed: boolean;
  sentInWindow: number;
  /** When the next acknowledgement may go, if one may not go now. */
  nextAllowedAt: Date | null;
}

/**
 * Whether one more auto-acknowledgement may go to a sender, given when earlier ones went to that
 * same sender (the caller queries by sender). A sliding window: a robot that slipped past
 * classifyMail still gets at most `max` answers a day, never a loop.
 */
export function ackRateLimit(history: readonly Date[], now: Date, limit: AckLimit = defaultAckLimit): AckDecision {
  const since = now.getTime() - limit.windowMs;
  const inWindow = history.map((d) => d.getTime()).filter((t) => t > since && t <= now.getTime()).sort((a, b) => a - b);
  if (inWindow.length < limit.max) return { allowed: true, sentInWindow: inWindow.length, nextAllowedAt: null };
  // The window frees a slot when the oldest of the last `max` sends leaves it.
  const oldestCounted = inWindow[inWindow.length - limit.max] ?? now.getTime();
  return { allowed: false, sentInWindow: inWindow.length, nextAllowedAt: new Date(oldestCounted + limit.windowMs) };
}
