/**
 * Fits a model's calibration on held-out training examples and returns the calibrated model
 * (same weights, new metadata): a temperature per learner, the blend of the two learners, then the
 * out-of-scope threshold on the blended top probability. Pure.
 */
import { chooseThreshold, fitBlend, fitTemperature, type HeldOutScore } from './calibration.ts';
import type { IntentModel } from './model.ts';
import { softmaxInPlace } from './softmax.ts';

/** Held-out examples needed before the blend of the two learners is fitted rather than even. */
export const MIN_BLEND_EXAMPLES = 200;

export function calibrate(model: IntentModel, heldOut: readonly { text: string; label: string }[], rejectRate: number): IntentModel {
  if (heldOut.length === 0) return model;
  const { labels, oosLabel } = model.meta;
  const heads = heldOut.map((e) => model.heads(e.text));
  const truths = heldOut.map((e) => labels.indexOf(e.label));
  // A learnt `oos` class is fitted like any label; every held-out label is one the model knows.
  const linear: HeldOutScore[] = heads.map((h, i) => ({ logits: h.linear, truth: truths[i] as number }));
  const temperature = fitTemperature(linear);
  const p = linear.map((s) => softmaxInPlace(Float64Array.from(s.logits), temperature));
  let hiddenTemperature = 1;
  let blend = 0;
  if (model.hidden) {
    hiddenTemperature = fitTemperature(heads.map((h, i) => ({ logits: h.hidden as Float64Array, truth: truths[i] as number })));
    const q = heads.map((h) => softmaxInPlace(Float64Array.from(h.hidden as Float64Array), hiddenTemperature));
    // A blend fitted on a handful of examples swings to either extreme on one lucky answer: small
    // held-out sets keep the even mix.
    blend = truths.filter((t) => t >= 0).length >= MIN_BLEND_EXAMPLES ? fitBlend(p, q, truths) : 0.5;
    p.forEach((pi, i) => {
      for (let k = 0; k < pi.length; k++) pi[k] = (1 - blend) * (pi[k] as number) + blend * ((q[i] as Float64Array)[k] as number);
    });
  }
  const held = p.map((pi, i) => {
    let predicted = 0;
    for (let k = 1; k < pi.length; k++) if ((pi[k] as number) > (pi[predicted] as number)) predicted = k;
    return { top: pi[predicted] as number, predicted, truth: truths[i] as number };
  });
  const choice = chooseThreshold(held, oosLabel, rejectRate);
  return model.withCalibration({ temperature, hiddenTemperature, blend, threshold: choice.threshold, thresholdMethod: choice.method });
}
