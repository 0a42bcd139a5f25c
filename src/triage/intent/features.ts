/**
 * Hashed sparse features of a text, in four blocks: character n-grams inside each word (with
 * `<` `>` boundary markers), character n-grams that span a word boundary, word unigrams and word
 * bigrams. Each is hashed (FNV-1a, 32 bit) into its own region of 2^bits buckets: the top three
 * bits of a bucket name its block. `countFeatures` gives raw term counts; `weighFeatures` turns
 * them into log-TF × IDF, L2-normalises each block, scales it by its weight and L2-normalises the
 * whole, keeping only buckets the model knows. Pure.
 */
import { identifyLanguage } from '../language/identify-language.ts';
import { arabiziWords } from './arabizi-rules.ts';
import { canonicalDialectWords, DIALECT_RULES_VERSION } from './dialect-rules.ts';
import { normalizeText, tokenize } from './normalize.ts';

export interface BlockWeights {
  char: number;
  cross: number;
  word: number;
  bigram: number;
}

export interface FeatureOptions {
  /** log2 of the number of hash buckets (all blocks together). */
  bits: number;
  minN: number;
  maxN: number;
  wordBigrams: boolean;
  /** n-gram range of characters across word boundaries ("y card", "my ca"); 0 turns them off. */
  crossMinN: number;
  crossMaxN: number;
  /** Each block's share once blocks are normalised: without it char n-grams outnumber words. */
  weights: BlockWeights;
  /**
   * Version of the dialect rules (dialect-rules.ts, arabizi-rules.ts) the words go through; 0 or
   * absent (models trained before them) leaves words as normalised. With them, dialect words take
   * one canonical form, and an Arabizi message also counts the features of its Arabic-script form.
   */
  dialects?: number;
}

export const defaultFeatureOptions: FeatureOptions = {
  bits: 20,
  minN: 2,
  maxN: 5,
  wordBigrams: true,
  crossMinN: 3,
  crossMaxN: 5,
  weights: { char: 1, cross: 1, word: 1, bigram: 1 },
  dialects: DIALECT_RULES_VERSION,
};

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

/** Block ids, stored in a bucket's top three bits. */
const CHAR = 0;
const CROSS = 1;
const WORD = 2;
const BIGRAM = 3;
const BLOCKS = 4;
const BLOCK_BITS = 3;

export function blockOf(bucket: number, bits: number): number {
  return bucket >>> (bits - BLOCK_BITS);
}

/** Latin words with the apostrophe of Arabizi's 3' (غ) and 7' (خ). */
const ARABIZI_TOKEN = /[\p{L}\p{N}']+/gu;

/** Raw counts per bucket, as a sparse vector with ascending bucket ids. */
export function countFeatures(text: string, options: FeatureOptions): SparseVector {
  const shift = options.bits - BLOCK_BITS;
  const mask = (1 << shift) - 1;
  const counts = new Map<number, number>();
  const add = (block: number, gram: string) => {
    const bucket = (block << shift) | (hash(block + 1, gram) & mask);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  const addWords = (words: readonly string[]) => {
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string;
      add(WORD, word);
      if (options.wordBigrams && w > 0) add(BIGRAM, `${words[w - 1] as string} ${word}`);
      const marked = `<${word}>`;
      for (let n = options.minN; n <= options.maxN; n++) {
        for (let i = 0; i + n <= marked.length; i++) add(CHAR, marked.slice(i, i + n));
      }
    }
    if (options.crossMaxN > 0 && words.length > 1) {
      // Only grams with a space strictly inside: the rest are the in-word grams again.
      const joined = words.join(' ');
      for (let n = Math.max(options.crossMinN, 3); n <= options.crossMaxN; n++) {
        for (let i = 0; i + n <= joined.length; i++) {
          const gram = joined.slice(i, i + n);
          const space = gram.indexOf(' ', 1);
          if (space > 0 && space < n - 1) add(CROSS, gram);
        }
      }
    }
  };
  const normalized = normalizeText(text);
  const words = tokenize(normalized);
  if (!options.dialects) {
    addWords(words);
  } else {
    addWords(canonicalDialectWords(words));
    // Arabizi: the Arabic-script reading counts too, next to the Latin words (loans like "card" stay).
    if (/[a-z]/.test(normalized) && identifyLanguage(text).language === 'ar-Latn') {
      addWords(canonicalDialectWords(arabiziWords(normalized.match(ARABIZI_TOKEN) ?? [])));
    }
  }
  const indices = Int32Array.from(counts.keys()).sort();
  const values = new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) values[i] = counts.get(indices[i] as number) as number;
  return { indices, values };
}

/** Maps counted buckets to model rows, weighs them by (1 + log tf) × idf, per block then overall normalised. */
export function weighFeatures(counts: SparseVector, space: FeatureSpace): SparseVector {
  const { bits, weights } = space.options;
  const blockWeight = [weights.char, weights.cross, weights.word, weights.bigram];
  const rows: number[] = [];
  const values: number[] = [];
  const blocks: number[] = [];
  const norms = new Float64Array(BLOCKS);
  for (let i = 0; i < counts.indices.length; i++) {
    const bucket = counts.indices[i] as number;
    const row = space.rowOf[bucket] as number;
    if (row < 0) continue;
    const w = (1 + Math.log(counts.values[i] as number)) * (space.idf[row] as number);
    const block = blockOf(bucket, bits);
    rows.push(row);
    values.push(w);
    blocks.push(block);
    norms[block] = (norms[block] as number) + w * w;
  }
  const scale = Array.from(norms, (n, b) => (n > 0 ? (blockWeight[b] ?? 0) / Math.sqrt(n) : 0));
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = (values[i] as number) * (scale[blocks[i] as number] as number);
    values[i] = v;
    total += v * v;
  }
  const overall = total > 0 ? 1 / Math.sqrt(total) : 0;
  // Buckets ascend, and rows are numbered in bucket order, so rows ascend too.
  return { indices: Int32Array.from(rows), values: Float32Array.from(values, (v) => v * overall) };
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
