import { prepareAgent, type AgentProfile } from './agent-profile-rules.ts';
import { freeCapacity, targetAdmits } from './match-score-rules.ts';
import type { RouteTarget } from './route-targets-rules.ts';
import type { AgentState } from './routing-types-rules.ts';
import { isOpenAt, type MinuteOfWeek } from './weekly-hours-rules.ts';

/**
 * Agents indexed for one decision: by id, by team, and per target by language and by skill (only
 * those the target admits and on shift), so a pool is filled from the narrowest bucket. Built lazily: a call about one
 * agent does not prepare ten thousand.
 */
export interface AgentIndex {
  now: Date;
  zoneMinutes: Map<string, MinuteOfWeek | null>;
  states: AgentState[];
  stateById: Map<string, AgentState>;
  profiles: Map<string, AgentProfile>;
  byTeam: Map<string, AgentState[]> | null;
  experts: AgentState[] | null;
  /** unit → 'all' | 'l:<language>' | 's:<skill>' | 'l:<language>|s:<skill>' → members admitted and on shift. */
  buckets: Map<string, Map<string, AgentProfile[]>>;
  /** unit → how many members it has and how many of them have a status it admits. */
  counts: Map<string, { members: number; admitted: number }>;
  /** `${unit}|${capacityKey}` → free slots left among the unit's bucketed agents; filled lazily. */
  free: Map<string, number>;
  /** agent id → the units whose buckets hold the agent, to keep `free` current. */
  unitsOf: Map<string, string[]>;
}

export function agentIndex(now: Date, agents: readonly AgentState[], zoneMinutes: Map<string, MinuteOfWeek | null>): AgentIndex {
  const stateById = new Map<string, AgentState>();
  for (const a of agents) if (!stateById.has(a.id)) stateById.set(a.id, a); // an id listed twice counts once
  return { now, zoneMinutes, states: [...stateById.values()], stateById, profiles: new Map(), byTeam: null, experts: null, buckets: new Map(), counts: new Map(), free: new Map(), unitsOf: new Map() };
}

export function profileOf(index: AgentIndex, state: AgentState): AgentProfile {
  let p = index.profiles.get(state.id);
  if (!p) {
    p = prepareAgent(state, state.shifts.length === 0 || isOpenAt(index.now, state.timeZone, state.shifts, index.zoneMinutes));
    index.profiles.set(state.id, p);
  }
  return p;
}

/** Everyone the target could ever reach, whatever their status. */
export function membersOf(index: AgentIndex, target: RouteTarget): readonly AgentState[] {
  if (target.kind === 'anyone') return index.states;
  if (target.kind === 'on_call_experts') return (index.experts ??= index.states.filter((a) => a.isOnCallExpert === true));
  if (!index.byTeam) {
    const byTeam = new Map<string, AgentState[]>();
    for (const a of index.states) {
      for (const t of new Set(a.teamIds)) {
        const members = byTeam.get(t);
        if (members) members.push(a);
        else byTeam.set(t, [a]);
      }
    }
    index.byTeam = byTeam;
  }
  return index.byTeam.get(target.teamId) ?? [];
}

function bucketsOf(index: AgentIndex, target: RouteTarget): Map<string, AgentProfile[]> {
  const key = target.unit;
  let buckets = index.buckets.get(key);
  if (buckets) return buckets;
  buckets = new Map([['all', []]]);
  const add = (name: string, agent: AgentProfile) => {
    const list = buckets?.get(name);
    if (list) list.push(agent);
    else buckets?.set(name, [agent]);
  };
  // Status and shift cannot change within a decision, so agents who fail them never enter a bucket.
  const members = membersOf(index, target);
  let admitted = 0;
  for (const state of members) {
    if (!targetAdmits(target, state)) continue;
    admitted += 1;
    const agent = profileOf(index, state);
    if (!agent.onShift) continue;
    add('all', agent);
    const units = index.unitsOf.get(agent.id);
    if (units) units.push(key);
    else index.unitsOf.set(agent.id, [key]);
    for (const skill of agent.skills.keys()) add(`s:${skill}`, agent);
    for (const tag of agent.languages.keys()) {
      if (tag.includes('-')) continue; // the family's bucket holds its dialects
      add(`l:${tag}`, agent);
      // Language and skill together narrow a pool far more than either alone.
      for (const skill of agent.skills.keys()) add(`l:${tag}|s:${skill}`, agent);
    }
  }
  index.buckets.set(key, buckets);
  index.counts.set(key, { members: members.length, admitted });
  return buckets;
}

/**
 * How far the target's best agent gets through the rules (see Stage), read from the buckets:
 * members and statuses are counted; then the narrowest bucket is searched for anyone with the
 * language and skills (usually found at once: they are merely busy), else the speakers are examined.
 */
export function bestStageIn(index: AgentIndex, target: RouteTarget, languagePrimary: string | null, skills: readonly string[], stageOf: (agent: AgentProfile) => number): number {
  const buckets = bucketsOf(index, target);
  const counts = index.counts.get(target.unit) ?? { members: 0, admitted: 0 };
  if (counts.members === 0) return 0;
  if (counts.admitted === 0) return 1;
  const all = buckets.get('all') ?? [];
  if (all.length === 0) return 2;
  for (const agent of narrowestBucket(index, target, languagePrimary, skills)) {
    const stage = stageOf(agent);
    if (stage >= 5) return stage;
  }
  const speakers = languagePrimary === null ? all : (buckets.get(`l:${languagePrimary}`) ?? []);
  let best = 3; // on shift, but nobody (here) speaks the language
  for (const agent of speakers) best = Math.max(best, stageOf(agent));
  return best;
}

/** Free slots on a capacity key left among the target's admitted, on-shift agents. */
export function freeIn(index: AgentIndex, target: RouteTarget, capacityKey: string): number {
  const key = `${target.unit}|${capacityKey}`;
  let n = index.free.get(key);
  if (n === undefined) {
    n = 0;
    for (const agent of bucketsOf(index, target).get('all') ?? []) n += Math.max(0, freeCapacity(agent, capacityKey));
    index.free.set(key, n);
  }
  return n;
}

/** Keeps `freeIn` true after the batch gives the agent one more item. */
export function noteAssignment(index: AgentIndex, agentId: string, capacityKey: string): void {
  for (const unit of index.unitsOf.get(agentId) ?? []) {
    const key = `${unit}|${capacityKey}`;
    const n = index.free.get(key);
    if (n !== undefined) index.free.set(key, n - 1);
  }
}

/**
 * The smallest list that still holds every agent of the target who could qualify: anyone eligible
 * speaks the language and has every skill, so any one of those buckets will do.
 */
export function narrowestBucket(index: AgentIndex, target: RouteTarget, languagePrimary: string | null, skills: readonly string[]): readonly AgentProfile[] {
  const buckets = bucketsOf(index, target);
  let best = buckets.get('all') ?? [];
  const names = languagePrimary === null ? skills.map((s) => `s:${s}`) : [`l:${languagePrimary}`, ...skills.map((s) => `l:${languagePrimary}|s:${s}`)];
  for (const name of names) {
    const list = buckets.get(name) ?? [];
    if (list.length < best.length) best = list;
  }
  return best;
}
