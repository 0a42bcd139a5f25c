/**
 * A small linear model for Arabic-script sentiment, learnt from ArSarcasm-v2 (see
 * bench/sentiment/train-arabic.ts), used next to the lexicon because hand-written words cover only a
 * fraction of what Arabic posts say. Features are hashed: normalised words, word pairs, character
 * 3- and 4-grams inside words (they catch stems under clitics and dialect spellings), emoji, and the
 * lexicon's own evidence, so the model learns how far to trust the lexicon. Weights ship as int8
 * (one scale per class) in base64 to stay well under 2 MB. Pure.
 */
import { normalizeText, tokenize } from '../intent/normalize.ts';
import { findEmoji } from './emoji.ts';

export const modelLabels = ['negative', 'neutral', 'positive'] as const;

export interface LinearModel {
  bits: number;
  /** Row-major: one row of 2^bits weights per label, in `modelLabels` order. */
  weights: Float32Array;
  bias: number[];
}

/** What the lexicon found, fed to the model as three dense features. */
export interface LexiconEvidence {
  positive: number;
  negative: number;
  score: number;
}

const ARABIC = /\p{Script=Arabic}/u;
const NOISE = /^(?:https?|www|t|co|com|rt|amp)$/u;

function hash(feature: string, mask: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & mask;
}

/** Hashed feature indices with values; sparse features share unit length, lexicon ones are added raw. */
export function arabicFeatures(text: string, lexicon: LexiconEvidence, bits: number): Map<number, number> {
  const mask = (1 << bits) - 1;
  const names: string[] = [];
  const words = tokenize(normalizeText(text)).filter((w) => !NOISE.test(w) && !/^\d+$/u.test(w) && w.length <= 30);
  words.forEach((word, i) => {
    names.push(`w:${word}`);
    if (i > 0) names.push(`b:${words[i - 1]} ${word}`);
    if (!ARABIC.test(word)) return;
    const padded = ` ${word} `;
    for (let n = 3; n <= 4; n++) for (let j = 0; j + n <= padded.length; j++) names.push(`c:${padded.slice(j, j + n)}`);
  });
  for (const symbol of findEmoji(text).keys()) names.push(`e:${symbol}`);
  const features = new Map<number, number>();
  const unit = names.length === 0 ? 0 : 1 / Math.sqrt(names.length);
  for (const name of names) {
    const index = hash(name, mask);
    features.set(index, (features.get(index) ?? 0) + unit);
  }
  const dense: Array<[string, number]> = [['lex:positive', Math.min(lexicon.positive, 4) / 2], ['lex:negative', Math.min(lexicon.negative, 4) / 2], ['lex:score', lexicon.score]];
  for (const [name, value] of dense) {
    if (value === 0) continue;
    const index = hash(name, mask);
    features.set(index, (features.get(index) ?? 0) + value);
  }
  return features;
}

/** Class probabilities in `modelLabels` order. */
export function predict(model: LinearModel, features: ReadonlyMap<number, number>): number[] {
  const size = 1 << model.bits;
  const logits = model.bias.map((b, k) => {
    let z = b;
    for (const [index, value] of features) z += (model.weights[k * size + index] ?? 0) * value;
    return z;
  });
  const top = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** The shipped form: int8 weights per label with a scale, base64. */
export interface EncodedModel {
  format: 'sanad-sentiment-ar-v1';
  bits: number;
  bias: number[];
  scales: number[];
  weights: string;
}

export function decodeModel(encoded: EncodedModel): LinearModel {
  const bytes = Uint8Array.from(atob(encoded.weights), (c) => c.charCodeAt(0));
  const size = 1 << encoded.bits;
  const weights = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) weights[i] = (((bytes[i] ?? 0) << 24) >> 24) * (encoded.scales[Math.floor(i / size)] ?? 0);
  return { bits: encoded.bits, weights, bias: encoded.bias };
}

export function encodeModel(model: LinearModel): EncodedModel {
  const size = 1 << model.bits;
  const scales = model.bias.map((_, k) => {
    let max = 0;
    for (let i = k * size; i < (k + 1) * size; i++) max = Math.max(max, Math.abs(model.weights[i] ?? 0));
    return max === 0 ? 0 : max / 127;
  });
  const bytes = new Uint8Array(model.weights.length);
  model.weights.forEach((w, i) => {
    const scale = scales[Math.floor(i / size)] ?? 0;
    bytes[i] = scale === 0 ? 0 : Math.round(w / scale) & 0xff;
  });
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: 'sanad-sentiment-ar-v1', bits: model.bits, bias: model.bias.map((b) => Math.round(b * 1e6) / 1e6), scales, weights: btoa(binary) };
}
