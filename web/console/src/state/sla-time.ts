/**
 * Pure SLA time helpers for the console: what a promise looks like right now (time left, paused,
 * breached, met), the countdown in words, and the inbox's "time left" order. Time comes in as an
 * argument so the tests need no clock.
 */
import type { Conversation } from '../api/types';
import { clockKinds, type SlaClock } from '../api/sla-types';
import { compareActivity } from './inbox';

export type ClockState =
  | { state: 'running'; secondsLeft: number; soon: boolean }
  | { state: 'breached'; secondsOver: number }
  | { state: 'paused' }
  | { state: 'met'; late: boolean }
  | { state: 'ended'; late: boolean };

/**
 * A promise as of `nowMs`. A running clock whose due time has passed counts as breached even before
 * the scheduler's sweep stamps `breachedAt` (it runs every few seconds), so the red shows on time.
 */
export function clockState(clock: SlaClock, nowMs: number): ClockState {
  if (clock.outcome === 'met') return { state: 'met', late: clock.breachedAt !== null };
  if (clock.outcome === 'ended') return { state: 'ended', late: clock.breachedAt !== null };
  if (clock.paused || clock.dueAt === null) return { state: 'paused' };
  const dueMs = Date.parse(clock.dueAt);
  if (clock.breachedAt !== null || dueMs <= nowMs) return { state: 'breached', secondsOver: Math.max(0, Math.floor((nowMs - dueMs) / 1000)) };
  // Round up, so "0s" is never shown while the promise still holds.
  const secondsLeft = Math.ceil((dueMs - nowMs) / 1000);
  // "Soon": the last fifth of the target (at least the last minute) — amber before red.
  const soon = secondsLeft <= Math.max(60, 0.2 * (clock.targetSeconds ?? 0));
  return { state: 'running', secondsLeft, soon };
}

/** `d0`, `h0`, `m0`: the compact form's single unit ("4h", "15m", "1d") when the smaller part is zero. */
export type DurationUnit = 'd' | 'h' | 'm' | 's' | 'd0' | 'h0' | 'm0';

/**
 * A duration as its two largest units ("2d 3h", "1h 05m", "4m 05s", "45s"); the smaller one is
 * zero-padded so a ticking countdown keeps its width. `compact` (targets, medians) drops a smaller
 * unit that is zero ("4h", not "4h 00m"). Digits stay Latin, as elsewhere in the console; the words
 * come from the dictionary (`sla.duration.<unit>`).
 */
export function durationParts(totalSeconds: number, compact = false): { unit: DurationUnit; vars: Record<'d' | 'h' | 'm' | 's', string> } {
  const t = Math.max(0, Math.floor(totalSeconds));
  const d = Math.floor(t / 86_400);
  const h = Math.floor((t % 86_400) / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return { unit: compact && h === 0 ? 'd0' : 'd', vars: { d: String(d), h: String(h), m: pad(m), s: pad(s) } };
  if (h > 0) return { unit: compact && m === 0 ? 'h0' : 'h', vars: { d: '0', h: String(h), m: pad(m), s: pad(s) } };
  if (m > 0) return { unit: compact && s === 0 ? 'm0' : 'm', vars: { d: '0', h: '0', m: String(m), s: pad(s) } };
  return { unit: 's', vars: { d: '0', h: '0', m: '0', s: String(s) } };
}

/**
 * The promises to show on a conversation: the latest round of each kind, in a fixed order. Ended
 * rounds that were kept are left out (resolving ends the response clocks; nothing was missed).
 */
export function currentClocks(clocks: readonly SlaClock[]): SlaClock[] {
  const out: SlaClock[] = [];
  for (const kind of clockKinds) {
    const latest = clocks.filter((c) => c.kind === kind).reduce<SlaClock | null>((a, c) => (a === null || c.cycle > a.cycle ? c : a), null);
    if (latest && !(latest.outcome === 'ended' && latest.breachedAt === null)) out.push(latest);
  }
  return out;
}

/** Each conversation's soonest running deadline (paused clocks have none), from GET /sla/due. */
export function soonestByConversation(clocks: readonly SlaClock[]): Map<string, SlaClock> {
  const out = new Map<string, SlaClock>();
  for (const clock of clocks) {
    if (clock.outcome !== 'running' || clock.paused || clock.dueAt === null) continue;
    const held = out.get(clock.conversationId);
    if (!held || clock.dueAt < held.dueAt!) out.set(clock.conversationId, clock);
  }
  return out;
}

/**
 * The inbox by time left: soonest deadline first (breached ones, most overdue, at the top), then
 * conversations with no running deadline in their usual order (most recent activity first).
 */
export function sortByTimeLeft(items: readonly Conversation[], soonest: ReadonlyMap<string, SlaClock>): Conversation[] {
  const due = (c: Conversation) => {
    const at = soonest.get(c.id)?.dueAt;
    return at ? Date.parse(at) : null;
  };
  return [...items].sort((a, b) => {
    const da = due(a);
    const db = due(b);
    if (da !== null && db !== null && da !== db) return da - db;
    if (da !== null && db === null) return -1;
    if (da === null && db !== null) return 1;
    return compareActivity(a, b);
  });
}

export type InboxSort = 'recent' | 'time_left';

export function parseInboxSort(text: string | null): InboxSort {
  return text === 'time_left' ? 'time_left' : 'recent';
}

/** The report's window: the last `days` days up to now, as ISO times for GET /sla/report. */
export function reportRange(days: number, nowMs: number): { from: string; to: string } {
  return { from: new Date(nowMs - days * 86_400_000).toISOString(), to: new Date(nowMs).toISOString() };
}

/** "92%" with Latin digits, or null when nothing was decided yet. */
export function sharePercent(share: number | null): string | null {
  return share === null ? null : `${Math.round(share * 100)}%`;
}
