/**
 * The future events of a simulation, earliest first; events at the same second keep the order they
 * were scheduled in, so a run never depends on heap internals.
 */
export interface Scheduled<E> {
  at: number;
  seq: number;
  event: E;
}

export class EventQueue<E> {
  private readonly heap: Scheduled<E>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, event: E): void {
    this.heap.push({ at, seq: this.seq++, event });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  next(): Scheduled<E> | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < this.heap.length && this.before(l, best)) best = l;
        if (r < this.heap.length && this.before(r, best)) best = r;
        if (best === i) break;
        this.swap(i, best);
        i = best;
      }
    }
    return top;
  }

  private before(i: number, j: number): boolean {
    const a = this.heap[i] as Scheduled<E>;
    const b = this.heap[j] as Scheduled<E>;
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as Scheduled<E>;
    this.heap[i] = this.heap[j] as Scheduled<E>;
    this.heap[j] = t;
  }
}
