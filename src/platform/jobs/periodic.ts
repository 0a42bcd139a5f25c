import type { Db } from '../db/index.ts';
import { runExclusively } from './run-exclusively.ts';

export interface PeriodicOptions {
  /** Names the lock: nodes running a task of this name take turns, never overlap. */
  name: string;
  everyMs: number;
  task: () => Promise<void>;
  onError?: (error: unknown) => void;
  /** Run once at start rather than after the first interval (default true). */
  runAtStart?: boolean;
}

export interface Periodic {
  /** Runs now if no node is running it; resolves to whether it ran. */
  runNow(): Promise<boolean>;
  /** No further runs; waits for the one in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `everyMs` on whichever node gets the lock. The next run is timed from the end
 * of the last, so a slow run never stacks up behind itself; the timer is unref'd so it alone never
 * keeps the process alive.
 */
export function startPeriodic(ctx: { db: Db }, options: PeriodicOptions): Periodic {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<boolean> | null = null;

  const runNow = (): Promise<boolean> => {
    if (stopped) return Promise.resolve(false);
    current ??= runExclusively(ctx, options.name, options.task)
      .catch((error: unknown) => {
        options.onError?.(error);
        return false;
      })
      .finally(() => {
        current = null;
      });
    return current;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => void runNow().then(() => schedule(options.everyMs)), delayMs);
    timer.unref();
  };
  schedule(options.runAtStart === false ? options.everyMs : 0);

  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
