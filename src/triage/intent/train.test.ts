import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { fixtureExamples, fixtureParaphrases } from './fixtures.test-data.ts';
import { OOS } from './model.ts';
import { stratifiedSplit, trainIntentModel } from './train.ts';

const model = trainIntentModel(fixtureExamples, { seed: 7 });

describe('trainIntentModel', () => {
  it('when trained on both languages, then one label set serves English and Arabic', () => {
    expect(model.labels).toHaveLength(12);
    expect(model.meta.trainedOn.languages).toEqual({ en: 48, ar: 60 });
  });

  it.each(fixtureParaphrases.map((e) => [e.text, e.label] as const))('when it classifies the unseen paraphrase %s, then the top label is %s', (text, label) => {
    expect(model.classify(text).ranked[0]?.label).toBe(label);
  });

  it('when it classifies, then the ranking covers every label, sums to one, and confidence is the top probability', () => {
    const result = model.classify('where is my order');
    expect(result.ranked).toHaveLength(12);
    expect(result.ranked.reduce((sum, r) => sum + r.p, 0)).toBeCloseTo(1, 6);
    expect(result.confidence).toBe(result.ranked[0]?.p);
    expect(result.ranked.map((r) => r.p)).toEqual([...result.ranked.map((r) => r.p)].sort((a, b) => b - a));
  });

  it('when the text is unrelated to every intent, then most answers are oos and its confidence is below that of real requests', () => {
    // With 108 examples the threshold is fitted on about ten held-out ones, so for any one seed an
    // unrelated message sits close to it (measured over 30 seeds: 68% oos before the dialect rules,
    // 63% with them). The claim that holds is about seeds together, not one lucky seed.
    const unrelated = ['the quick brown fox jumps over the lazy dog', 'zzz qqq xyz', 'الطقس جميل في الجبال هذا الصباح'];
    let oos = 0;
    let unrelatedConfidence = 0;
    let requestConfidence = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const seeded = trainIntentModel(fixtureExamples, { seed });
      for (const text of unrelated) {
        const result = seeded.classify(text);
        if (result.label === OOS) oos += 1;
        unrelatedConfidence += result.confidence / unrelated.length;
      }
      for (const { text } of fixtureParaphrases) requestConfidence += seeded.classify(text).confidence / fixtureParaphrases.length;
    }
    expect(oos / (10 * unrelated.length)).toBeGreaterThanOrEqual(0.6);
    expect(unrelatedConfidence).toBeLessThan(requestConfidence / 2);
  });

  it('when trained twice with the same seed, then predictions are identical', () => {
    const again = trainIntentModel(fixtureExamples, { seed: 7 });
    for (const { text } of fixtureParaphrases) expect(again.classify(text)).toEqual(model.classify(text));
  });

  it('when a temperature is fitted, then it is positive and finite and the threshold is a probability', () => {
    expect(model.meta.temperature).toBeGreaterThan(0);
    expect(Number.isFinite(model.meta.temperature)).toBe(true);
    expect(model.meta.threshold).toBeGreaterThanOrEqual(0);
    expect(model.meta.threshold).toBeLessThan(1);
  });

  it('when the training data has oos examples, then oos is learnt as a class and answered for similar text', () => {
    const withOos = [
      ...fixtureExamples,
      ...['tell me a joke', 'what is the weather today', 'who won the football match', 'play some music', 'what is the capital of france', 'how tall is mount everest'].map((text) => ({ text, label: OOS, lang: 'en' })),
    ];
    const oosModel = trainIntentModel(withOos, { seed: 7 });
    expect(oosModel.meta.oosLabel).toBe(oosModel.labels.indexOf(OOS));
    expect(oosModel.classify('tell me a funny joke').label).toBe(OOS);
    expect(oosModel.classify('my card has not arrived yet').label).toBe('card_arrival');
  });

  it('when there are no examples, then training refuses', () => {
    expect(() => trainIntentModel([])).toThrow(/no training examples/);
  });
});

describe('stratifiedSplit', () => {
  it('when a share is held out, then every label with three or more examples gives at least one and nothing is lost', () => {
    const { train, heldOut } = stratifiedSplit(fixtureExamples, 0.1, 1);
    expect(train.length + heldOut.length).toBe(fixtureExamples.length);
    expect(new Set(heldOut.map((e) => e.label)).size).toBe(12);
  });
});

describe('evaluate', () => {
  it('when a model is measured on its paraphrases, then the report has accuracy, macro F1, per-label scores and speed', () => {
    const report = evaluate(model, fixtureParaphrases);
    expect(report.examples).toBe(fixtureParaphrases.length);
    expect(report.top1_accuracy).toBe(1);
    expect(report.accuracy).toBeLessThanOrEqual(report.top1_accuracy);
    expect(report.macro_f1).toBeGreaterThan(0);
    expect(report.per_label.card_arrival?.support).toBe(2);
    expect(report.ms_per_message).toBeGreaterThan(0);
    expect(report.oos_recall).toBeUndefined();
  });

  it('when the examples include oos truths, then oos recall and in-scope accuracy are reported', () => {
    const report = evaluate(model, [...fixtureParaphrases, { text: 'the quick brown fox jumps over the lazy dog', label: OOS }]);
    expect(report.oos_recall).toBe(1);
    expect(report.in_scope_accuracy).toBeCloseTo(1 - report.rejected_in_scope, 6);
  });
});

describe('refit after calibration', () => {
  it('when refit is on (the default), then the final weights learnt from every example and keep the calibration', () => {
    expect(model.meta.trainedOn.examples).toBe(fixtureExamples.length);
    const once = trainIntentModel(fixtureExamples, { seed: 7, refit: false });
    expect(once.meta.trainedOn.examples).toBe(fixtureExamples.length - once.meta.trainedOn.heldOut);
    expect(model.meta.temperature).toBe(once.meta.temperature);
    expect(model.meta.threshold).toBe(once.meta.threshold);
  });
});

describe('the hidden-layer network', () => {
  it('when the training set is small, then the softmax works alone', () => {
    expect(model.hidden).toBeUndefined();
    expect(model.meta.blend).toBe(0);
  });

  it('when asked for on a small set, then it trains, gets an even blend, and still ranks the paraphrases right', () => {
    const blended = trainIntentModel(fixtureExamples, { seed: 7, network: { minExamples: 0 } });
    expect(blended.hidden?.hidden).toBe(96);
    expect(blended.meta.blend).toBe(0.5);
    for (const { text, label } of fixtureParaphrases) expect(blended.classify(text).ranked[0]?.label).toBe(label);
  });
});
