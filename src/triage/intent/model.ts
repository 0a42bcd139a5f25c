/**
 * A trained intent model: feature space + softmax weights + (optionally) a hidden-layer network +
 * calibration. Probabilities are the two learners' temperature-scaled softmaxes mixed by `blend`.
 * `classify` answers the calibrated ranking and `oos` when the top calibrated probability is under
 * the threshold (or the top label is the learnt `oos` class). Pure: no I/O (see model-files.ts).
 */
import { vectorize, type FeatureOptions, type FeatureSpace, type SparseVector } from './features.ts';
import { hiddenScoreInto, type HiddenNet } from './hidden.ts';
import { scoreInto, softmaxInPlace, type SoftmaxWeights } from './softmax.ts';

export const OOS = 'oos';

/** v3: adds the hidden-layer network and the blend; v2 files lack them, v1 files hash differently. */
export const MODEL_FORMAT = 'sanad-intent-v3';

export interface RankedLabel {
  label: string;
  p: number;
}

export interface IntentResult {
  /** The answer: the top label, or `oos` when out of scope. */
  label: string;
  /** Calibrated probability of the top label. */
  confidence: number;
  /** Every label by calibrated probability, highest first. */
  ranked: RankedLabel[];
}

/** Everything needed to rebuild a model, apart from the big arrays. */
export interface IntentModelMeta {
  format: typeof MODEL_FORMAT;
  labels: string[];
  features: FeatureOptions;
  /** Temperature of the linear softmax. */
  temperature: number;
  /** Temperature of the hidden-layer network (1 when there is none). */
  hiddenTemperature: number;
  /** Share of the network in the blended probabilities: 0 without one. */
  blend: number;
  threshold: number;
  thresholdMethod: 'recall-floor' | 'balanced' | 'quantile' | 'none';
  /** Index of the learnt `oos` class in `labels`, or -1. */
  oosLabel: number;
  rows: number;
  trainedOn: { examples: number; heldOut: number; languages: Record<string, number> };
  options: Record<string, unknown>;
}

/** Raw logits of both learners for one text. */
export interface HeadLogits {
  linear: Float64Array;
  hidden?: Float64Array;
}

export class IntentModel {
  private readonly scratch: Float64Array;
  private readonly hiddenScratch: Float64Array;
  private readonly activations: Float64Array;

  constructor(
    readonly meta: IntentModelMeta,
    readonly space: FeatureSpace,
    readonly softmax: SoftmaxWeights,
    readonly hidden?: HiddenNet,
  ) {
    this.scratch = new Float64Array(meta.labels.length);
    this.hiddenScratch = new Float64Array(meta.labels.length);
    this.activations = new Float64Array(hidden?.hidden ?? 0);
  }

  /** The same weights under new calibration. */
  withCalibration(calibration: Pick<IntentModelMeta, 'temperature' | 'hiddenTemperature' | 'blend' | 'threshold' | 'thresholdMethod'>): IntentModel {
    return new IntentModel({ ...this.meta, ...calibration }, this.space, this.softmax, this.hidden);
  }

  get labels(): readonly string[] {
    return this.meta.labels;
  }

  /** Raw logits of the linear softmax (before temperature), a fresh array. */
  logits(text: string): Float64Array {
    return scoreInto(this.softmax, vectorize(text, this.space), new Float64Array(this.meta.labels.length));
  }

  /** Raw logits of each learner (before temperature), fresh arrays: what calibration fits on. */
  heads(text: string): HeadLogits {
    const x = vectorize(text, this.space);
    const linear = scoreInto(this.softmax, x, new Float64Array(this.meta.labels.length));
    if (!this.hidden) return { linear };
    return { linear, hidden: hiddenScoreInto(this.hidden, x, this.activations, new Float64Array(this.meta.labels.length)) };
  }

  /** Calibrated probabilities of every label, in label order. */
  probabilities(text: string): Float64Array {
    return this.blended(vectorize(text, this.space));
  }

  private blended(x: SparseVector): Float64Array {
    const p = Float64Array.from(softmaxInPlace(scoreInto(this.softmax, x, this.scratch), this.meta.temperature));
    const w = this.meta.blend;
    if (!this.hidden || w <= 0) return p;
    const q = softmaxInPlace(hiddenScoreInto(this.hidden, x, this.activations, this.hiddenScratch), this.meta.hiddenTemperature);
    for (let k = 0; k < p.length; k++) p[k] = (1 - w) * (p[k] as number) + w * (q[k] as number);
    return p;
  }

  classify(text: string): IntentResult {
    const p = this.probabilities(text);
    const ranked = this.meta.labels.map((label, k) => ({ label, p: p[k] as number })).sort((a, b) => b.p - a.p || (a.label < b.label ? -1 : 1));
    const top = ranked[0] as RankedLabel;
    const outOfScope = top.p < this.meta.threshold || this.meta.labels.indexOf(top.label) === this.meta.oosLabel;
    return { label: outOfScope ? OOS : top.label, confidence: top.p, ranked };
  }
}
