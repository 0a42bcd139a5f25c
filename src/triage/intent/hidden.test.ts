import { describe, expect, it } from 'vitest';
import type { SparseVector } from './features.ts';
import { hiddenScoreInto, trainHidden } from './hidden.ts';

const vector = (indices: number[]): SparseVector => ({ indices: Int32Array.from(indices), values: new Float32Array(indices.length).fill(1 / Math.sqrt(indices.length)) });
// XOR over two features: no linear model separates it, one hidden layer does.
const xs = [vector([0]), vector([1]), vector([0, 1]), vector([2])];
const ys = [1, 1, 0, 0];
const options = { hidden: 16, epochs: 200, learningRate: 0.1, seed: 5 };

describe('trainHidden', () => {
  it('when trained on an XOR of two features, then it classifies all four cases', () => {
    const net = trainHidden(xs, ys, 2, 3, options);
    const h = new Float64Array(net.hidden);
    xs.forEach((x, n) => {
      const logits = hiddenScoreInto(net, x, h, new Float64Array(2));
      expect((logits[ys[n] as number] as number) > (logits[1 - (ys[n] as number)] as number)).toBe(true);
    });
  });

  it('when trained twice with the same seed, then the weights are identical', () => {
    expect(trainHidden(xs, ys, 2, 3, options).embed).toEqual(trainHidden(xs, ys, 2, 3, options).embed);
  });
});
