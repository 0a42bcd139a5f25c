import { bestAgentForItem, bestItemForAgent } from '../decision/best-match.ts';
import { decideAssignments } from '../decision/decide-assignments.ts';
import type { RoutingPolicyOverrides } from '../decision/routing-policy-rules.ts';
import type { SimPolicy, SimView, Trigger } from './sim-state.ts';

/**
 * Sanad's policy is the real decision function, called as the engine will call it: new work asks
 * for the best agent, a freed agent asks for the best item (until it is full or nothing fits), and
 * the periodic tick decides the whole queue, which is where ageing and overflow take effect.
 */
export function sanadPolicy(overrides?: RoutingPolicyOverrides): SimPolicy {
  const policy = overrides ?? {};
  return {
    name: 'sanad',
    assign(view: SimView, trigger: Trigger) {
      const base = { now: view.nowDate, agents: view.agentStates, teams: view.teams, policy };
      if (trigger.kind === 'arrival') {
        const run = view.queue.get(trigger.itemId);
        if (!run) return;
        const choice = bestAgentForItem({ ...base, item: run.waiting });
        if ('agentId' in choice) view.give(choice.itemId, choice.agentId);
        return;
      }
      if (trigger.kind === 'freed') {
        for (;;) {
          if (view.queue.size === 0) return;
          const choice = bestItemForAgent({ ...base, agentId: trigger.agentId, waiting: [...view.queue.values()].map((r) => r.waiting) });
          if (!('itemId' in choice)) return;
          view.give(choice.itemId, choice.agentId);
        }
      }
      if (view.queue.size === 0) return;
      const decision = decideAssignments({ ...base, waiting: [...view.queue.values()].map((r) => r.waiting) });
      for (const a of decision.assignments) view.give(a.itemId, a.agentId);
    },
  };
}
