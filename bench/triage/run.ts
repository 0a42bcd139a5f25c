/**
 * bench/triage — the intent classifier on public datasets (see $SANAD_DATASETS/README.md).
 *
 *   npx tsx bench/triage/run.ts [--save-model dir]
 *
 * 1. One bilingual model trained on banking77-en.train + banking77-ar.train, measured on each dev set.
 * 2. CLINC150: trained on clinc150-en.train (with its `oos` examples), measured on clinc150-en.dev,
 *    with out-of-scope recall and in-scope accuracy.
 * Prints a markdown table and writes bench/results/triage.json. Dev sets only; test sets stay unread.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { evaluate, readJsonl, saveModel, trainIntentModel, type IntentEvaluation, type IntentExample, type IntentModel } from '../../src/triage/index.ts';

const args = parseArgs({ options: { 'save-model': { type: 'string' } } }).values;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const datasets = resolve(root, process.env.SANAD_DATASETS ?? '../shared/datasets');
const intents = (name: string) => readJsonl(join(datasets, 'intents', `${name}.jsonl`));

function train(name: string, examples: IntentExample[]): { model: IntentModel; seconds: number } {
  const started = performance.now();
  const model = trainIntentModel(examples, { seed: 42 });
  const seconds = (performance.now() - started) / 1000;
  console.error(`trained ${name} on ${examples.length} examples in ${seconds.toFixed(1)} s (${model.meta.rows} feature rows, T=${model.meta.temperature.toFixed(3)}, threshold=${model.meta.threshold.toFixed(3)} by ${model.meta.thresholdMethod})`);
  return { model, seconds };
}

type Row = { model: string; dev: string; evaluation: IntentEvaluation };
const rows: Row[] = [];
const runs: Record<string, unknown>[] = [];

const bankingTrain = [...intents('banking77-en.train'), ...intents('banking77-ar.train')];
const banking = train('banking77-en+ar', bankingTrain);
for (const dev of ['banking77-en.dev', 'banking77-ar.dev']) rows.push({ model: 'banking77-en+ar', dev, evaluation: evaluate(banking.model, intents(dev)) });
runs.push({ model: 'banking77-en+ar', train_examples: bankingTrain.length, train_seconds: banking.seconds, meta: banking.model.meta });
if (args['save-model']) saveModel(banking.model, resolve(args['save-model']));

const clincTrain = intents('clinc150-en.train');
const clinc = train('clinc150-en', clincTrain);
rows.push({ model: 'clinc150-en', dev: 'clinc150-en.dev', evaluation: evaluate(clinc.model, intents('clinc150-en.dev')) });
runs.push({ model: 'clinc150-en', train_examples: clincTrain.length, train_seconds: clinc.seconds, meta: clinc.model.meta });

const pct = (x: number | undefined) => (x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
const seconds = (name: string) => (name === 'clinc150-en' ? clinc.seconds : banking.seconds);
console.log('| model | dev set | n | accuracy | top-1 (no oos) | macro F1 | oos recall | in-scope acc | in-scope rejected | train s | ms/msg |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { model, dev, evaluation: e } of rows) {
  console.log(`| ${model} | ${dev} | ${e.examples} | ${pct(e.accuracy)} | ${pct(e.top1_accuracy)} | ${pct(e.macro_f1)} | ${pct(e.oos_recall)} | ${pct(e.in_scope_accuracy)} | ${pct(e.rejected_in_scope)} | ${seconds(model).toFixed(1)} | ${e.ms_per_message.toFixed(3)} |`);
}

const results = {
  bench: 'triage-intent',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version },
  datasets,
  runs: runs.map((r) => ({ ...r, meta: { ...(r.meta as object), labels: undefined } })),
  results: rows.map(({ model, dev, evaluation: { per_label: _perLabel, ...summary } }) => ({ model, dev, train_seconds: seconds(model), ...summary })),
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/triage.json'), `${JSON.stringify(results, null, 2)}\n`);
console.error('wrote bench/results/triage.json');
