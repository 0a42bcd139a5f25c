/**
 * Measures a model on labelled examples: accuracy (an `oos` answer is right only for `oos`
 * truths), top-1 accuracy ignoring the threshold, macro F1 over the true labels, per-label
 * precision/recall/F1, and — when the examples hold `oos` truths — oos recall and in-scope accuracy.
 */
import { performance } from 'node:perf_hooks';
import { OOS, type IntentModel } from './model.ts';
import type { IntentExample } from './train.ts';

export interface LabelScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface IntentEvaluation {
  examples: number;
  accuracy: number;
  /** Accuracy of the top-ranked label, as if there were no out-of-scope threshold. */
  top1_accuracy: number;
  macro_f1: number;
  per_label: Record<string, LabelScore>;
  /** Share of `oos` truths answered `oos` (only when there are some). */
  oos_recall?: number;
  /** Accuracy over in-scope truths, an `oos` answer counting as wrong (only with `oos` truths). */
  in_scope_accuracy?: number;
  /** Share of in-scope truths answered `oos`. */
  rejected_in_scope: number;
  ms_per_message: number;
}

export function evaluate(model: IntentModel, examples: readonly IntentExample[]): IntentEvaluation {
  if (examples.length === 0) throw new Error('evaluate: no examples');
  const started = performance.now();
  const results = examples.map((e) => model.classify(e.text));
  const ms = (performance.now() - started) / examples.length;

  const tally = new Map<string, { tp: number; fp: number; fn: number; support: number }>();
  const of = (label: string) => {
    let t = tally.get(label);
    if (!t) tally.set(label, (t = { tp: 0, fp: 0, fn: 0, support: 0 }));
    return t;
  };
  let correct = 0;
  let top1 = 0;
  let oosTotal = 0;
  let oosCaught = 0;
  let inScopeTotal = 0;
  let inScopeCorrect = 0;
  let rejected = 0;
  examples.forEach((e, i) => {
    const result = results[i] as (typeof results)[number];
    const truth = of(e.label);
    truth.support++;
    if (result.label === e.label) {
      correct++;
      truth.tp++;
    } else {
      truth.fn++;
      of(result.label).fp++;
    }
    if (result.ranked[0]?.label === e.label) top1++;
    if (e.label === OOS) {
      oosTotal++;
      if (result.label === OOS) oosCaught++;
    } else {
      inScopeTotal++;
      if (result.label === e.label) inScopeCorrect++;
      if (result.label === OOS) rejected++;
    }
  });

  const per_label: Record<string, LabelScore> = {};
  let f1Sum = 0;
  let f1Count = 0;
  for (const [label, t] of [...tally.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (t.support === 0) continue;
    const precision = t.tp + t.fp === 0 ? 0 : t.tp / (t.tp + t.fp);
    const recall = t.tp / t.support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    per_label[label] = { precision, recall, f1, support: t.support };
    f1Sum += f1;
    f1Count++;
  }
  const evaluation: IntentEvaluation = {
    examples: examples.length,
    accuracy: correct / examples.length,
    top1_accuracy: top1 / examples.length,
    macro_f1: f1Sum / f1Count,
    per_label,
    rejected_in_scope: inScopeTotal === 0 ? 0 : rejected / inScopeTotal,
    ms_per_message: ms,
  };
  if (oosTotal > 0) {
    evaluation.oos_recall = oosCaught / oosTotal;
    evaluation.in_scope_accuracy = inScopeTotal === 0 ? 0 : inScopeCorrect / inScopeTotal;
  }
  return evaluation;
}
