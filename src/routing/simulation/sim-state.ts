import type { AgentState, TeamRouting, WaitingItem } from '../decision/routing-types-rules.ts';
import type { SimItem } from './arrivals.ts';

/** The mutable state of one simulated day, shared by the engine and the policies. */

export type ItemPhase = 'upcoming' | 'queued' | 'wrong_agent' | 'handling' | 'done' | 'abandoned';

export interface ItemRun {
  item: SimItem;
  /** The same object on every call, as a store would hand the engine. */
  waiting: WaitingItem;
  phase: ItemPhase;
  queuedSince: number;
  /** Patience left for time spent queued; a transfer puts the customer back in the queue. */
  patienceLeft: number;
  /** Bumped whenever the item leaves the queue, so a stale abandonment event is ignored. */
  token: number;
  /** When any agent first took it, able to help or not. */
  firstAssignedAt: number | null;
  /** When an agent who can help took it (its wait ends here). */
  answeredAt: number | null;
  /** Handed on because the first agent lacked the language or a skill. */
  transferred: boolean;
  agentId: string | null;
  doneAt: number | null;
}

export interface AgentRun {
  /** What the decision reads; the engine keeps load and lastAssignedAt current. */
  state: AgentState;
  onShift: boolean;
  /** Since when the agent's fill (see fillOf) has had each value: [time, fill], in time order. */
  fill: [number, number][];
  /** Was on shift at some point of the simulated day (occupancy is averaged over these). */
  worked: boolean;
}

export interface SimView {
  now: number;
  nowDate: Date;
  /** Queued items in the order they entered the queue. */
  queue: ReadonlyMap<string, ItemRun>;
  agents: readonly AgentRun[];
  agentById: ReadonlyMap<string, AgentRun>;
  agentStates: readonly AgentState[];
  teams: readonly TeamRouting[];
  /** Gives the item to the agent now; the state changes at once. */
  give(itemId: string, agentId: string): void;
}

export type Trigger = { kind: 'arrival'; itemId: string } | { kind: 'freed'; agentId: string } | { kind: 'tick' };

export interface SimPolicy {
  name: string;
  assign(view: SimView, trigger: Trigger): void;
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0] ?? tag;

/** Can the agent resolve the item himself: speaks its language and has every skill it needs. */
export function canResolve(agent: AgentState, item: SimItem): boolean {
  const need = primary(item.language);
  if (!agent.languages.some((l) => l.proficiency >= 1 && primary(l.code) === need)) return false;
  return item.skills.every((s) => agent.skills.some((k) => k.proficiency >= 1 && k.name.toLowerCase() === s.toLowerCase()));
}

/** The share of capacity in use on the agent's fullest capacity key: 0 idle, 1 full somewhere. */
export function fillOf(agent: AgentState): number {
  let fill = 0;
  for (const [key, capacity] of Object.entries(agent.capacity)) if (capacity > 0) fill = Math.max(fill, (agent.load[key] ?? 0) / capacity);
  return Math.min(1, fill);
}

export function freeOn(agent: AgentState, key: string): number {
  return (agent.capacity[key] ?? 0) - (agent.load[key] ?? 0);
}
