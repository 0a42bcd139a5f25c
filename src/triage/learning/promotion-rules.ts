/**
 * Whether a freshly trained model may replace the one in use. Both are measured on the same
 * held-back curated examples; the candidate ships only when it is at least as good, so a burst of
 * wrong labels can never make triage worse. Pure.
 */
export interface HeldOutScore {
  examples: number;
  accuracy: number;
  macroF1: number;
}

export type Promotion =
  | { ship: true; reason: 'first_model' | 'not_worse' }
  | { ship: false; reason: 'worse_than_active' | 'nothing_to_judge_by' };

export function decidePromotion(candidate: HeldOutScore, active: HeldOutScore | null): Promotion {
  if (active === null) return { ship: true, reason: 'first_model' };
  // Without held-back examples there is no evidence either way: keep what we have.
  if (candidate.examples === 0) return { ship: false, reason: 'nothing_to_judge_by' };
  if (candidate.accuracy < active.accuracy) return { ship: false, reason: 'worse_than_active' };
  if (candidate.accuracy === active.accuracy && candidate.macroF1 < active.macroF1) return { ship: false, reason: 'worse_than_active' };
  return { ship: true, reason: 'not_worse' };
}
