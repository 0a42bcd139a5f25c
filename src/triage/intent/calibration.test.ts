import { describe, expect, it } from 'vitest';
import { chooseThreshold, fitBlend, fitTemperature } from './calibration.ts';

const OOS_LABEL = 9;
/** In-scope held-out examples, right at the given confidences, then oos ones the model answered as label 0. */
function held(inScope: number[], oos: number[]) {
  return [...inScope.map((top) => ({ top, predicted: 1, truth: 1 })), ...oos.map((top) => ({ top, predicted: 0, truth: OOS_LABEL }))];
}

describe('chooseThreshold', () => {
  it('when a low cut-off already reaches the oos recall floor, then it takes the lowest such cut-off', () => {
    const inScope = Array.from({ length: 100 }, (_, i) => 0.5 + i / 200);
    const choice = chooseThreshold(held(inScope, [0.1, 0.2, 0.3, 0.4, 0.95]), OOS_LABEL, 0.03, 0.08, 5, 0.6);
    expect(choice.method).toBe('recall-floor');
    // 0.3 catches 0.1 and 0.2 (40%); 0.4 catches three (60%) and rejects no in-scope example.
    expect(choice.threshold).toBe(0.4);
  });

  it('when an answered oos class counts, then oos answers are caught without any cut-off', () => {
    const examples = [...held([0.9, 0.8, 0.7], []), ...[0.9, 0.9, 0.9, 0.9, 0.9].map((top) => ({ top, predicted: OOS_LABEL, truth: OOS_LABEL }))];
    expect(chooseThreshold(examples, OOS_LABEL, 0.03)).toEqual({ threshold: 0, method: 'recall-floor' });
  });

  it('when the floor cannot be reached within the reject budget, then it falls back to the balanced cut-off', () => {
    const inScope = Array.from({ length: 100 }, (_, i) => 0.2 + i / 200);
    const choice = chooseThreshold(held(inScope, [0.9, 0.9, 0.9, 0.9, 0.1]), OOS_LABEL, 0.03);
    expect(choice.method).toBe('balanced');
    expect(choice.threshold).toBeLessThanOrEqual(0.25);
  });

  it('when there are too few oos examples, then the cut-off rejects the reject rate of in-scope examples', () => {
    const inScope = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);
    const choice = chooseThreshold(held(inScope, [0.1]), OOS_LABEL, 0.1);
    expect(choice.method).toBe('quantile');
    expect(choice.threshold).toBeCloseTo(0.105, 6);
  });
});

describe('fitTemperature', () => {
  it('when logits are over-confident and often wrong, then the fitted temperature softens them', () => {
    const scores = Array.from({ length: 40 }, (_, i) => ({ logits: Float64Array.from([10, 0]), truth: i % 2 }));
    expect(fitTemperature(scores)).toBeGreaterThan(5);
  });

  it('when nothing in scope was held out, then the temperature stays 1', () => {
    expect(fitTemperature([{ logits: Float64Array.from([1, 0]), truth: -1 }])).toBe(1);
  });
});

describe('fitBlend', () => {
  const sure = (k: number) => Float64Array.from([0, 1, 2].map((c) => (c === k ? 0.9 : 0.05)));
  it('when only the second learner is right, then the blend leans on it entirely', () => {
    expect(fitBlend([sure(0), sure(0)], [sure(1), sure(2)], [1, 2])).toBe(1);
  });

  it('when only the first learner is right, then the second gets no share', () => {
    expect(fitBlend([sure(1), sure(2)], [sure(0), sure(0)], [1, 2])).toBe(0);
  });

  it('when each is right half the time, then the blend mixes them', () => {
    const w = fitBlend([sure(1), sure(0)], [sure(0), sure(2)], [1, 2]);
    expect(w).toBeGreaterThan(0.2);
    expect(w).toBeLessThan(0.8);
  });
});
