/**
 * Multinomial logistic regression over sparse features: the weight layout, scoring, softmax, and
 * AdaGrad training. Weights are `rows × labels`, row-major, plus one bias per label. Pure and
 * deterministic for a given seed.
 */
import type { SparseVector } from './features.ts';

export interface SoftmaxWeights {
  labels: number;
  rows: number;
  /** rows × labels, row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface SoftmaxTrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update, applied lazily to the touched rows only. */
  l2: number;
  seed: number;
}

export const defaultSoftmaxOptions: SoftmaxTrainOptions = { epochs: 10, learningRate: 0.1, l2: 0, seed: 42 };

/** mulberry32: a small seeded generator, so training is repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Raw scores (logits) of one vector, written into `out`. */
export function scoreInto(model: SoftmaxWeights, x: SparseVector, out: Float64Array): Float64Array {
  const { labels, weights, bias } = model;
  for (let k = 0; k < labels; k++) out[k] = bias[k] as number;
  for (let i = 0; i < x.indices.length; i++) {
    const base = (x.indices[i] as number) * labels;
    const v = x.values[i] as number;
    for (let k = 0; k < labels; k++) out[k] = (out[k] as number) + v * (weights[base + k] as number);
  }
  return out;
}

/** Softmax of logits / temperature, in place. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const e = Math.exp(((scores[k] as number) - max) / temperature);
    scores[k] = e;
    sum += e;
  }
  for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] as number) / sum;
  return scores;
}

/** Trains on vectors `xs` with label ids `ys` by AdaGrad on the cross-entropy. */
export function trainSoftmax(xs: readonly SparseVector[], ys: readonly number[], labels: number, rows: number, options: SoftmaxTrainOptions): SoftmaxWeights {
  const model: SoftmaxWeights = { labels, rows, weights: new Float32Array(rows * labels), bias: new Float32Array(labels) };
  const { weights, bias } = model;
  const g2 = new Float32Array(rows * labels);
  const biasG2 = new Float64Array(labels);
  const random = seededRandom(options.seed);
  const order = Array.from(xs.keys());
  const p = new Float64Array(labels);
  const active = new Int32Array(labels);
  const grad = new Float64Array(labels);
  const eps = 1e-8;
  const lr = options.learningRate;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const n of order) {
      const x = xs[n] as SparseVector;
      const y = ys[n] as number;
      softmaxInPlace(scoreInto(model, x, p));
      // Only labels with a gradient worth applying are touched: late in training, most are ~0.
      let count = 0;
      for (let k = 0; k < labels; k++) {
        const g = (p[k] as number) - (k === y ? 1 : 0);
        if (g > 1e-4 || g < -1e-4) {
          active[count++] = k;
          grad[k] = g;
        }
      }
      for (let a = 0; a < count; a++) {
        const k = active[a] as number;
        const g = grad[k] as number;
        biasG2[k] = (biasG2[k] as number) + g * g;
        bias[k] = (bias[k] as number) - (lr * g) / Math.sqrt((biasG2[k] as number) + eps);
      }
      for (let i = 0; i < x.indices.length; i++) {
        const base = (x.indices[i] as number) * labels;
        const v = x.values[i] as number;
        for (let a = 0; a < count; a++) {
          const at = base + (active[a] as number);
          const w = weights[at] as number;
          const g = (grad[active[a] as number] as number) * v + options.l2 * w;
          const acc = (g2[at] as number) + g * g;
          g2[at] = acc;
          weights[at] = w - (lr * g) / Math.sqrt(acc + eps);
        }
      }
    }
  }
  return model;
}
