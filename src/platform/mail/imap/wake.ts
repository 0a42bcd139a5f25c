/**
 * A one-slot signal: `notify()` wakes the current `wait()`, or the next one if nobody is waiting,
 * so news that arrives while the fetcher is busy (new mail during a sync) is never lost.
 */
export class Wake {
  private pending = false;
  private waiter: (() => void) | null = null;

  notify(): void {
    this.pending = true;
    this.waiter?.();
  }

  /** Resolves on the next (or an unconsumed earlier) notify, or after `ms`. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiter = null;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiter = done;
    });
  }
}
