/**
 * The decisions of IMAP fetching, as plain data in and out: where to resume, which UIDs to fetch in
 * which batches, how long to wait before reconnecting, and whether a settings change needs a new
 * connection. The fetcher does the I/O around them.
 */
import type { ImapCursor, ImapMailbox } from './imap-types.ts';

/** Saved in place of a cursor that no longer applies (the mailbox now points elsewhere): start afresh. */
export const forgottenCursor: ImapCursor = Object.freeze({ uidValidity: '', lastUid: 0 });

export type ResumeReason = 'resume' | 'first-sync' | 'uidvalidity-changed';

export interface ResumePoint {
  cursor: ImapCursor;
  reason: ResumeReason;
}

/**
 * UIDs are only meaningful under the UIDVALIDITY they were given in. When the server's differs from
 * the saved one, the old lastUid says nothing about the folder any more, so the only safe place to
 * start is its beginning; the sink's Message-ID dedupe keeps the mails already imported from being
 * imported again.
 */
export function resumePoint(saved: ImapCursor | null, serverUidValidity: string): ResumePoint {
  if (!saved || saved.uidValidity === forgottenCursor.uidValidity) return { cursor: { uidValidity: serverUidValidity, lastUid: 0 }, reason: 'first-sync' };
  if (saved.uidValidity !== serverUidValidity) return { cursor: { uidValidity: serverUidValidity, lastUid: 0 }, reason: 'uidvalidity-changed' };
  return { cursor: { uidValidity: saved.uidValidity, lastUid: saved.lastUid }, reason: 'resume' };
}

/**
 * The range to ask the server for. `n:*` with no UID ≥ n still answers with the highest UID (IMAP
 * reads it as `*:n`), so whatever comes back must also pass `newUids`.
 */
export function uidRangeAfter(lastUid: number): string {
  return `${lastUid + 1}:*`;
}

export interface ListedMail {
  uid: number;
  size: number;
}

/** Only mail after the cursor, each UID once, in UID order: delivery order is what makes the cursor safe. */
export function newUids(listed: readonly ListedMail[], lastUid: number): ListedMail[] {
  const seen = new Set<number>();
  const out: ListedMail[] = [];
  for (const m of listed) {
    if (!Number.isInteger(m.uid) || m.uid <= lastUid || seen.has(m.uid)) continue;
    seen.add(m.uid);
    out.push(m);
  }
  return out.sort((a, b) => a.uid - b.uid);
}

/**
 * Splits the mails to fetch into batches of at most `maxCount` mails and `maxBytes` bytes, keeping
 * UID order, so one FETCH never holds an unbounded amount of mail in memory. A mail larger than
 * `maxBytes` goes in a batch of its own rather than never.
 */
export function planBatches(mails: readonly ListedMail[], maxCount: number, maxBytes: number): number[][] {
  const count = Math.max(1, Math.floor(maxCount));
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const m of mails) {
    const size = Number.isFinite(m.size) && m.size > 0 ? m.size : 0;
    if (current.length > 0 && (current.length >= count || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m.uid);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A UID set for FETCH: runs of consecutive UIDs collapse to `a:b`, keeping the command short. */
export function uidSet(uids: readonly number[]): string {
  const sorted = [...uids].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/**
 * Capped exponential backoff with jitter: the nth failure in a row waits about base·2ⁿ⁻¹, never more
 * than max. Jitter (between half and all of the delay) keeps a fleet whose server restarted from
 * reconnecting all at the same instant. `random` is in [0, 1).
 */
export function reconnectDelay(failures: number, backoff: Backoff, random: number): number {
  const n = Math.max(1, Math.floor(failures));
  const exp = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(n - 1, 30));
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(exp / 2 + (exp / 2) * r);
}

export const defaultFolder = 'INBOX';
export const defaultPollMs = 60_000;
/** Polling faster than this would only load the server. */
export const minPollMs = 1_000;

export function pollInterval(mailbox: Pick<ImapMailbox, 'pollMs'>, fallbackMs = defaultPollMs): number {
  const ms = mailbox.pollMs ?? fallbackMs;
  return Number.isFinite(ms) ? Math.max(minPollMs, ms) : fallbackMs;
}

/**
 * How long the connection may stay silent before it is called dead. The fetcher breaks IDLE (or
 * polls) every poll interval, so a healthy connection is never silent much longer than that.
 */
export function socketTimeoutFor(pollMs: number): number {
  return Math.max(60_000, pollMs * 2 + 30_000);
}

export type WaitMode = 'idle' | 'poll';

export function waitMode(capabilities: Iterable<string>): WaitMode {
  for (const c of capabilities) if (c.toUpperCase() === 'IDLE') return 'idle';
  return 'poll';
}

/** Any change to an updated mailbox gets a new connection: it is cheap, and the cursor makes it safe. */
export function needsRestart(before: ImapMailbox, after: ImapMailbox): boolean {
  return before.host !== after.host || before.port !== after.port || before.secure !== after.secure
    || before.user !== after.user || before.password !== after.password
    || (before.folder ?? defaultFolder) !== (after.folder ?? defaultFolder)
    || before.workspaceId !== after.workspaceId || before.pollMs !== after.pollMs;
}

/**
 * Whether the saved cursor still counts the same folder's UIDs. Pointed at another server, account
 * or folder, the old UIDVALIDITY could match by chance and skip mail, so the cursor is forgotten.
 */
export function cursorStillApplies(before: ImapMailbox, after: ImapMailbox): boolean {
  return before.host.toLowerCase() === after.host.toLowerCase() && before.port === after.port && before.user === after.user
    && (before.folder ?? defaultFolder) === (after.folder ?? defaultFolder);
}
