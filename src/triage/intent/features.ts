/**
 * Hashed sparse features of a text: character n-grams inside each word (with `<` `>` boundary
 * markers) and word unigrams and bigrams, each hashed (FNV-1a, 32 bit) into 2^bits buckets.
 * `countFeatures` gives raw term counts; `weighFeatures` turns them into the log-TF × IDF,
 * L2-normalised vector the model reads, keeping only buckets the model knows. Pure.
 */
import { normalizeText, tokenize } from './normalize.ts';

export interface FeatureOptions {
  /** log2 of the number of hash buckets. */
  bits: number;
  minN: number;
  maxN: number;
  wordBigrams: boolean;
}

export const defaultFeatureOptions: FeatureOptions = { bits: 20, minN: 2, maxN: 5, wordBigrams: true };

/** A sparse vector: ascending indices with their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** The buckets a model knows: bucket → row (or -1), and each row's inverse document frequency. */
export interface FeatureSpace {
  options: FeatureOptions;
  rowOf: Int32Array;
  idf: Float32Array;
}

function hash(prefix: number, text: string): number {
  let h = (0x811c9dc5 ^ prefix) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // final avalanche so the low bits spread well
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

const CHAR = 1;
const WORD = 2;
const BIGRAM = 3;

/** Raw counts per bucket, as a sparse vector with ascending bucket ids. */
export function countFeatures(text: string, options: FeatureOptions): SparseVector {
  const mask = (1 << options.bits) - 1;
  const counts = new Map<number, number>();
  const add = (bucket: number) => counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  const words = tokenize(normalizeText(text));
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    add(hash(WORD, word) & mask);
    if (options.wordBigrams && w > 0) add(hash(BIGRAM, `${words[w - 1] as string} ${word}`) & mask);
    const marked = `<${word}>`;
    for (let n = options.minN; n <= options.maxN; n++) {
      for (let i = 0; i + n <= marked.length; i++) add(hash(CHAR, marked.slice(i, i + n)) & mask);
    }
  }
  const indices = Int32Array.from(counts.keys()).sort();
  const values = new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) values[i] = counts.get(indices[i] as number) as number;
  return { indices, values };
}

/** Maps counted buckets to model rows, weighs them by (1 + log tf) × idf and L2-normalises. */
export function weighFeatures(counts: SparseVector, space: FeatureSpace): SparseVector {
  const rows: number[] = [];
  const weights: number[] = [];
  let norm = 0;
  for (let i = 0; i < counts.indices.length; i++) {
    const row = space.rowOf[counts.indices[i] as number] as number;
    if (row < 0) continue;
    const w = (1 + Math.log(counts.values[i] as number)) * (space.idf[row] as number);
    rows.push(row);
    weights.push(w);
    norm += w * w;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { indices: Int32Array.from(rows), values: Float32Array.from(weights, (w) => w * scale) };
}

export function vectorize(text: string, space: FeatureSpace): SparseVector {
  return weighFeatures(countFeatures(text, space.options), space);
}

/**
 * The feature space of a training set: buckets seen in at least `minDf` texts become rows (in
 * bucket order), with idf = ln((n + 1) / (df + 1)) + 1.
 */
export function buildFeatureSpace(counted: readonly SparseVector[], options: FeatureOptions, minDf: number): FeatureSpace {
  const df = new Int32Array(1 << options.bits);
  for (const vector of counted) for (const bucket of vector.indices) df[bucket] = (df[bucket] as number) + 1;
  const rowOf = new Int32Array(df.length).fill(-1);
  const idf: number[] = [];
  for (let bucket = 0; bucket < df.length; bucket++) {
    const seen = df[bucket] as number;
    if (seen < minDf) continue;
    rowOf[bucket] = idf.length;
    idf.push(Math.log((counted.length + 1) / (seen + 1)) + 1);
  }
  return { options, rowOf, idf: Float32Array.from(idf) };
}

/** The buckets of a space in row order (for saving), and the space rebuilt from them. */
export function bucketsOf(space: FeatureSpace): Uint32Array {
  const buckets = new Uint32Array(space.idf.length);
  space.rowOf.forEach((row, bucket) => {
    if (row >= 0) buckets[row] = bucket;
  });
  return buckets;
}

export function spaceFromBuckets(options: FeatureOptions, buckets: Uint32Array, idf: Float32Array): FeatureSpace {
  const rowOf = new Int32Array(1 << options.bits).fill(-1);
  buckets.forEach((bucket, row) => {
    rowOf[bucket] = row;
  });
  return { options, rowOf, idf };
}
