/**
 * Which conversation an inbound mail belongs to. Pure: the caller looks up candidates first
 * (threadLookupKeys says what to look up) and passes them in with the time.
 *
 * Order, strongest evidence first:
 *  1. In-Reply-To, then References (newest first): the client says what it answers.
 *  2. A conversation token in a reply address (support+c-<token>@) or the subject ([#<token>]):
 *     survives clients that drop threading headers; its MAC is checked, so it cannot be forged.
 *  3. Same sender, same normalised subject, activity within a window (default 7 days): a customer
 *     who writes a fresh mail about the same thing. Empty subjects never match (too generic).
 *  4. Otherwise a new thread.
 */
// ---- Subjects: what a subject "is" once mail clients have decorated it.

/**
 * Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and zero-width characters:
 * Arabic clients insert them around prefixes and names, and a spoofer can hide behind them.
 */
const bidiControls = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * Reply and forward prefixes in the languages our customers' clients write: English, German
 * (AW/WG), Nordic (SV/VS/VB), Dutch (Antw), French (TR/RE), Spanish (RV), Arabic (رد / إعادة توجيه / توجيه).
 * Counters such as "Re[2]:" or "Re(3):" and a space before the colon (French typography) too.
 */
const prefix = /^(?:re|fw|fwd|aw|wg|sv|vs|vb|antw|tr|rv|رد|[إا]عادة توجيه|توجيه)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/iu;

