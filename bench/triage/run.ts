/**
 * bench/triage — the intent classifier on public datasets (see $SANAD_DATASETS/README.md).
 *
 *   npx tsx bench/triage/run.ts [--save-model dir] [--only name,name]
 *
 * 1. One bilingual model trained on banking77-en.train + banking77-ar.train, measured on each dev
 *    set, and on banking77-ar.dev per `dialect` where its rows carry one.
 * 2. CLINC150 and BANKING77-OOS: trained with their `oos` examples, measured with out-of-scope
 *    recall and in-scope accuracy.
 * 3. HWU64 and the Bitext customer-support sample: other domains, train → dev.
 * Prints a markdown table and writes bench/results/triage.json. Dev sets only; test sets stay unread.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { evaluate, saveModel, trainIntentModel, type IntentEvaluation, type IntentExample, type IntentModel } from '../../src/triage/index.ts';
import { intentsIn, type DevSlice } from './datasets.ts';

const args = parseArgs({ options: { 'save-model': { type: 'string' }, only: { type: 'string' } } }).values;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const datasets = resolve(root, process.env.SANAD_DATASETS ?? '../shared/datasets');
const intents = intentsIn(datasets);

interface Plan {
  model: string;
  train: string[];
  dev: string[];
  /** Dev sets also measured per dialect. */
  byDialect?: string[];
  /** Sets written for Sanad (bench/triage/held-out; never trained on), measured whole and per dialect. */
  ownSets?: string[];
  save?: boolean;
}

const plans: Plan[] = [
  { model: 'banking77-en+ar', train: ['banking77-en.train', 'banking77-ar.train'], dev: ['banking77-en.dev', 'banking77-ar.dev'], byDialect: ['banking77-ar.dev'], ownSets: ['unseen-dialects'], save: true },
  { model: 'clinc150-en', train: ['clinc150-en.train'], dev: ['clinc150-en.dev'] },
  { model: 'banking77-oos-en', train: ['banking77-oos-en.train'], dev: ['banking77-oos-en.dev'] },
  { model: 'hwu64-en', train: ['hwu64-en.train'], dev: ['hwu64-en.dev'] },
  { model: 'bitext-support-en', train: ['bitext-support-en.train'], dev: ['bitext-support-en.dev'] },
];
const only = args.only?.split(',');

function train(name: string, examples: IntentExample[]): { model: IntentModel; seconds: number } {
  const started = performance.now();
  const model = trainIntentModel(examples, { seed: 42 });
  const seconds = (performance.now() - started) / 1000;
  console.error(`trained ${name} on ${examples.length} examples in ${seconds.toFixed(1)} s (${model.meta.rows} feature rows, T=${model.meta.temperature.toFixed(3)}, network T=${model.meta.hiddenTemperature.toFixed(3)} blend=${model.meta.blend.toFixed(2)}, threshold=${model.meta.threshold.toFixed(3)} by ${model.meta.thresholdMethod})`);
  return { model, seconds };
}

type Row = { model: string; dev: string; train_seconds: number; evaluation: IntentEvaluation };
const rows: Row[] = [];
const runs: Record<string, unknown>[] = [];

for (const plan of plans) {
  if (only && !only.includes(plan.model)) continue;
  const examples = plan.train.flatMap((name) => intents.read(name));
  const { model, seconds } = train(plan.model, examples);
  const slices: DevSlice[] = plan.dev.flatMap((name) => [{ name, examples: intents.read(name) }, ...(plan.byDialect?.includes(name) ? intents.byDialect(name) : [])]);
  for (const own of plan.ownSets ?? []) {
    // Dialects the training data lacks (Gulf, Egyptian, Maghrebi, Iraqi, Levantine, Arabizi): robustness, not memory.
    const written = readFileSync(join(root, 'bench/triage/held-out', `${own}.jsonl`), 'utf8').split('\n').filter((l) => l.trim())
      .map((l) => JSON.parse(l) as IntentExample & { dialect?: string });
    slices.push({ name: own, examples: written });
    for (const dialect of [...new Set(written.map((e) => e.dialect ?? 'unknown'))].sort()) {
      slices.push({ name: `${own} · ${dialect}`, examples: written.filter((e) => (e.dialect ?? 'unknown') === dialect) });
    }
  }
  for (const slice of slices) rows.push({ model: plan.model, dev: slice.name, train_seconds: seconds, evaluation: evaluate(model, slice.examples) });
  runs.push({ model: plan.model, train_examples: examples.length, train_seconds: seconds, meta: { ...model.meta, labels: undefined } });
  if (plan.save && args['save-model']) saveModel(model, resolve(args['save-model']));
}

const pct = (x: number | undefined) => (x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
console.log('| model | dev set | n | accuracy | top-1 (no oos) | macro F1 | oos recall | in-scope acc | in-scope rejected | train s | ms/msg |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { model, dev, train_seconds, evaluation: e } of rows) {
  console.log(`| ${model} | ${dev} | ${e.examples} | ${pct(e.accuracy)} | ${pct(e.top1_accuracy)} | ${pct(e.macro_f1)} | ${pct(e.oos_recall)} | ${pct(e.in_scope_accuracy)} | ${pct(e.rejected_in_scope)} | ${train_seconds.toFixed(1)} | ${e.ms_per_message.toFixed(3)} |`);
}

const results = {
  bench: 'triage-intent',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version },
  datasets,
  runs,
  results: rows.map(({ model, dev, train_seconds, evaluation: { per_label: _perLabel, ...summary } }) => ({ model, dev, train_seconds, ...summary })),
};
if (!only) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/triage.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.error('wrote bench/results/triage.json');
}
