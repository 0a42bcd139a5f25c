import { describe, expect, it } from 'vitest';
import { blockOf, bucketsOf, buildFeatureSpace, countFeatures, defaultFeatureOptions, weighFeatures, type FeatureOptions } from './features.ts';

const options = defaultFeatureOptions;
const blocks = (text: string, o: FeatureOptions = options) => new Set([...countFeatures(text, o).indices].map((b) => blockOf(b, o.bits)));

describe('countFeatures blocks', () => {
  it('when a text has one word, then there are no cross-word or bigram features', () => {
    expect([...blocks('card')].sort()).toEqual([0, 2]);
  });

  it('when a text has two words, then all four blocks appear, and cross-word grams can be turned off', () => {
    expect([...blocks('my card')].sort()).toEqual([0, 1, 2, 3]);
    expect([...blocks('my card', { ...options, crossMaxN: 0 })].sort()).toEqual([0, 2, 3]);
  });

  it('when two texts differ only in word spacing of the same letters, then cross-word grams tell them apart', () => {
    const cross = (text: string) => [...countFeatures(text, options).indices].filter((b) => blockOf(b, options.bits) === 1);
    expect(cross('top up')).not.toEqual(cross('to pup'));
  });
});

describe('weighFeatures', () => {
  const texts = ['my card has not arrived', 'card arrived broken', 'i lost my card', 'top up failed', 'my top up is pending'];
  const counted = texts.map((t) => countFeatures(t, options));
  const norm = (values: Float32Array) => Math.sqrt(values.reduce((s, v) => s + v * v, 0));

  it('when a known text is weighed, then the vector has unit length and ascending rows', () => {
    const space = buildFeatureSpace(counted, options, 1);
    const x = weighFeatures(counted[0] as (typeof counted)[number], space);
    expect(norm(x.values)).toBeCloseTo(1, 5);
    expect([...x.indices]).toEqual([...x.indices].sort((a, b) => a - b));
  });

  it('when a block weighs zero, then its features carry no value, and the words block gains share as its weight grows', () => {
    const share = (word: number) => {
      const o = { ...options, weights: { ...options.weights, word } };
      const space = buildFeatureSpace(counted, o, 1);
      const c = countFeatures(texts[0] as string, o);
      const x = weighFeatures(c, space);
      const buckets = bucketsOf(space);
      let sum = 0;
      x.indices.forEach((row, i) => {
        if (blockOf(buckets[row] as number, o.bits) === 2) sum += (x.values[i] as number) ** 2;
      });
      return sum;
    };
    expect(share(0)).toBe(0);
    expect(share(2)).toBeGreaterThan(share(1));
  });
});

describe('countFeatures with the dialect rules', () => {
  const on = options;
  const off: FeatureOptions = { ...options, dialects: 0 };
  const shared = (a: string, b: string, o: FeatureOptions) => {
    const other = new Set(countFeatures(b, o).indices);
    return [...countFeatures(a, o).indices].filter((bucket) => other.has(bucket) && blockOf(bucket, o.bits) === 2).length;
  };

  it('when a model was trained before the rules (its options have no dialect version), then its features are those of the rules turned off', () => {
    const { dialects: _dialects, ...older } = options;
    const text = 'بغيت نعرف فين الكارط ديالي';
    expect([...countFeatures(text, older as FeatureOptions).indices]).toEqual([...countFeatures(text, off).indices]);
    expect([...countFeatures(text, on).indices]).not.toEqual([...countFeatures(text, off).indices]);
  });

  it('when Darija and Levantine say the same thing, then with the rules they share more words than without', () => {
    expect(shared('بغيت الفلوس ديالي', 'بدي المصاري تبعي', on)).toBeGreaterThan(shared('بغيت الفلوس ديالي', 'بدي المصاري تبعي', off));
  });

  it('when a message is Arabizi, then with the rules it shares words with the same words in Arabic script, and English gets no Arabic words', () => {
    expect(shared('bghit flousi', 'بدي مصاريي', on)).toBeGreaterThan(0);
    expect(shared('bghit flousi', 'بدي مصاريي', off)).toBe(0);
    const english = 'my card payment was declined twice';
    expect([...countFeatures(english, on).indices]).toEqual([...countFeatures(english, off).indices]);
  });
});
