/**
 * Training for the Arabic sentiment model (src/triage/sentiment/arabic-model.ts): multinomial
 * logistic regression by plain SGD over hashed sparse features, rows shuffled by a seeded generator
 * so the same data gives the same model. Classes are weighted by inverse frequency because positive
 * is the smallest class in ArSarcasm-v2 and the headline measure (F1-PN) averages the two polar ones.
 */
import { arabicFeatures, modelLabels, type LinearModel } from '../../src/triage/sentiment/arabic-model.ts';
import { readLexicon } from '../../src/triage/sentiment/lexicon-reading.ts';

export interface TrainRow { text: string; label: string }
export interface TrainOptions { bits: number; epochs: number; rate: number; l2: number; seed: number }
export const defaultTrainOptions: TrainOptions = { bits: 16, epochs: 10, rate: 0.4, l2: 1e-5, seed: 42 };

type Example = { features: Map<number, number>; label: number };

/** The model's input for one text: the same lexicon reading and features as at run time. */
export function featuresOf(text: string, bits: number): Map<number, number> {
  const lexical = readLexicon(text, 'ar');
  return arabicFeatures(text, { positive: lexical.positive, negative: lexical.negative, score: lexical.score }, bits);
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function trainArabicModel(rows: readonly TrainRow[], options: TrainOptions = defaultTrainOptions): LinearModel {
  const classes = modelLabels.length;
  const size = 1 << options.bits;
  const examples: Example[] = rows.map((r) => ({ features: featuresOf(r.text, options.bits), label: modelLabels.indexOf(r.label as never) })).filter((e) => e.label >= 0);
  const counts = modelLabels.map((_, k) => examples.filter((e) => e.label === k).length);
  const classWeight = counts.map((c) => (c === 0 ? 0 : examples.length / (classes * c)));
  const weights = new Float32Array(classes * size);
  const bias = new Array<number>(classes).fill(0);
  const next = random(options.seed);
  const order = examples.map((_, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const { features, label } = examples[index] as Example;
      const rate = options.rate / (1 + step / examples.length);
      step += 1;
      const logits = bias.map((b, k) => {
        let z = b;
        for (const [f, v] of features) z += (weights[k * size + f] ?? 0) * v;
        return z;
      });
      const top = Math.max(...logits);
      const exp = logits.map((z) => Math.exp(z - top));
      const sum = exp.reduce((a, b) => a + b, 0);
      for (let k = 0; k < classes; k++) {
        const gradient = ((exp[k] ?? 0) / sum - (k === label ? 1 : 0)) * (classWeight[label] ?? 1);
        bias[k] = (bias[k] ?? 0) - rate * gradient;
        for (const [f, v] of features) {
          const at = k * size + f;
          weights[at] = (weights[at] ?? 0) * (1 - rate * options.l2) - rate * gradient * v;
        }
      }
    }
  }
  return { bits: options.bits, weights, bias };
}
