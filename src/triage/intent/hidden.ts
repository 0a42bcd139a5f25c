/**
 * A one-hidden-layer network over the same sparse features as the softmax: each active feature
 * row adds its embedding (weighted by its TF-IDF value) into a small hidden vector, a ReLU, then
 * a softmax layer (fastText-style, with a non-linearity). It learns feature conjunctions the
 * linear model cannot, and its errors differ from the linear model's, so the two are blended in
 * probability space (model.ts; the weight is fitted on held-out data in calibrate-model.ts).
 * Trained with AdaGrad on the cross-entropy, one example at a time. Pure and deterministic for a seed.
 */
import type { SparseVector } from './features.ts';
import { seededRandom, shuffle } from './softmax.ts';

export interface HiddenNet {
  rows: number;
  hidden: number;
  labels: number;
  /** rows × hidden, row-major: one embedding per feature row. */
  embed: Float32Array;
  hiddenBias: Float32Array;
  /** labels × hidden, row-major. */
  out: Float32Array;
  outBias: Float32Array;
}

export interface HiddenTrainOptions {
  /** Hidden units; 0 trains no network. */
  hidden: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

// 96 units: 128 measured +0.5 English top-1 over 64 but puts the BANKING77 model near 100 MB.
export const defaultHiddenOptions: HiddenTrainOptions = { hidden: 96, epochs: 5, learningRate: 0.05, seed: 42 };

/** Logits of one vector into `logits`; the ReLU activations are left in `h`. */
export function hiddenScoreInto(net: HiddenNet, x: SparseVector, h: Float64Array, logits: Float64Array): Float64Array {
  const { hidden: units, embed, hiddenBias, out, outBias } = net;
  for (let j = 0; j < units; j++) h[j] = hiddenBias[j] as number;
  for (let i = 0; i < x.indices.length; i++) {
    const base = (x.indices[i] as number) * units;
    const v = x.values[i] as number;
    for (let j = 0; j < units; j++) h[j] = (h[j] as number) + v * (embed[base + j] as number);
  }
  for (let j = 0; j < units; j++) if ((h[j] as number) < 0) h[j] = 0;
  for (let k = 0; k < net.labels; k++) {
    let s = outBias[k] as number;
    const base = k * units;
    for (let j = 0; j < units; j++) s += (out[base + j] as number) * (h[j] as number);
    logits[k] = s;
  }
  return logits;
}

/** Uniform in ±√(6 / (fanIn + fanOut)) (Glorot), drawn from the seeded generator. */
function glorot(length: number, fanIn: number, fanOut: number, random: () => number): Float32Array {
  const scale = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length }, () => (random() * 2 - 1) * scale);
}

/** One AdaGrad step on weights[at] with gradient g (accumulator g2). */
function step(weights: Float32Array, g2: Float32Array, at: number, g: number, lr: number): void {
  const acc = (g2[at] as number) + g * g;
  g2[at] = acc;
  weights[at] = (weights[at] as number) - (lr * g) / Math.sqrt(acc + 1e-8);
}

export function trainHidden(xs: readonly SparseVector[], ys: readonly number[], labels: number, rows: number, options: HiddenTrainOptions): HiddenNet {
  const units = options.hidden;
  const random = seededRandom(options.seed ^ 0x41dde);
  // A message has a few hundred active rows; fan-in ~50 keeps early hidden values of order one.
  const net: HiddenNet = {
    rows,
    hidden: units,
    labels,
    embed: glorot(rows * units, 50, units, random),
    hiddenBias: new Float32Array(units),
    out: glorot(labels * units, units, labels, random),
    outBias: new Float32Array(labels),
  };
  const g2 = { embed: new Float32Array(rows * units), hiddenBias: new Float32Array(units), out: new Float32Array(labels * units), outBias: new Float32Array(labels) };
  const h = new Float64Array(units);
  const p = new Float64Array(labels);
  const dh = new Float64Array(units);
  const order = Array.from(xs.keys());
  const lr = options.learningRate;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const n of order) {
      const x = xs[n] as SparseVector;
      const y = ys[n] as number;
      hiddenScoreInto(net, x, h, p);
      let max = -Infinity;
      for (const s of p) if (s > max) max = s;
      let sum = 0;
      for (let k = 0; k < labels; k++) sum += p[k] = Math.exp((p[k] as number) - max);
      dh.fill(0);
      for (let k = 0; k < labels; k++) {
        const g = (p[k] as number) / sum - (k === y ? 1 : 0);
        // Late in training most labels have ~0 gradient: skipping them is most of the speed.
        if (g < 1e-5 && g > -1e-5) continue;
        const base = k * units;
        for (let j = 0; j < units; j++) {
          const hj = h[j] as number;
          dh[j] = (dh[j] as number) + g * (net.out[base + j] as number);
          if (hj !== 0) step(net.out, g2.out, base + j, g * hj, lr);
        }
        step(net.outBias, g2.outBias, k, g, lr);
      }
      for (let j = 0; j < units; j++) {
        if ((h[j] as number) <= 0) dh[j] = 0;
        else step(net.hiddenBias, g2.hiddenBias, j, dh[j] as number, lr);
      }
      for (let i = 0; i < x.indices.length; i++) {
        const base = (x.indices[i] as number) * units;
        const v = x.values[i] as number;
        for (let j = 0; j < units; j++) {
          const g = (dh[j] as number) * v;
          if (g !== 0) step(net.embed, g2.embed, base + j, g, lr);
        }
      }
    }
  }
  return net;
}
