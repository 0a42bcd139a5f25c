import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureExamples, fixtureParaphrases } from './fixtures.test-data.ts';
import { parseJsonl } from './jsonl.ts';
import { loadModel, readJsonl, saveModel } from './model-files.ts';
import { trainIntentModel } from './train.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-intent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saveModel and loadModel', () => {
  it('when a model with its network is saved and loaded back, then every prediction is identical', () => {
    const model = trainIntentModel(fixtureExamples, { seed: 3, network: { minExamples: 0 } });
    expect(model.hidden).toBeDefined();
    saveModel(model, join(dir, 'model'));
    const loaded = loadModel(join(dir, 'model'));
    expect(loaded.meta).toEqual(model.meta);
    for (const { text } of [...fixtureParaphrases, { text: 'something else entirely' }]) expect(loaded.classify(text)).toEqual(model.classify(text));
  });

  it('when saved, then the directory holds JSON metadata and a binary weights file of the stated size', () => {
    const model = trainIntentModel(fixtureExamples, { seed: 3 });
    saveModel(model, join(dir, 'sized'));
    const meta = JSON.parse(readFileSync(join(dir, 'sized', 'model.json'), 'utf8')) as { bytes: number; format: string };
    expect(meta.format).toBe('sanad-intent-v3');
    expect(readFileSync(join(dir, 'sized', 'weights.bin')).byteLength).toBe(meta.bytes);
  });

  it('when the model was saved in the old v1 format, then loading refuses it and asks for retraining', () => {
    const model = trainIntentModel(fixtureExamples, { seed: 3 });
    saveModel(model, join(dir, 'old'));
    const path = join(dir, 'old', 'model.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('sanad-intent-v3', 'sanad-intent-v1'));
    expect(() => loadModel(join(dir, 'old'))).toThrow(/sanad-intent-v1 model.*train it again/);
  });

  it('when the model was saved in the v2 format, then loading refuses it and asks for retraining', () => {
    const model = trainIntentModel(fixtureExamples, { seed: 3 });
    saveModel(model, join(dir, 'v2'));
    const path = join(dir, 'v2', 'model.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('sanad-intent-v3', 'sanad-intent-v2'));
    expect(() => loadModel(join(dir, 'v2'))).toThrow(/sanad-intent-v2 model.*train it again/);
  });

  it('when a model was trained without the network (too few examples), then it saves and loads back as the softmax alone', () => {
    const model = trainIntentModel(fixtureExamples, { seed: 3 });
    saveModel(model, join(dir, 'linear'));
    const loaded = loadModel(join(dir, 'linear'));
    expect(loaded.hidden).toBeUndefined();
    expect(loaded.meta.blend).toBe(0);
    for (const { text } of fixtureParaphrases) expect(loaded.classify(text)).toEqual(model.classify(text));
  });

  it('when the weights file is truncated, then loading fails clearly', () => {
    const model = trainIntentModel(fixtureExamples, { seed: 3 });
    saveModel(model, join(dir, 'broken'));
    const bytes = readFileSync(join(dir, 'broken', 'weights.bin'));
    writeFileSync(join(dir, 'broken', 'weights.bin'), bytes.subarray(0, bytes.byteLength - 4));
    expect(() => loadModel(join(dir, 'broken'))).toThrow(/expected \d+ bytes/);
  });
});

describe('readJsonl', () => {
  it('when every line is a labelled example, then they are read in order, blank lines skipped', () => {
    const path = join(dir, 'good.jsonl');
    writeFileSync(path, '{"text":"where is my card","label":"card_arrival","lang":"en"}\n\n{"text":"وين البطاقة","label":"card_arrival","lang":"ar","dialect":"gulf"}\n');
    expect(readJsonl(path)).toEqual([
      { text: 'where is my card', label: 'card_arrival', lang: 'en' },
      { text: 'وين البطاقة', label: 'card_arrival', lang: 'ar' },
    ]);
  });

  it('when a line is not JSON, then the error names the file and its line number', () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, '{"text":"a","label":"x"}\n{"text":"b","label":"y"}\n{"text": oops}\n');
    expect(() => readJsonl(path)).toThrow(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: not valid JSON`));
  });

  it.each([
    ['{"label":"x"}', /:1: "text" must be a non-empty string/],
    ['{"text":"hi","label":""}', /:1: "label" must be a non-empty string/],
    ['["text","label"]', /:1: expected a JSON object/],
    ['{"text":"hi","label":"x","lang":5}', /:1: "lang" must be a string/],
  ])('when a line is %s, then it is refused with its line number', (line, message) => {
    expect(() => parseJsonl(line, 'inline')).toThrow(message);
  });
});
