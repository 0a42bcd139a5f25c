import { describe, expect, it } from 'vitest';
import { BinaryHeap } from './binary-heap-rules.ts';

describe('BinaryHeap', () => {
  it('when numbers are heapified and pushed, then they pop smallest first', () => {
    const heap = new BinaryHeap<number>((a, b) => a - b, [5, 3, 9, 1]);
    heap.push(4);
    heap.push(0);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop() as number);
    expect(out).toEqual([0, 1, 3, 4, 5, 9]);
    expect(heap.pop()).toBeUndefined();
  });
});
