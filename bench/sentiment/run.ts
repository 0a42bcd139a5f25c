/**
 * bench/sentiment — readSentiment on public datasets (see $SANAD_DATASETS/README.md).
 *
 *   npx tsx bench/sentiment/run.ts
 *
 * Two methods: 'lexicon' (hand-written lexicons and rules, nothing learnt) and 'lexicon+model' (the
 * shipped reader: the lexicon plus the Arabic linear model for Arabic-script text).
 * - ArSarcasm-v2 has only a train split here. The lexicon never learnt from it, so it is measured on
 *   all rows (its author did look at some rows while writing it: read it as a dev score). The model
 *   IS trained on it, so lexicon+model is measured by 5-fold cross-validation: each row is predicted
 *   by a model trained on the other four folds, never by the shipped model.
 * - AJGT (Jordanian, positive/negative only) was never trained on: measured whole, with the shipped model.
 * - TweetEval dev (English): the model does not apply, so both methods give the same numbers.
 * Prints a markdown table and writes bench/results/sentiment.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { decodeModel } from '../../src/triage/sentiment/arabic-model.ts';
import { arabicModelWeights } from '../../src/triage/sentiment/arabic-model-weights.ts';
import { createSentimentReader, modelPolarFloor, readSentiment, type ReaderOptions, type SentimentReader } from '../../src/triage/sentiment/index.ts';
import { score, type Scores } from './metrics.ts';
import { defaultTrainOptions, trainArabicModel } from './train.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const datasets = resolve(root, process.env.SANAD_DATASETS ?? '../shared/datasets');
const folds = 5;

interface Row { text: string; label: string; lang: string; dialect?: string; sarcasm?: boolean }

function rows(name: string): Row[] {
  return readFileSync(join(datasets, 'sentiment', `${name}.jsonl`), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Row);
}

type Result = { dataset: string; method: string; subset: string; ms_per_message: number } & Scores;
const results: Result[] = [];

function timed(data: readonly Row[], reader: SentimentReader): { predicted: string[]; ms: number } {
  reader('warm up', 'en');
  const started = performance.now();
  const predicted = data.map((r) => reader(r.text, r.lang).label);
  return { predicted, ms: (performance.now() - started) / data.length };
}

function record(dataset: string, method: string, data: readonly Row[], predicted: readonly string[], ms: number, subsets: (row: Row) => string[] = () => []): void {
  results.push({ dataset, method, subset: 'all', ms_per_message: ms, ...score(data.map((r) => r.label), predicted) });
  const groups = new Map<string, number[]>();
  data.forEach((r, i) => subsets(r).forEach((s) => groups.set(s, [...(groups.get(s) ?? []), i])));
  for (const [subset, indexes] of [...groups].sort()) {
    results.push({ dataset, method, subset, ms_per_message: ms, ...score(indexes.map((i) => data[i]?.label ?? ''), indexes.map((i) => predicted[i] ?? '')) });
  }
}

/** Each fold predicted by a model trained on the others, once per reader setting; time is prediction only. */
function crossValidate(data: readonly Row[], settings: readonly ReaderOptions[]): Array<{ predicted: string[]; ms: number }> {
  const runs = settings.map(() => ({ predicted: new Array<string>(data.length).fill(''), ms: 0 }));
  for (let fold = 0; fold < folds; fold++) {
    const model = trainArabicModel(data.filter((_, i) => i % folds !== fold), defaultTrainOptions);
    const held = data.map((r, i) => [r, i] as const).filter(([, i]) => i % folds === fold);
    settings.forEach((options, s) => {
      const run = timed(held.map(([r]) => r), createSentimentReader(model, options));
      const into = runs[s] as { predicted: string[]; ms: number };
      held.forEach(([, i], j) => (into.predicted[i] = run.predicted[j] ?? ''));
      into.ms += (run.ms * held.length) / data.length;
    });
    console.error(`fold ${fold + 1}/${folds} done`);
  }
  return runs;
}

const lexicon = createSentimentReader(null);
const bySubset = (r: Row) => [`dialect=${r.dialect}`, `sarcasm=${r.sarcasm}`];
const arsarcasm = rows('arsarcasm-ar.train');
const ajgt = rows('ajgt-ar');
const tweeteval = rows('tweeteval-en.dev');
for (const [name, data, subsets] of [['arsarcasm-ar.train', arsarcasm, bySubset], ['ajgt-ar', ajgt, undefined], ['tweeteval-en.dev', tweeteval, undefined]] as const) {
  const run = timed(data, lexicon);
  record(name, 'lexicon', data, run.predicted, run.ms, subsets);
}
// The shipped reader keeps plain requests neutral unless the model is fairly sure (modelPolarFloor);
// the second setting shows what that support-first choice costs on these tweet datasets.
const [shippedCv, noFloorCv] = crossValidate(arsarcasm, [{}, { polarFloor: 0 }]);
record('arsarcasm-ar.train', `lexicon+model (${folds}-fold CV)`, arsarcasm, shippedCv?.predicted ?? [], shippedCv?.ms ?? 0, bySubset);
record('arsarcasm-ar.train', `lexicon+model, no polar floor (${folds}-fold CV)`, arsarcasm, noFloorCv?.predicted ?? [], noFloorCv?.ms ?? 0);
const shippedModel = decodeModel(arabicModelWeights);
for (const [name, data] of [['ajgt-ar', ajgt], ['tweeteval-en.dev', tweeteval]] as const) {
  const run = timed(data, readSentiment);
  record(name, 'lexicon+model (shipped)', data, run.predicted, run.ms);
}
const ajgtNoFloor = timed(ajgt, createSentimentReader(shippedModel, { polarFloor: 0 }));
record('ajgt-ar', 'lexicon+model, no polar floor', ajgt, ajgtNoFloor.predicted, ajgtNoFloor.ms);

const pct = (x: number) => `${(100 * x).toFixed(1)}`;
console.log('| dataset | method | subset | n | accuracy | macro F1 | macro recall | F1-PN | ms/msg |');
console.log('|---|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.dataset} | ${r.method} | ${r.subset} | ${r.n} | ${pct(r.accuracy)} | ${pct(r.macro_f1)} | ${pct(r.macro_recall)} | ${pct(r.f1_pn)} | ${r.ms_per_message.toFixed(3)} |`);
}

const output = {
  bench: 'triage-sentiment',
  date: new Date().toISOString(),
  anchors: { arsarcasm_v2_f1_pn: 0.748, tweeteval_macro_recall: 0.737, note: 'published, fine-tuned transformers' },
  train_options: defaultTrainOptions,
  model_polar_floor: modelPolarFloor,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version },
  datasets,
  results,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/sentiment.json'), `${JSON.stringify(output, null, 2)}\n`);
console.error('wrote bench/results/sentiment.json');
