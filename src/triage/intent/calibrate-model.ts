/**
 * Fits a model's temperature and out-of-scope threshold on held-out training examples and
 * returns the calibrated model (same weights, new metadata). Pure.
 */
import { chooseThreshold, fitTemperature, type HeldOutScore } from './calibration.ts';
import { IntentModel } from './model.ts';
import { softmaxInPlace } from './softmax.ts';

export function calibrate(model: IntentModel, heldOut: readonly { text: string; label: string }[], rejectRate: number): IntentModel {
  if (heldOut.length === 0) return model;
  const { labels, oosLabel } = model.meta;
  const scores: HeldOutScore[] = heldOut.map((e) => ({ logits: model.logits(e.text), truth: labels.indexOf(e.label) }));
  // A learnt `oos` class is fitted like any label; every held-out label is one the model knows.
  const temperature = fitTemperature(scores);
  const held = scores.map(({ logits, truth }) => {
    const p = softmaxInPlace(Float64Array.from(logits), temperature);
    let predicted = 0;
    for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[predicted] as number)) predicted = k;
    return { top: p[predicted] as number, predicted, truth };
  });
  const choice = chooseThreshold(held, oosLabel, rejectRate);
  return new IntentModel({ ...model.meta, temperature, threshold: choice.threshold, thresholdMethod: choice.method }, model.space, model.softmax);
}
