import { canResolve, freeOn, type AgentRun, type ItemRun, type SimPolicy, type SimView } from './sim-state.ts';

/**
 * The policies Sanad is compared with. Both look only at status, shift, the item's team (the
 * inbox) and free capacity: not at language or skill, so they can hand work to someone who must
 * pass it on. Work passed on goes to someone who can resolve it (the agent picks a colleague).
 * They are given one thing real desks often lack: a freed agent takes the oldest waiting item at
 * once (Chatwoot leaves it waiting, #10583), so the comparison is about who, not when.
 */

type Pick = (candidates: AgentRun[], run: ItemRun, unit: string) => AgentRun | undefined;

function eligible(agent: AgentRun, run: ItemRun): boolean {
  const { state } = agent;
  if (state.status !== 'online' || !agent.onShift || freeOn(state, run.item.capacityKey) <= 0) return false;
  if (run.item.teamId !== null && !state.teamIds.includes(run.item.teamId)) return false;
  return !run.transferred || canResolve(state, run.item);
}

/** Oldest first, every queued item gets an agent while one is free; a kind with none is skipped. */
function drain(view: SimView, pick: Pick): void {
  const exhausted = new Set<string>();
  for (const run of [...view.queue.values()]) {
    const unit = run.item.teamId ?? '*';
    const kind = `${unit}|${run.item.capacityKey}|${run.transferred ? `${run.item.language}|${run.item.skills.join('+')}` : ''}`;
    if (exhausted.has(kind)) continue;
    const agent = pick(view.agents.filter((a) => eligible(a, run)), run, unit);
    if (agent) view.give(run.item.id, agent.state.id);
    else exhausted.add(kind);
  }
}

/** Round robin: the next eligible agent after the last one this team's rotation served. */
export function roundRobinPolicy(): SimPolicy {
  const last = new Map<string, number>();
  return {
    name: 'round_robin',
    assign(view) {
      drain(view, (candidates, _run, unit) => {
        if (candidates.length === 0) return undefined;
        const after = last.get(unit) ?? -1;
        const position = (a: AgentRun) => view.agents.indexOf(a);
        const chosen = candidates.find((a) => position(a) > after) ?? candidates[0];
        if (chosen) last.set(unit, position(chosen));
        return chosen;
      });
    },
  };
}

/** Least loaded: the lowest share of capacity in use on the item's key; ties to the longest idle. */
export function leastLoadedPolicy(): SimPolicy {
  return {
    name: 'least_loaded',
    assign(view) {
      drain(view, (candidates, run) => {
        const key = run.item.capacityKey;
        const ratio = (a: AgentRun) => (a.state.load[key] ?? 0) / (a.state.capacity[key] ?? 1);
        const since = (a: AgentRun) => a.state.lastAssignedAt?.getTime() ?? -Infinity;
        let best: AgentRun | undefined;
        for (const a of candidates) {
          if (!best || ratio(a) < ratio(best) || (ratio(a) === ratio(best) && since(a) < since(best))) best = a;
        }
        return best;
      });
    },
  };
}
