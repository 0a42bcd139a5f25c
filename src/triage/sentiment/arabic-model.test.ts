import { describe, expect, it } from 'vitest';
import { arabicFeatures, decodeModel, encodeModel, modelLabels, predict, type LinearModel } from './arabic-model.ts';
import { arabicModelWeights } from './arabic-model-weights.ts';
import { createSentimentReader, readSentiment } from './index.ts';

const none = { positive: 0, negative: 0, score: 0 };

/** A hand-made model over two words the lexicon does not know: "بطيخ" pushes positive, "غبار" negative. */
function tinyModel(): LinearModel {
  const bits = 12;
  const size = 1 << bits;
  const weights = new Float32Array(3 * size);
  for (const [word, label, weight] of [['بطيخ', 2, 4], ['غبار', 0, 4]] as const) {
    for (const index of arabicFeatures(word, none, bits).keys()) weights[label * size + index] = weight;
  }
  return { bits, weights, bias: [0, 0.5, 0] };
}

describe('arabicFeatures', () => {
  it('when diacritics, tatweel or alef forms differ, then the features are the same', () => {
    expect(arabicFeatures('الخِدمَة مُمتـــازة', none, 16)).toEqual(arabicFeatures('الخدمة ممتازة', none, 16));
  });

  it('when the lexicon found evidence, then it enters as extra features', () => {
    expect(arabicFeatures('نص', { positive: 2, negative: 0, score: 0.76 }, 16).size).toBeGreaterThan(arabicFeatures('نص', none, 16).size);
  });
});

describe('the linear model', () => {
  it('when predicting, then the probabilities sum to one and follow the weights', () => {
    const model = tinyModel();
    const p = predict(model, arabicFeatures('بطيخ', none, model.bits));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(modelLabels[p.indexOf(Math.max(...p))]).toBe('positive');
  });

  it('when encoded to int8 and decoded, then weights come back within one quantisation step', () => {
    const model = tinyModel();
    const decoded = decodeModel(encodeModel(model));
    expect(decoded.bits).toBe(model.bits);
    expect(Math.max(...model.weights.map((w, i) => Math.abs(w - (decoded.weights[i] ?? 0))))).toBeLessThan(4 / 127);
  });

  it('ships small: the committed weights are one 2^bits row per label and under 2 MB', () => {
    expect(arabicModelWeights.format).toBe('sanad-sentiment-ar-v1');
    expect(arabicModelWeights.bias).toHaveLength(3);
    expect(arabicModelWeights.weights.length).toBeLessThan(2 * 1024 * 1024);
    expect(decodeModel(arabicModelWeights).weights.length).toBe(3 << arabicModelWeights.bits);
  });
});

describe('readSentiment with the model', () => {
  it('when Arabic text has no lexicon cue, then the model decides and says so', () => {
    const reader = createSentimentReader(tinyModel(), { polarFloor: 0 });
    expect(reader('بطيخ')).toMatchObject({ label: 'positive', cues: ['model:positive'] });
    expect(reader('كله غبار')).toMatchObject({ label: 'negative', cues: ['model:negative'] });
  });

  it('when the lexicon is sure or rests on negation, then the model does not overrule it', () => {
    const reader = createSentimentReader(tinyModel(), { polarFloor: 0 });
    expect(reader('مش حلو').cues).toEqual(['negated:حلو']);
    expect(reader('غبار والخدمة زفت').cues).toEqual(['lexicon:زفت']);
  });

  it('when the text is English or Arabizi, then the model is not used', () => {
    expect(readSentiment('the delivery was fine').cues.some((c) => c.startsWith('model:'))).toBe(false);
    expect(readSentiment('el service 7elw', 'ar-Latn').cues.some((c) => c.startsWith('model:'))).toBe(false);
  });

  it('when the reader has no model, then it is the lexicon alone', () => {
    expect(createSentimentReader(null)('الخدمة ممتازة')).toEqual(expect.objectContaining({ label: 'positive', cues: ['lexicon:ممتاز'] }));
  });

  it('is deterministic with the shipped model', () => {
    const text = 'والله التطبيق الجديد ما فيه اي تحسين والدعم الفني بطيء';
    expect(readSentiment(text)).toEqual(readSentiment(text));
  });
});
