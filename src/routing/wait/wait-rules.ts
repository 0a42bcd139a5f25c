/**
 * The honest wait: how long a conversation in one queue (team + channel) will wait for an agent,
 * from live state only — who can take the work now, their free seats and load, the place in the
 * queue, and how long agents recently took per conversation. When there is no basis (nobody who
 * could take it, or no recent handle times while every seat is busy) the answer is null: we say
 * we do not know rather than guess.
 */
import type { RoutingAgentStatus } from '../decision/routing-types-rules.ts';

export interface WaitAgent {
  status: RoutingAgentStatus;
  teamIds: readonly string[];
  languages: readonly { code: string; proficiency: number }[];
  /** Seats on the queue's capacity key (chat, email, messaging, callback). */
  capacity: number;
  /** Items held now on that key. */
  load: number;
  onShift: boolean;
}

export interface WaitQueueState {
  channel: string;
  /** null: any agent may take it. */
  teamId: string | null;
  /** A BCP 47 tag the agent must speak; null: any. */
  language: string | null;
  agents: readonly WaitAgent[];
  /** Items in this queue that will be taken before this one. */
  ahead: number;
  /** Median seconds an agent holds one item on this channel, recently; null without history. */
  medianHandleSeconds: number | null;
}

export type WaitReason = 'seat_free' | 'queue' | 'no_agent_available' | 'no_recent_handle_times';

export interface WaitBasis {
  reason: WaitReason;
  /** Agents who can take this work now (online, on shift, in the team, speaking the language). */
  agents: number;
  seats: number;
  freeSeats: number;
  ahead: number;
  medianHandleSeconds: number | null;
}

export interface WaitPrediction {
  predictedSeconds: number | null;
  basis: WaitBasis;
}

// The same reading of language tags as the decision's ('ar_EG' → 'ar-eg', whose primary tag is 'ar').
const normalizeTag = (code: string) => code.trim().toLowerCase().replace(/_/g, '-');
const primaryTag = (tag: string) => tag.split('-')[0] ?? tag;

function speaks(agent: WaitAgent, language: string | null): boolean {
  if (!language) return true;
  const want = normalizeTag(language);
  const wantPrimary = primaryTag(want);
  return agent.languages.some((l) => l.proficiency > 0 && (normalizeTag(l.code) === want || primaryTag(normalizeTag(l.code)) === wantPrimary));
}

/** Who can take this queue's work: the same gate the decision applies (status, shift, team, language, a seat at all). */
export function eligibleAgents(q: Pick<WaitQueueState, 'teamId' | 'language' | 'agents'>): WaitAgent[] {
  return q.agents.filter((a) => a.status === 'online' && a.onShift && a.capacity > 0 && (q.teamId === null || a.teamIds.includes(q.teamId)) && speaks(a, q.language));
}

/**
 * With F free seats the first F in line are taken at once (0 s). Beyond that, item number N+1
 * needs the (N − F + 1)th seat to free up; M busy seats free one item each per median handle
 * time h, so that takes about (N − F + 1) · h / M — close to ceil(N / M) · h.
 */
export function predictWait(q: WaitQueueState): WaitPrediction {
  const able = eligibleAgents(q);
  const seats = able.reduce((n, a) => n + a.capacity, 0);
  const freeSeats = able.reduce((n, a) => n + Math.max(0, a.capacity - a.load), 0);
  const ahead = Math.max(0, Math.floor(q.ahead));
  const basis = (reason: WaitReason): WaitBasis => ({ reason, agents: able.length, seats, freeSeats, ahead, medianHandleSeconds: q.medianHandleSeconds });
  if (able.length === 0) return { predictedSeconds: null, basis: basis('no_agent_available') };
  if (freeSeats > ahead) return { predictedSeconds: 0, basis: basis('seat_free') };
  const h = q.medianHandleSeconds;
  if (h === null || !Number.isFinite(h) || h <= 0) return { predictedSeconds: null, basis: basis('no_recent_handle_times') };
  return { predictedSeconds: Math.round(((ahead - freeSeats + 1) * h) / seats), basis: basis('queue') };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Measured {
  channel: string;
  predictedSeconds: number | null;
  actualSeconds: number;
}

export interface ChannelAccuracy {
  channel: string;
  /** Waits that ended with a prediction to compare. */
  count: number;
  /** Waits that ended when we had said "we do not know". */
  unpredicted: number;
  medianAbsoluteErrorSeconds: number | null;
  /** Share (0–1) of predictions within ±30 s of the actual wait. */
  within30Seconds: number | null;
  /** Share (0–1) of predictions within ±50 % of the actual wait (or ±30 s for very short waits). */
  within50Percent: number | null;
}

/** How far the predictions were from the waits that followed, per channel. */
export function waitAccuracy(rows: readonly Measured[]): ChannelAccuracy[] {
  const byChannel = new Map<string, Measured[]>();
  for (const r of rows) byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), r]);
  return [...byChannel.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([channel, list]) => {
    const known = list.filter((r): r is Measured & { predictedSeconds: number } => r.predictedSeconds !== null);
    const errors = known.map((r) => Math.abs(r.predictedSeconds - r.actualSeconds));
    const share = (ok: (r: (typeof known)[number], error: number) => boolean) =>
      known.length === 0 ? null : known.filter((r, i) => ok(r, errors[i]!)).length / known.length;
    return {
      channel, count: known.length, unpredicted: list.length - known.length, medianAbsoluteErrorSeconds: median(errors),
      within30Seconds: share((_r, e) => e <= 30),
      within50Percent: share((r, e) => e <= Math.max(30, 0.5 * r.actualSeconds)),
    };
  });
}