/** Sanad's own token tag, "[#123-abcdef012345]": customers' replies carry it, so it is no part of the subject. */
const tokenTag = /\[#[0-9a-z]+-[0-9a-f]+\]/giu;

/** A subject reduced to what identifies the problem: no prefixes, no token tag, no bidi marks, one case, single spaces. */
export function normaliseSubject(subject: string): string {
  let s = subject.normalize('NFKC').replace(bidiControls, '').replace(/\u0640/g, '').replace(tokenTag, ' ');
  s = s.replace(/\s+/gu, ' ').trim();
  // Prefixes stack ("Re: Fwd: RE:"); strip until none is left. Bounded so hostile subjects cannot spin.
  for (let i = 0; i < 50; i++) {
    const next = s.replace(prefix, '').trim();
    if (next === s) break;
    s = next;
  }
  return s.toLocaleLowerCase('en-US');
}

// ---- Conversation tokens, put in the reply address and the subject.
/*
 * Format: `<ref>-<mac>`, where ref is the conversation's number or id in [0-9a-z] and mac is the
 * first 12 hex characters (48 bits) of a keyed MAC of the ref. The MAC is passed in as a function
 * (the composition root binds it to HMAC-SHA256 with the workspace's secret) so this file does no
 * crypto and no I/O. Without the key nobody can mint a token for a conversation that is not theirs:
 * a guessed ref alone threads nothing.
 *
 * Where it appears: `support+c-<token>@example.com` (plus-addressing) and `[#<token>]` in the subject.
 * Hex and lower case because mail systems lowercase local parts and subject tags get retyped.
 */

/** Keyed MAC of a string, as lower-case hex (e.g. HMAC-SHA256 with the workspace secret). */
export type TokenMac = (value: string) => string;

export const tokenMacLength = 12;

const refPattern = /^[0-9a-z]{1,40}$/;
const tokenPattern = /^([0-9a-z]{1,40})-([0-9a-f]{12})$/;

function macOf(ref: string, mac: TokenMac): string {
  const digest = mac(`sanad-email-thread:${ref}`).toLowerCase();
  if (!/^[0-9a-f]+$/.test(digest) || digest.length < tokenMacLength) throw new Error('the token MAC must return at least 12 hex characters');
  return digest.slice(0, tokenMacLength);
}

/** The token for a conversation: its number or id (UUID dashes dropped), then the MAC prefix. */
export function conversationToken(ref: string | number, mac: TokenMac): string {
  const r = String(ref).toLowerCase().replace(/-/g, '');
  if (!refPattern.test(r)) throw new Error('a conversation ref is 1–40 characters of [0-9a-z]');
  return `${r}-${macOf(r, mac)}`;
}

/** Compares without stopping at the first difference, so timing does not reveal how much of a MAC was right. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The ref a token stands for, or null when it is malformed or its MAC is wrong (forged or mistyped). */
export function verifyConversationToken(token: string, mac: TokenMac): string | null {
  const m = tokenPattern.exec(token.toLowerCase());
  if (!m) return null;
  const [, ref = '', given = ''] = m;
  return sameText(macOf(ref, mac), given) ? ref : null;
}

/** The local-part tag for plus-addressing: `support@x` becomes `support+c-<token>@x`. */
export function replyAddress(mailbox: string, token: string): string {
  const at = mailbox.lastIndexOf('@');
  if (at <= 0) throw new Error('a mailbox address has a local part and a domain');
  return `${mailbox.slice(0, at)}+c-${token}${mailbox.slice(at)}`;
}

export function subjectTag(token: string): string {
  return `[#${token}]`;
}

/** Tokens found in the recipient addresses (plus tag) and in the subject tag, not yet verified. */
export function findTokens(to: readonly string[], subject: string): { address: string[]; subject: string[] } {
  const address: string[] = [];
  for (const a of to) {
    const m = /\+c-([0-9a-z]{1,40}-[0-9a-f]{12})@/i.exec(a);
    if (m?.[1]) address.push(m[1].toLowerCase());
  }
  const inSubject = [...subject.matchAll(/\[#([0-9a-z]{1,40}-[0-9a-f]{12})\]/giu)].map((m) => (m[1] ?? '').toLowerCase());
  return { address, subject: inSubject };
}

// ---- Choosing the thread.


export interface InboundMail {
  messageId: string | null;
  inReplyTo: string | null;
  references: readonly string[];
  /** Normalised sender address (lower case). */
  from: string;
  to: readonly string[];
  subject: string;
  date: Date;
}

export interface ThreadCandidates {
  /** Messages Sanad has received or sent, by Message-ID (angle brackets optional). */
  messages: readonly { messageId: string; conversationId: string }[];
  /** Conversations by the ref their token carries. */
  tokens: readonly { ref: string; conversationId: string }[];
  /** This sender's recent threads: subject as normaliseSubject returns it, and last activity. */
  recent: readonly { from: string; subject: string; conversationId: string; lastActivityAt: Date }[];
}

export interface ThreadOptions {
  mac: TokenMac;
  /** How long a same-subject mail still joins the thread; default 7 days. */
  subjectWindowMs?: number;
}

export type ThreadReason = 'in_reply_to' | 'references' | 'address_token' | 'subject_token' | 'sender_subject' | 'no_match';

export type ThreadChoice =
  | { kind: 'reply'; conversationId: string; reason: 'in_reply_to' | 'references'; matched: string }
  | { kind: 'token'; conversationId: string; reason: 'address_token' | 'subject_token'; matched: string }
  | { kind: 'subject'; conversationId: string; reason: 'sender_subject'; matched: string }
  | { kind: 'new'; reason: 'no_match' };

export const defaultSubjectWindowMs = 7 * 24 * 60 * 60 * 1000;

/** "<abc@x>" and " abc@x " are the same Message-ID. Case is kept: the left part is case-sensitive. */
export function normaliseMessageId(id: string): string {
  return id.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

/** Message-IDs, verified token refs and the subject key: what the caller should look up before chooseThread. */
export function threadLookupKeys(mail: InboundMail, mac: TokenMac): { messageIds: string[]; refs: string[]; from: string; subject: string } {
  const ids = [mail.inReplyTo, ...[...mail.references].reverse()].filter((x): x is string => !!x).map(normaliseMessageId).filter(Boolean);
  const found = findTokens(mail.to, mail.subject);
  const refs = [...found.address, ...found.subject].map((t) => verifyConversationToken(t, mac)).filter((r): r is string => r !== null);
  return { messageIds: [...new Set(ids)], refs: [...new Set(refs)], from: mail.from.trim().toLowerCase(), subject: normaliseSubject(mail.subject) };
}

function byMessage(mail: InboundMail, candidates: ThreadCandidates): ThreadChoice | null {
  const known = new Map(candidates.messages.map((m) => [normaliseMessageId(m.messageId), m.conversationId]));
  if (mail.inReplyTo) {
    const id = normaliseMessageId(mail.inReplyTo);
    const hit = known.get(id);
    if (hit) return { kind: 'reply', conversationId: hit, reason: 'in_reply_to', matched: id };
  }
  // The newest reference is the nearest ancestor; older ones may point into an earlier thread.
  for (const raw of [...mail.references].reverse()) {
    const id = normaliseMessageId(raw);
    const hit = known.get(id);
    if (hit) return { kind: 'reply', conversationId: hit, reason: 'references', matched: id };
  }
  return null;
}

function byToken(mail: InboundMail, candidates: ThreadCandidates, mac: TokenMac): ThreadChoice | null {
  const found = findTokens(mail.to, mail.subject);
  const conversationOf = new Map(candidates.tokens.map((t) => [t.ref.toLowerCase(), t.conversationId]));
  // The address is checked first: clients rewrite subjects far more often than reply addresses.
  for (const [tokens, reason] of [[found.address, 'address_token'], [found.subject, 'subject_token']] as const) {
    for (const token of tokens) {
      const ref = verifyConversationToken(token, mac);
      const hit = ref === null ? undefined : conversationOf.get(ref);
      if (hit) return { kind: 'token', conversationId: hit, reason, matched: token };
    }
  }
  return null;
}

function bySubject(mail: InboundMail, candidates: ThreadCandidates, now: Date, windowMs: number): ThreadChoice | null {
  const subject = normaliseSubject(mail.subject);
  if (!subject) return null;
  const from = mail.from.trim().toLowerCase();
  let best: ThreadCandidates['recent'][number] | null = null;
  for (const c of candidates.recent) {
    if (c.from.trim().toLowerCase() !== from || c.subject !== subject) continue;
    const age = now.getTime() - c.lastActivityAt.getTime();
    if (age > windowMs) continue;
    if (!best || c.lastActivityAt > best.lastActivityAt) best = c;
  }
  return best ? { kind: 'subject', conversationId: best.conversationId, reason: 'sender_subject', matched: subject } : null;
}

export function chooseThread(mail: InboundMail, candidates: ThreadCandidates, now: Date, options: ThreadOptions): ThreadChoice {
  return byMessage(mail, candidates)
    ?? byToken(mail, candidates, options.mac)
    ?? bySubject(mail, candidates, now, options.subjectWindowMs ?? defaultSubjectWindowMs)
    ?? { kind: 'new', reason: 'no_match' };
}
