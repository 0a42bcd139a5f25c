import type { RoutingPolicy } from './routing-policy-rules.ts';
import type { WaitingItem } from './routing-types-rules.ts';

/** The capacity an item counts against: WhatsApp, SMS and Telegram share 'messaging'. */
export function capacityKeyOf(channel: string, policy: RoutingPolicy): string {
  return policy.channelCapacity[channel] ?? channel;
}

/**
 * Effective priority grows with the wait, so a low-priority item is never starved: after
 * `ageingSecondsPerLevel` seconds it ranks with a fresh item one level above it.
 */
export function effectivePriority(item: WaitingItem, now: Date, policy: RoutingPolicy): number {
  const key = capacityKeyOf(item.channel, policy);
  const perLevel = policy.ageingSecondsPerLevel[key] ?? policy.defaultAgeingSecondsPerLevel;
  const waited = waitedSeconds(item, now);
  const urgency = Math.min(1, Math.max(0, item.urgency ?? 0));
  const tier = item.customerTier ? (policy.tierLevels[item.customerTier] ?? 0) : 0;
  const due = item.dueAt && item.dueAt.getTime() - now.getTime() <= policy.dueSoonSeconds * 1000 ? policy.dueLevels : 0;
  return policy.priorityLevels[item.priority] + urgency * policy.urgencyLevels + tier + due + (perLevel > 0 ? waited / perLevel : 0);
}

/** Never negative: an item stamped slightly in the future (clock skew) has simply not waited yet. */
export function waitedSeconds(item: WaitingItem, now: Date): number {
  return Math.max(0, (now.getTime() - item.enqueuedAt.getTime()) / 1000);
}

export interface RankedItem {
  item: WaitingItem;
  effectivePriority: number;
  enqueuedMs: number;
}

/** Highest effective priority first; then the longest waiting; then by id, so runs are repeatable. */
export function compareRanked(a: RankedItem, b: RankedItem): number {
  return b.effectivePriority - a.effectivePriority || a.enqueuedMs - b.enqueuedMs || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
}

export function rankItems(items: readonly WaitingItem[], now: Date, policy: RoutingPolicy): RankedItem[] {
  return items
    .map((item) => ({ item, effectivePriority: effectivePriority(item, now, policy), enqueuedMs: item.enqueuedAt.getTime() }))
    .sort(compareRanked);
}
