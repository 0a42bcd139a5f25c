/**
 * Confidence calibration from held-out logits: temperature scaling (the one temperature that
 * minimises held-out negative log-likelihood) and the out-of-scope threshold on the calibrated
 * top probability. Pure.
 */
import { softmaxInPlace } from './softmax.ts';

export interface HeldOutScore {
  logits: Float64Array;
  /** Label id of the truth, or -1 when the truth is out of scope. */
  truth: number;
}

function negativeLogLikelihood(scores: readonly HeldOutScore[], temperature: number): number {
  let total = 0;
  let counted = 0;
  for (const { logits, truth } of scores) {
    if (truth < 0) continue;
    const p = softmaxInPlace(Float64Array.from(logits), temperature);
    total -= Math.log(Math.max(p[truth] as number, 1e-12));
    counted++;
  }
  return counted === 0 ? 0 : total / counted;
}

/** Golden-section search over log(temperature) in [1/20, 20]. Returns 1 with nothing to fit. */
export function fitTemperature(scores: readonly HeldOutScore[]): number {
  if (!scores.some((s) => s.truth >= 0)) return 1;
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = negativeLogLikelihood(scores, Math.exp(a));
  let fb = negativeLogLikelihood(scores, Math.exp(b));
  for (let i = 0; i < 40; i++) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = negativeLogLikelihood(scores, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = negativeLogLikelihood(scores, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

export interface ThresholdChoice {
  threshold: number;
  /**
   * How it was chosen: the lowest cut-off whose held-out oos recall reaches the floor, balanced
   * on held-out oos examples when none does, or a reject-rate quantile without oos examples.
   */
  method: 'recall-floor' | 'balanced' | 'quantile';
}

/**
 * With at least `minOos` out-of-scope held-out examples: the lowest threshold whose oos recall (an
 * oos-class answer or a rejection counts as caught) reaches `recallFloor` — in-scope accuracy only
 * falls as the threshold rises, so that one keeps the most of it (issue 4 asks for in-scope
 * accuracy first, with a floor on recall). When no threshold reaches the floor, the one maximising
 * the mean of in-scope accuracy (a rejection counts as wrong) and oos recall. Either way among
 * thresholds rejecting at most `maxReject` of the held-out in-scope examples (a few held-out oos
 * examples must not buy recall at any price). Without oos examples, the threshold that rejects
 * `rejectRate` of the held-out in-scope examples.
 */
export function chooseThreshold(
  held: readonly { top: number; predicted: number; truth: number }[],
  oosLabel: number,
  rejectRate: number,
  maxReject = 0.08,
  minOos = 5,
  recallFloor = 0.65,
): ThresholdChoice {
  const inScope = held.filter((h) => h.truth >= 0 && h.truth !== oosLabel);
  const oos = held.filter((h) => h.truth < 0 || h.truth === oosLabel);
  if (inScope.length === 0) return { threshold: 0, method: 'quantile' };
  if (oos.length >= minOos) {
    const candidates = [0, ...new Set(held.map((h) => h.top))].sort((x, y) => x - y);
    let best = { threshold: 0, score: -1 };
    for (const t of candidates) {
      if (inScope.filter((h) => h.top < t).length > maxReject * inScope.length) break;
      const recall = oos.filter((h) => h.top < t || h.predicted === oosLabel).length / oos.length;
      if (recall >= recallFloor) return { threshold: t, method: 'recall-floor' };
      const accuracy = inScope.filter((h) => h.top >= t && h.predicted === h.truth).length / inScope.length;
      const score = (accuracy + recall) / 2;
      if (score > best.score + 1e-12) best = { threshold: t, score };
    }
    return { threshold: best.threshold, method: 'balanced' };
  }
  // Interpolated quantile, so a small held-out slice still yields a threshold above its weakest.
  const tops = inScope.map((h) => h.top).sort((x, y) => x - y);
  const position = Math.min(Math.max(rejectRate, 0), 1) * tops.length - 0.5;
  if (position <= -0.5) return { threshold: 0, method: 'quantile' };
  const lower = Math.min(Math.max(Math.floor(position), 0), tops.length - 1);
  const upper = Math.min(lower + 1, tops.length - 1);
  const fraction = Math.min(Math.max(position - lower, 0), 1);
  const threshold = (tops[lower] as number) + fraction * ((tops[upper] as number) - (tops[lower] as number));
  return { threshold, method: 'quantile' };
}

/**
 * The share w of the second learner's probabilities in (1 − w)·a + w·b that minimises held-out
 * negative log-likelihood, on a grid of twentieths (the blend needs no finer resolution, and a
 * grid cannot wander off on a flat stretch). Both inputs are already temperature-scaled
 * probabilities; truths of -1 (unknown labels) are skipped. Returns 0 with nothing to fit.
 */
export function fitBlend(a: readonly Float64Array[], b: readonly Float64Array[], truths: readonly number[]): number {
  let best = { w: 0, nll: Infinity };
  if (!truths.some((t) => t >= 0)) return 0;
  for (let step = 0; step <= 20; step++) {
    const w = step / 20;
    let nll = 0;
    truths.forEach((t, i) => {
      if (t < 0) return;
      const p = (1 - w) * ((a[i] as Float64Array)[t] as number) + w * ((b[i] as Float64Array)[t] as number);
      nll -= Math.log(Math.max(p, 1e-12));
    });
    if (nll < best.nll - 1e-9) best = { w, nll };
  }
  return best.w;
}
