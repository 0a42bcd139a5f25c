import type { AgentState, TeamRouting } from '../decision/routing-types-rules.ts';
import type { SimItem } from './arrivals.ts';
import { EventQueue } from './event-queue-rules.ts';
import { dayStartMs, weeklyWindows, windowChanges } from './sim-clock.ts';
import { canResolve, fillOf, type AgentRun, type ItemRun, type SimPolicy, type SimView, type Trigger } from './sim-state.ts';
import type { Scenario } from './scenario-types-rules.ts';

type SimEvent =
  | { kind: 'arrival'; run: ItemRun }
  | { kind: 'complete'; run: ItemRun }
  | { kind: 'transfer'; run: ItemRun }
  | { kind: 'abandon'; run: ItemRun; token: number }
  | { kind: 'shift'; agent: AgentRun; open: boolean }
  | { kind: 'tick' };

export interface DayRun {
  policy: string;
  items: ItemRun[];
  agents: AgentRun[];
  /** Seconds: the simulated day, and when the run stopped working the backlog. */
  dayEnd: number;
  horizon: number;
}

const day = 24 * 3600;

function agentStates(scenario: Scenario): AgentState[] {
  return scenario.agents.map((a) => ({
    id: a.id,
    teamIds: a.teams,
    status: a.status,
    languages: Object.entries(a.languages).map(([code, proficiency]) => ({ code, proficiency })),
    skills: Object.entries(a.skills).map(([name, proficiency]) => ({ name, proficiency })),
    capacity: { ...a.capacity },
    load: {},
    lastAssignedAt: null,
    timeZone: a.timeZone,
    shifts: weeklyWindows(a.shifts),
    isOnCallExpert: a.onCallExpert,
  }));
}

export function teamRoutings(scenario: Scenario): TeamRouting[] {
  return scenario.teams.map((t) => ({ ...t, hours: t.hours && { timeZone: t.hours.timeZone, windows: weeklyWindows(t.hours.windows) } }));
}

/**
 * One simulated day under one policy. Deterministic: everything random is in `items`, and events
 * at the same second run in the order they were scheduled.
 */
export function runDay(scenario: Scenario, items: readonly SimItem[], policy: SimPolicy): DayRun {
  const startMs = dayStartMs(scenario.date, scenario.timeZone);
  const horizon = day + scenario.drainHours * 3600;
  const events = new EventQueue<SimEvent>();
  const queue = new Map<string, ItemRun>();
  const agents: AgentRun[] = agentStates(scenario).map((state) => ({ state, onShift: false, fill: [[0, 0]], worked: false }));
  const agentById = new Map(agents.map((a) => [a.state.id, a]));
  const runs: ItemRun[] = items.map((item) => ({
    item,
    waiting: { id: item.id, channel: item.channel, priority: item.priority, enqueuedAt: new Date(startMs + item.arrival * 1000), teamId: item.teamId, requiredLanguage: item.language, requiredSkills: item.skills, previousAgentIds: [] },
    phase: 'upcoming', queuedSince: item.arrival, patienceLeft: item.patienceSeconds, token: 0, firstAssignedAt: null, answeredAt: null, transferred: false, agentId: null, doneAt: null,
  }));
  let now = 0;
  let unfinished = runs.length;
  const view: SimView = {
    now: 0,
    nowDate: new Date(startMs),
    queue,
    agents,
    agentById,
    agentStates: agents.map((a) => a.state),
    teams: teamRoutings(scenario),
    give,
  };

  function enqueue(run: ItemRun): void {
    run.phase = 'queued';
    run.queuedSince = now;
    queue.set(run.item.id, run);
    if (Number.isFinite(run.patienceLeft)) events.schedule(now + Math.max(0, run.patienceLeft), { kind: 'abandon', run, token: run.token });
  }

  function give(itemId: string, agentId: string): void {
    const run = queue.get(itemId);
    const agent = agentById.get(agentId);
    if (!run || !agent) throw new Error(`policy ${policy.name} gave ${itemId} to ${agentId}, but one of them is not available`);
    const key = run.item.capacityKey;
    queue.delete(itemId);
    run.token += 1;
    run.patienceLeft -= now - run.queuedSince;
    run.agentId = agentId;
    run.firstAssignedAt ??= now;
    agent.state.load[key] = (agent.state.load[key] ?? 0) + 1;
    agent.state.lastAssignedAt = view.nowDate;
    agent.fill.push([now, fillOf(agent.state)]);
    if (canResolve(agent.state, run.item)) {
      run.phase = 'handling';
      run.answeredAt = now;
      events.schedule(now + run.item.handleSeconds, { kind: 'complete', run });
    } else {
      run.phase = 'wrong_agent';
      run.transferred = true;
      events.schedule(now + scenario.transferSeconds, { kind: 'transfer', run });
    }
  }

  function release(run: ItemRun): AgentRun {
    const agent = agentById.get(run.agentId ?? '') as AgentRun;
    const key = run.item.capacityKey;
    agent.state.load[key] = (agent.state.load[key] ?? 1) - 1;
    agent.fill.push([now, fillOf(agent.state)]);
    return agent;
  }

  const trigger = (t: Trigger) => policy.assign(view, t);

  for (const run of runs) events.schedule(run.item.arrival, { kind: 'arrival', run });
  for (const agent of agents) {
    for (const change of windowChanges(startMs, agent.state.timeZone, agent.state.shifts, horizon)) events.schedule(change.at, { kind: 'shift', agent, open: change.open });
  }
  events.schedule(0, { kind: 'tick' });

  for (let next = events.next(); next && next.at <= horizon; next = events.next()) {
    now = next.at;
    view.now = now;
    view.nowDate = new Date(startMs + now * 1000);
    const e = next.event;
    switch (e.kind) {
      case 'arrival':
        enqueue(e.run);
        trigger({ kind: 'arrival', itemId: e.run.item.id });
        break;
      case 'complete':
        e.run.phase = 'done';
        e.run.doneAt = now;
        unfinished -= 1;
        trigger({ kind: 'freed', agentId: release(e.run).state.id });
        break;
      case 'transfer': {
        const agent = release(e.run);
        e.run.agentId = null;
        enqueue(e.run);
        trigger({ kind: 'freed', agentId: agent.state.id });
        if (e.run.phase === 'queued') trigger({ kind: 'arrival', itemId: e.run.item.id });
        break;
      }
      case 'abandon':
        if (e.run.phase !== 'queued' || e.run.token !== e.token) break;
        e.run.phase = 'abandoned';
        e.run.doneAt = now;
        unfinished -= 1;
        queue.delete(e.run.item.id);
        break;
      case 'shift':
        e.agent.onShift = e.open;
        if (e.open && now < day) e.agent.worked = true;
        if (e.open) trigger({ kind: 'freed', agentId: e.agent.state.id });
        break;
      case 'tick':
        if (queue.size > 0) trigger({ kind: 'tick' });
        if (now + scenario.tickSeconds <= horizon && (now < day || unfinished > 0)) events.schedule(now + scenario.tickSeconds, { kind: 'tick' });
        break;
    }
  }
  return { policy: policy.name, items: runs, agents, dayEnd: day, horizon };
}
