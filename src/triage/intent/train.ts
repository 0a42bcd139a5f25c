/**
 * Training an intent model from labelled examples: a stratified held-out slice of the training
 * data (never dev or test) is set aside; the softmax and the hidden-layer network are trained on
 * the rest; their temperatures, their blend and the out-of-scope threshold are fitted on the
 * held-out slice; then (by default) both are trained again on every example, keeping that calibration. One label set across languages;
 * examples labelled `oos` become a learnt class as well. Pure and deterministic for a seed.
 */
import { calibrate } from './calibrate-model.ts';
import { buildFeatureSpace, countFeatures, defaultFeatureOptions, weighFeatures, type FeatureOptions } from './features.ts';
import { defaultHiddenOptions, trainHidden, type HiddenTrainOptions } from './hidden.ts';
import { IntentModel, MODEL_FORMAT, OOS, type IntentModelMeta } from './model.ts';
import { defaultSoftmaxOptions, seededRandom, shuffle, trainSoftmax, type SoftmaxTrainOptions } from './softmax.ts';

export interface IntentExample {
  text: string;
  label: string;
  lang?: string;
}

export interface TrainIntentOptions extends Partial<SoftmaxTrainOptions> {
  features?: Partial<FeatureOptions>;
  /**
   * The hidden-layer network (seeded from `seed`); `{ hidden: 0 }` trains the softmax alone, and so
   * does a training set under `minExamples` (a network fitted on a few dozen examples is confidently
   * wrong on unrelated text, and its blend cannot be fitted on a held-out slice of a handful).
   */
  network?: Partial<Omit<HiddenTrainOptions, 'seed'> & { minExamples: number }>;
  /** A bucket must appear in this many training texts to become a feature. */
  minDf?: number;
  /** Share of each label's training examples held out for calibration. */
  heldOut?: number;
  /** Without held-out oos examples: share of held-out in-scope examples the threshold rejects. */
  rejectRate?: number;
  /** After calibrating, train again on every example (held-out slice included). */
  refit?: boolean;
}

export const defaultTrainOptions = { minDf: 2, heldOut: 0.1, rejectRate: 0.03, refit: true };

/** Per label, the first ⌊share × n⌋ of a seeded shuffle (at least one when a label has 3 or more). */
export function stratifiedSplit<T extends { label: string }>(examples: readonly T[], share: number, seed: number): { train: T[]; heldOut: T[] } {
  const byLabel = new Map<string, T[]>();
  for (const example of examples) {
    const group = byLabel.get(example.label) ?? [];
    group.push(example);
    byLabel.set(example.label, group);
  }
  const random = seededRandom(seed ^ 0x5eed);
  const train: T[] = [];
  const heldOut: T[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const group = shuffle([...(byLabel.get(label) as T[])], random);
    const take = share <= 0 ? 0 : Math.max(Math.floor(group.length * share), group.length >= 3 ? 1 : 0);
    heldOut.push(...group.slice(0, take));
    train.push(...group.slice(take));
  }
  return { train, heldOut };
}

export function trainIntentModel(examples: readonly IntentExample[], options: TrainIntentOptions = {}): IntentModel {
  if (examples.length === 0) throw new Error('trainIntentModel: no training examples');
  const features: FeatureOptions = { ...defaultFeatureOptions, ...options.features };
  const softmaxOptions: SoftmaxTrainOptions = {
    epochs: options.epochs ?? defaultSoftmaxOptions.epochs,
    learningRate: options.learningRate ?? defaultSoftmaxOptions.learningRate,
    l2: options.l2 ?? defaultSoftmaxOptions.l2,
    seed: options.seed ?? defaultSoftmaxOptions.seed,
  };
  const { minExamples = 1000, ...network } = options.network ?? {};
  const networkOptions: HiddenTrainOptions = { ...defaultHiddenOptions, ...network, seed: softmaxOptions.seed };
  if (examples.length < minExamples) networkOptions.hidden = 0;
  const minDf = options.minDf ?? defaultTrainOptions.minDf;
  const heldOutShare = options.heldOut ?? defaultTrainOptions.heldOut;
  const rejectRate = options.rejectRate ?? defaultTrainOptions.rejectRate;
  const refit = options.refit ?? defaultTrainOptions.refit;

  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelId = new Map(labels.map((label, k) => [label, k]));
  const { train, heldOut } = stratifiedSplit(examples, heldOutShare, softmaxOptions.seed);

  const fit = (subset: readonly IntentExample[]) => {
    const counted = subset.map((e) => countFeatures(e.text, features));
    const space = buildFeatureSpace(counted, features, minDf);
    const xs = counted.map((c) => weighFeatures(c, space));
    const ys = subset.map((e) => labelId.get(e.label) as number);
    const softmax = trainSoftmax(xs, ys, labels.length, space.idf.length, softmaxOptions);
    const hidden = networkOptions.hidden > 0 ? trainHidden(xs, ys, labels.length, space.idf.length, networkOptions) : undefined;
    return { space, softmax, hidden };
  };

  const languages: Record<string, number> = {};
  for (const e of examples) languages[e.lang ?? 'unknown'] = (languages[e.lang ?? 'unknown'] ?? 0) + 1;
  const meta = (rows: number, trained: number): IntentModelMeta => ({
    format: MODEL_FORMAT,
    labels,
    features,
    temperature: 1,
    hiddenTemperature: 1,
    // Uncalibrated (no held-out slice): an even mix, which held-out fits land near on large data.
    blend: networkOptions.hidden > 0 ? 0.5 : 0,
    threshold: 0,
    thresholdMethod: 'none',
    oosLabel: labelId.get(OOS) ?? -1,
    rows,
    trainedOn: { examples: trained, heldOut: heldOut.length, languages },
    options: { ...softmaxOptions, network: networkOptions, minDf, heldOut: heldOutShare, rejectRate, refit },
  });
  const first = fit(train);
  const calibrated = calibrate(new IntentModel(meta(first.space.idf.length, train.length), first.space, first.softmax, first.hidden), heldOut, rejectRate);
  if (!refit || heldOut.length === 0) return calibrated;
  // The held-out slice has done its job: the final weights learn from every example, keeping the
  // temperature and threshold fitted above (same settings, so the confidence scale carries over).
  const full = fit(examples);
  const { temperature, hiddenTemperature, blend, threshold, thresholdMethod } = calibrated.meta;
  return new IntentModel({ ...meta(full.space.idf.length, examples.length), temperature, hiddenTemperature, blend, threshold, thresholdMethod }, full.space, full.softmax, full.hidden);
}
