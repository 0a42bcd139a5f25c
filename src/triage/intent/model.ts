/**
 * A trained intent model: feature space + softmax weights + calibration. `classify` answers the
 * calibrated ranking and `oos` when the top calibrated probability is under the threshold (or the
 * top label is the learnt `oos` class). Pure: no I/O (see model-files.ts for saving and loading).
 */
import { vectorize, type FeatureOptions, type FeatureSpace } from './features.ts';
import { scoreInto, softmaxInPlace, type SoftmaxWeights } from './softmax.ts';

export const OOS = 'oos';

/** v2: block-region hashing with cross-word n-grams; v1 files hash differently and cannot be read. */
export const MODEL_FORMAT = 'sanad-intent-v2';

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
  temperature: number;
  threshold: number;
  thresholdMethod: 'balanced' | 'quantile' | 'none';
  /** Index of the learnt `oos` class in `labels`, or -1. */
  oosLabel: number;
  rows: number;
  trainedOn: { examples: number; heldOut: number; languages: Record<string, number> };
  options: Record<string, unknown>;
}

export class IntentModel {
  private readonly scratch: Float64Array;

  constructor(
    readonly meta: IntentModelMeta,
    readonly space: FeatureSpace,
    readonly softmax: SoftmaxWeights,
  ) {
    this.scratch = new Float64Array(meta.labels.length);
  }

  get labels(): readonly string[] {
    return this.meta.labels;
  }

  /** Raw logits of a text (before temperature), a fresh array. */
  logits(text: string): Float64Array {
    return scoreInto(this.softmax, vectorize(text, this.space), new Float64Array(this.meta.labels.length));
  }

  /** Calibrated probabilities of every label, in label order. */
  probabilities(text: string): Float64Array {
    const scores = scoreInto(this.softmax, vectorize(text, this.space), this.scratch);
    return Float64Array.from(softmaxInPlace(scores, this.meta.temperature));
  }

  classify(text: string): IntentResult {
    const p = this.probabilities(text);
    const ranked = this.meta.labels.map((label, k) => ({ label, p: p[k] as number })).sort((a, b) => b.p - a.p || (a.label < b.label ? -1 : 1));
    const top = ranked[0] as RankedLabel;
    const outOfScope = top.p < this.meta.threshold || this.meta.labels.indexOf(top.label) === this.meta.oosLabel;
    return { label: outOfScope ? OOS : top.label, confidence: top.p, ranked };
  }
}
