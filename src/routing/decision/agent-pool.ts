import { freeIn, narrowestBucket, type AgentIndex } from './agent-index.ts';
import { BinaryHeap } from './binary-heap-rules.ts';
import { candidate, compareCandidates, eligibleStage, qualifies, rescore, type Candidate, type ItemNeeds } from './match-score-rules.ts';
import type { RoutingPolicy } from './routing-policy-rules.ts';
import type { RouteTarget } from './route-targets-rules.ts';

/**
 * Eligible agents of one target for one kind of need (capacity key, language, skills), best first,
 * scored without overflow hops so items at different hops share it. Entries go stale when their
 * agent is assigned; load and last-assigned only grow, so an agent only gets worse and is re-scored
 * when it reaches the top: a lazy decrease-key, O(log n) per assignment.
 */
export interface AgentPool {
  heap: BinaryHeap<Candidate>;
  /** Someone was eligible when the pool was built: once empty, the reason is capacity. */
  hadEligible: boolean;
}

/** needsKey → target unit → pool. */
export type AgentPools = Map<string, Map<string, AgentPool>>;

function buildPool(needs: ItemNeeds, target: RouteTarget, index: AgentIndex, policy: RoutingPolicy): AgentPool {
  const unit: RouteTarget = { ...target, hop: 0 };
  const eligible: Candidate[] = [];
  // Buckets hold only agents the target admits and who are on shift, so the rest is agent-side.
  for (const agent of narrowestBucket(index, unit, needs.languagePrimary, needs.skills)) {
    if (qualifies(needs, agent, policy) === eligibleStage) eligible.push(candidate(needs, agent, unit, null, policy));
  }
  return { heap: new BinaryHeap(compareCandidates, eligible), hadEligible: eligible.length > 0 };
}

/** The pool's best agent who can still take the item (its score without overflow hops), or null. */
export function topOfPool(pools: AgentPools, needs: ItemNeeds, target: RouteTarget, index: AgentIndex, policy: RoutingPolicy): { top: Candidate | null; hadEligible: boolean } {
  // A unit with no free slot left on this key cannot help, whatever the needs: skip building.
  if (freeIn(index, target, needs.capacityKey) <= 0) return { top: null, hadEligible: false };
  let byUnit = pools.get(needs.needsKey);
  if (!byUnit) pools.set(needs.needsKey, (byUnit = new Map()));
  let pool = byUnit.get(target.unit);
  if (!pool) byUnit.set(target.unit, (pool = buildPool(needs, target, index, policy)));
  for (let top = pool.heap.peek(); top; top = pool.heap.peek()) {
    if (top.version === top.agent.version) return { top, hadEligible: pool.hadEligible };
    pool.heap.pop();
    const fresh = rescore(top, needs.capacityKey, policy); // within a batch only load and last-assigned change
    if (fresh) pool.heap.push(fresh);
  }
  return { top: null, hadEligible: pool.hadEligible };
}
