/**
 * The honest wait from live state: the routing engine's own view of agents and waiting work,
 * plus recent handle times, read at most once every few seconds per workspace (every waiting
 * visitor asks often, and the answer moves slowly).
 */
import { channelLoad, type Channel } from '../../conversations/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { capacityKeyOf } from '../decision/item-priority-rules.ts';
import { resolvePolicy, type RoutingPolicy } from '../decision/routing-policy-rules.ts';
import type { AgentState, WaitingItem } from '../decision/routing-types-rules.ts';
import { isOpenAt } from '../decision/weekly-hours-rules.ts';
import { loadRoutingState } from '../engine/routing-state.ts';
import { predictWait, type WaitAgent, type WaitPrediction } from './wait-rules.ts';
import { medianHandleByChannel, offerThresholds } from './wait-store.ts';

interface LiveState {
  now: Date;
  waiting: WaitingItem[];
  agents: AgentState[];
  handles: Map<string, number>;
  /** Start-to-resolution medians from conversations, per channel, read once per cached state. */
  fallbackHandles: Map<string, Promise<number | null>>;
  thresholds: Record<string, number>;
}

const policy: RoutingPolicy = resolvePolicy();
const cacheMs = 3000;
const handleWindowMs = 7 * 86_400_000;
const recent = new WeakMap<object, Map<string, { until: number; state: Promise<LiveState> }>>();

async function readLive(ctx: CommandContext, workspaceId: string): Promise<LiveState> {
  const now = ctx.clock();
  const [state, handles, thresholds] = await Promise.all([
    loadRoutingState(ctx, workspaceId, policy),
    medianHandleByChannel(ctx.db, workspaceId, new Date(now.getTime() - handleWindowMs)),
    offerThresholds(ctx.db, workspaceId),
  ]);
  return { now, waiting: state.waiting, agents: state.agents, handles, fallbackHandles: new Map(), thresholds };
}

function liveState(ctx: CommandContext, workspaceId: string, fresh: boolean): Promise<LiveState> {
  const nowMs = ctx.clock().getTime();
  let byWorkspace = recent.get(ctx);
  if (!byWorkspace) recent.set(ctx, (byWorkspace = new Map()));
  const cached = byWorkspace.get(workspaceId);
  if (cached && cached.until > nowMs && !fresh) return cached.state;
  const state = readLive(ctx, workspaceId);
  byWorkspace.set(workspaceId, { until: nowMs + cacheMs, state });
  state.catch(() => byWorkspace.delete(workspaceId));
  return state;
}

/** Recent handle time: agent-held time we measured ourselves, else start-to-resolution from conversations. */
async function handleSeconds(ctx: CommandContext, workspaceId: string, live: LiveState, channel: string): Promise<number | null> {
  const measured = live.handles.get(channel);
  if (measured !== undefined) return measured;
  let fallback = live.fallbackHandles.get(channel);
  if (!fallback) live.fallbackHandles.set(channel, (fallback = channelLoad(ctx, workspaceId, channel as Channel).then((l) => l.medianHandleSeconds)));
  return fallback;
}

export function waitAgents(agents: readonly AgentState[], channel: string, now: Date): WaitAgent[] {
  const key = capacityKeyOf(channel, policy);
  const zones = new Map<string, number | null>();
  return agents.map((a) => ({
    status: a.status, teamIds: a.teamIds, languages: a.languages, capacity: a.capacity[key] ?? 0, load: a.load[key] ?? 0,
    onShift: a.shifts.length === 0 || isOpenAt(now, a.timeZone, a.shifts, zones),
  }));
}

export interface WaitQuery {
  channel: string;
  teamId?: string | null | undefined;
  language?: string | null | undefined;
  /** A conversation already waiting: its own place, team and language. Without it: a new arrival. */
  conversationId?: string | undefined;
  /** Skip the few-seconds cache (e.g. to record a prediction right as the wait starts). */
  fresh?: boolean;
}

export interface QueueWait extends WaitPrediction {
  channel: string;
  teamId: string | null;
  /** 1 = next; null for a new arrival or a conversation that is not waiting. */
  position: number | null;
  /** The predicted wait past which the customer is offered a callback or email; null: never. */
  offerAfterSeconds: number | null;
}

const before = (a: WaitingItem, b: WaitingItem) => a.enqueuedAt.getTime() < b.enqueuedAt.getTime() || (a.enqueuedAt.getTime() === b.enqueuedAt.getTime() && a.id < b.id);

/** The predicted wait of one queue (team + channel), or of one waiting conversation in it. */
export async function queueWait(ctx: CommandContext, workspaceId: string, q: WaitQuery): Promise<QueueWait> {
  const live = await liveState(ctx, workspaceId, q.fresh ?? false);
  const item = q.conversationId ? live.waiting.find((w) => w.id === q.conversationId) : undefined;
  const channel = item?.channel ?? q.channel;
  const teamId = item ? item.teamId : (q.teamId ?? null);
  const language = item ? item.requiredLanguage : (q.language ?? null);
  const queue = live.waiting.filter((w) => w.channel === channel && w.teamId === teamId && w.id !== item?.id);
  const ahead = item ? queue.filter((w) => before(w, item)).length : queue.length;
  const prediction = predictWait({
    channel, teamId, language, agents: waitAgents(live.agents, channel, live.now), ahead,
    medianHandleSeconds: await handleSeconds(ctx, workspaceId, live, channel),
  });
  return { ...prediction, channel, teamId, position: item ? ahead + 1 : null, offerAfterSeconds: live.thresholds[channel] ?? null };
}
