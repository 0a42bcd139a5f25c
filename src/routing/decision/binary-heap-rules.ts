/**
 * A binary min-heap under a comparator (the "smallest" is the best). Routing keeps one per group
 * of interchangeable items, so each assignment costs O(log n) instead of a scan of all agents.
 */
export class BinaryHeap<T> {
  private readonly items: T[];

  constructor(private readonly compare: (a: T, b: T) => number, initial: T[] = []) {
    this.items = initial;
    for (let i = (this.items.length >> 1) - 1; i >= 0; i -= 1) this.down(i); // heapify in O(n)
  }

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (this.items.length > 0 && last !== undefined) {
      this.items[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const items = this.items;
    const item = items[i] as T;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as T;
      if (this.compare(item, p) >= 0) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    const item = items[i] as T;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.compare(items[child + 1] as T, items[child] as T) < 0) child += 1;
      if (this.compare(items[child] as T, item) >= 0) break;
      items[i] = items[child] as T;
      i = child;
    }
    items[i] = item;
  }
}
