/**
 * How urgently a support message needs a human: a 0…100 score from additive, documented weights,
 * cut into levels, with a stable reason code for every weight that applied. Pure: the caller
 * passes the wait, the contact count and the sentiment in; nothing reads a clock.
 *
 * Weights (points on top of a base of 25, so a plain question is 'normal'):
 *   wording:safety 50        people's safety comes before money: critical on its own (75).
 *   wording:fraud 35         money leaving without consent keeps leaving until someone acts.
 *   wording:hacked 35        same clock as fraud, plus data exposure.
 *   wording:legal 30         lawyer or regulator: cost and reputation risk; high on its own.
 *   wording:money_lost 25    the customer's money is missing; high on its own (50).
 *   wording:charged_twice 25 a duplicate charge: money, but usually reversible; high on its own.
 *   wording:cannot_login 18  blocked from the product, rarely dangerous; high with any aggravator.
 *   wording:cancel 15        churn threat: worth a quick save, not an emergency.
 *   wording:urgent 12        self-declared urgency is cheap to type, so it only nudges.
 *   wording:not_urgent -10   "no rush", "مش ضروري": the customer tells us to wait.
 *   sentiment:negative 5…15  anger raises the cost of a slow reply, scaled by how negative.
 *   sentiment:positive -10   a happy "thanks, sorted" can wait (only with no urgent wording).
 *   tier:vip 15, tier:enterprise 12, tier:premium|business|gold 8   contractual expectations.
 *   repeat:1 8, repeat:2 15, repeat:3+ 22   every earlier contact today is a failed one.
 *   wait:>5m 5, wait:>15m 10, wait:>1h 15, wait:>4h 20   waiting already spent counts.
 *   channel:voice 5, channel:public 5   a caller is on the line; a public post is seen by others.
 * Levels: low < 20 ≤ normal < 45 ≤ high < 70 ≤ critical.
 */
import { matchWording } from './match-wording.ts';
import { type WordingReason } from './wording.ts';

export type UrgencyLevel = 'low' | 'normal' | 'high' | 'critical';

export interface UrgencyInput {
  text: string;
  sentiment: { label: 'negative' | 'neutral' | 'positive'; score: number };
  /** e.g. 'vip', 'enterprise', 'standard'; unknown tiers add nothing. */
  tier?: string | null;
  /** Earlier conversations by this customer in the last 24 hours. */
  contactsInLastDay: number;
  waitedSeconds: number;
  channel?: string;
}

export interface Urgency {
  level: UrgencyLevel;
  score: number;
  /** Stable codes, strongest first: 'wording:fraud', 'sentiment:negative', 'tier:vip', 'repeat:2', 'wait:>5m'… */
  reasons: string[];
}

export const baseScore = 25;
export const levelFloors = { normal: 20, high: 45, critical: 70 } as const;

export const wordingWeights: Readonly<Record<WordingReason, number>> = {
  safety: 50, fraud: 35, hacked: 35, legal: 30, money_lost: 25, charged_twice: 25, cannot_login: 18, cancel: 15, urgent: 12,
};
const notUrgent = -10;
const positiveRelief = -10;
const tierWeights: Readonly<Record<string, number>> = { vip: 15, enterprise: 12, premium: 8, business: 8, gold: 8 };
const repeatWeights = [0, 8, 15, 22] as const;
const waitSteps: ReadonlyArray<readonly [number, string, number]> = [[14_400, '>4h', 20], [3_600, '>1h', 15], [900, '>15m', 10], [300, '>5m', 5]];
const voiceChannels = new Set(['phone', 'voice', 'call']);
const publicChannels = new Set(['twitter', 'x', 'facebook', 'instagram', 'social', 'public']);

export function assessUrgency(input: UrgencyInput): Urgency {
  const parts: Array<[string, number]> = [];
  const { reasons: found, negatedUrgent } = matchWording(input.text);
  for (const reason of found) parts.push([`wording:${reason}`, wordingWeights[reason]]);
  if (negatedUrgent && !found.includes('urgent')) parts.push(['wording:not_urgent', notUrgent]);

  const { label, score } = input.sentiment;
  if (label === 'negative') parts.push(['sentiment:negative', Math.round(5 + 10 * Math.min(1, Math.abs(score)))]);
  if (label === 'positive' && score >= 0.4 && found.length === 0) parts.push(['sentiment:positive', positiveRelief]);

  const tier = input.tier?.trim().toLowerCase();
  const tierWeight = tier ? tierWeights[tier] : undefined;
  if (tier && tierWeight) parts.push([`tier:${tier}`, tierWeight]);

  const contacts = Math.max(0, Math.floor(input.contactsInLastDay));
  if (contacts > 0) parts.push([contacts >= 3 ? 'repeat:3+' : `repeat:${contacts}`, repeatWeights[Math.min(contacts, 3)] ?? 0]);

  const wait = waitSteps.find(([seconds]) => input.waitedSeconds >= seconds);
  if (wait) parts.push([`wait:${wait[1]}`, wait[2]]);

  const channel = input.channel?.trim().toLowerCase() ?? '';
  if (voiceChannels.has(channel)) parts.push(['channel:voice', 5]);
  else if (publicChannels.has(channel)) parts.push(['channel:public', 5]);

  const total = Math.max(0, Math.min(100, baseScore + parts.reduce((sum, [, w]) => sum + w, 0)));
  return { level: levelOf(total), score: total, reasons: rank(parts) };
}

export function levelOf(score: number): UrgencyLevel {
  if (score >= levelFloors.critical) return 'critical';
  if (score >= levelFloors.high) return 'high';
  if (score >= levelFloors.normal) return 'normal';
  return 'low';
}

/** Reasons by weight (largest effect first), ties in the order they were found. */
function rank(parts: ReadonlyArray<[string, number]>): string[] {
  return parts.map(([code, weight], i) => ({ code, weight, i })).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.i - b.i).map((p) => p.code);
}
