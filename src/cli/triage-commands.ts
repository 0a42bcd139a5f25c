import { existsSync } from 'node:fs';
import { evaluate, extractFacts, identifyLanguage, loadModel, readJsonl, saveModel, trainIntentModel, type IntentExample } from '../triage/index.ts';
import { UsageError } from './parse-list.ts';

export interface TriageIo {
  out(line: string): void;
}

function readAll(list: string): IntentExample[] {
  const paths = list.split(',').map((p) => p.trim()).filter(Boolean);
  if (paths.length === 0) throw new UsageError('--data needs at least one JSONL file');
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new UsageError(`no file at ${path}`);
    return readJsonl(path);
  });
}

function modelAt(dir: string | undefined) {
  if (!dir) throw new UsageError('--model is required: the directory `sanad triage train --out` wrote');
  if (!existsSync(dir)) throw new UsageError(`no model at ${dir}`);
  return loadModel(dir);
}

/** `sanad triage train`: learns one model from labelled JSONL and saves it. */
export function triageTrain(options: { data?: string | undefined; out?: string | undefined; seed?: string | undefined }, io: TriageIo): void {
  if (!options.data) throw new UsageError('--data is required, e.g. --data train-en.jsonl,train-ar.jsonl');
  if (!options.out) throw new UsageError('--out is required: a directory for the model');
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  const examples = readAll(options.data);
  const started = performance.now();
  const model = trainIntentModel(examples, seed === undefined ? {} : { seed });
  const seconds = (performance.now() - started) / 1000;
  saveModel(model, options.out);
  io.out(JSON.stringify({ model: options.out, examples: examples.length, labels: model.labels.length, train_seconds: Number(seconds.toFixed(1)) }));
}

/** `sanad triage eval`: one JSON object with the measures the issue names. */
export function triageEval(options: { model?: string | undefined; data?: string | undefined }, io: TriageIo): void {
  const model = modelAt(options.model);
  if (!options.data) throw new UsageError('--data is required: labelled JSONL to measure on');
  const result = evaluate(model, readAll(options.data));
  io.out(JSON.stringify(result));
}

/** `sanad triage classify`: what triage reads in one message. */
export function triageClassify(options: { model?: string | undefined }, text: string | undefined, io: TriageIo): void {
  if (!text?.trim()) throw new UsageError('give the message to classify, e.g. sanad triage classify --model DIR "my card was charged twice"');
  const model = modelAt(options.model);
  const intent = model.classify(text);
  io.out(JSON.stringify({
    intent: intent.label, confidence: Number(intent.confidence.toFixed(4)),
    alternatives: intent.ranked.slice(0, 3).map((r) => ({ label: r.label, p: Number(r.p.toFixed(4)) })),
    language: identifyLanguage(text), facts: extractFacts(text),
  }));
}
