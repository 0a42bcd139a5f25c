/**
 * In-process wake-ups: a job enqueued on this node nudges this node's runners so they need not wait
 * for their next poll. Only a hint — the table is the truth, and other nodes find the job by polling.
 */
type Listener = (queue: string) => void;

const listeners = new Set<Listener>();

export function onJobEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function signalJobEnqueued(queue: string): void {
  for (const listener of listeners) {
    try {
      listener(queue);
    } catch {
      // A hint that fails to wake a runner costs one poll interval, nothing more.
    }
  }
}
