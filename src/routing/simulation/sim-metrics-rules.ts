import type { AgentRun, ItemRun } from './sim-state.ts';

/**
 * What a day under one policy amounted to. A wait ends when an agent who can resolve the item
 * takes it: time with an agent who then hands it on counts as waiting, as the customer lives it.
 * Service levels count every contact of the day (abandoned and never-answered ones fail them);
 * mean and p90 wait are over the answered.
 */
export interface WaitStats {
  offered: number;
  answered: number;
  abandoned: number;
  meanWait: number | null;
  p90Wait: number | null;
}

export interface PolicyMetrics {
  policy: string;
  offered: number;
  handled: number;
  /** Share of chats answered within 30 s, of emails within 15 min (null: none offered). */
  chatWithin30s: number | null;
  emailWithin15min: number | null;
  /** Share of chats that reached any agent within 30 s, one who then handed it on included. */
  chatFirstTouchWithin30s: number | null;
  byChannel: Record<string, WaitStats>;
  overall: WaitStats;
  abandonmentRate: number;
  /** Items given to an agent lacking their language or a skill, who had to hand them on. */
  wrongSkillTransfers: number;
  /** Per agent, the busiest 15-minute slot of the day (capacity in use on the fullest key, averaged over the slot): max and mean over agents who worked. */
  peakOccupancyMax: number;
  peakOccupancyMean: number;
  /** Still waiting or in progress when the run stopped. */
  unfinished: number;
}

export const slotSeconds = 15 * 60;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

export const waitOf = (run: ItemRun): number | null => (run.answeredAt === null ? null : run.answeredAt - run.item.arrival);

function waitStats(runs: readonly ItemRun[]): WaitStats {
  const waits = runs.map(waitOf).filter((w): w is number => w !== null).sort((a, b) => a - b);
  return {
    offered: runs.length,
    answered: waits.length,
    abandoned: runs.filter((r) => r.phase === 'abandoned').length,
    meanWait: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
    p90Wait: percentile(waits, 0.9),
  };
}

function within(runs: readonly ItemRun[], seconds: number, wait: (run: ItemRun) => number | null = waitOf): number | null {
  if (runs.length === 0) return null;
  return runs.filter((r) => {
    const w = wait(r);
    return w !== null && w <= seconds;
  }).length / runs.length;
}

const firstTouchOf = (run: ItemRun): number | null => (run.firstAssignedAt === null ? null : run.firstAssignedAt - run.item.arrival);

/**
 * The busiest 15-minute slot of [0, dayEnd): the agent's fill (share of capacity in use on the
 * fullest key) averaged over the slot. `fill` is a step function: [time, value] in time order.
 */
export function peakOccupancy(fill: readonly [number, number][], dayEnd: number): number {
  const slots = new Array<number>(Math.ceil(dayEnd / slotSeconds)).fill(0);
  fill.forEach(([from, value], i) => {
    const to = Math.min(dayEnd, fill[i + 1]?.[0] ?? dayEnd);
    for (let t = from; t < to && value > 0; ) {
      const slot = Math.floor(t / slotSeconds);
      const end = Math.min(to, (slot + 1) * slotSeconds);
      slots[slot] = (slots[slot] ?? 0) + ((end - t) * value) / slotSeconds;
      t = end;
    }
  });
  return Math.max(0, ...slots);
}

export function computeMetrics(policy: string, items: readonly ItemRun[], agents: readonly AgentRun[], dayEnd: number): PolicyMetrics {
  const byChannel: Record<string, WaitStats> = {};
  for (const channel of [...new Set(items.map((r) => r.item.channel))].sort()) byChannel[channel] = waitStats(items.filter((r) => r.item.channel === channel));
  const overall = waitStats(items);
  const chats = items.filter((r) => r.item.channel === 'chat');
  const peaks = agents.filter((a) => a.worked).map((a) => peakOccupancy(a.fill, dayEnd));
  return {
    policy,
    offered: items.length,
    handled: items.filter((r) => r.phase === 'done').length,
    chatWithin30s: within(chats, 30),
    emailWithin15min: within(items.filter((r) => r.item.channel === 'email'), 15 * 60),
    chatFirstTouchWithin30s: within(chats, 30, firstTouchOf),
    byChannel,
    overall,
    abandonmentRate: items.length ? overall.abandoned / items.length : 0,
    wrongSkillTransfers: items.filter((r) => r.transferred).length,
    peakOccupancyMax: peaks.length ? Math.max(...peaks) : 0,
    peakOccupancyMean: peaks.length ? peaks.reduce((a, b) => a + b, 0) / peaks.length : 0,
    unfinished: items.filter((r) => r.phase !== 'done' && r.phase !== 'abandoned').length,
  };
}
