import { isAppError, type StoredEvent } from '../../kernel/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import type { Unsubscribe } from '../../platform/pubsub/index.ts';
import { examplesChanged } from './category-commands.ts';
import { claimTrainingLease, releaseTrainingLease } from './model-store.ts';
import { retrainIntentModel } from './retrain.ts';

export interface RetrainSchedulerOptions {
  /** Quiet time after the last new label before training: a burst of corrections trains once. */
  delayMs?: number;
  /** How long a trainer may hold a workspace before another node may take over. */
  leaseMs?: number;
  onError?: (error: unknown) => void;
}

const system = { type: 'system' } as const;

/**
 * Retrains a workspace's model in the background after its examples change. Each node listens;
 * one lease per workspace keeps two nodes from training at once. Changes that arrive while a
 * training runs start another one after it, so the last label is never left out.
 */
export class RetrainScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private unsubscribe: Unsubscribe | undefined;
  private readonly holder: string;

  constructor(private readonly ctx: CommandContext, private readonly options: RetrainSchedulerOptions = {}) {
    this.holder = ctx.newId();
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.ctx.bus.subscribe(async (event: StoredEvent) => {
      if (event.type === examplesChanged && event.workspaceId) this.schedule(event.workspaceId);
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running.values()]);
  }

  schedule(workspaceId: string): void {
    if (this.running.has(workspaceId)) {
      this.again.add(workspaceId);
      return;
    }
    clearTimeout(this.timers.get(workspaceId));
    const timer = setTimeout(() => this.run(workspaceId), this.options.delayMs ?? 3000);
    timer.unref();
    this.timers.set(workspaceId, timer);
  }

  /** Resolves when every training this node started or scheduled so far has finished (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.timers.size > 0) await Promise.allSettled([...this.running.values(), new Promise((r) => setTimeout(r, 20))]);
  }

  private run(workspaceId: string): void {
    this.timers.delete(workspaceId);
    const work = this.train(workspaceId).catch((error: unknown) => {
      if (!(isAppError(error) && error.code === 'NOT_ENOUGH_EXAMPLES')) this.options.onError?.(error);
    }).finally(() => {
      this.running.delete(workspaceId);
      if (this.again.delete(workspaceId)) this.schedule(workspaceId);
    });
    this.running.set(workspaceId, work);
  }

  private async train(workspaceId: string): Promise<void> {
    const now = this.ctx.clock();
    const leaseMs = this.options.leaseMs ?? 10 * 60_000;
    if (!(await claimTrainingLease(this.ctx.db, workspaceId, this.holder, now, new Date(now.getTime() + leaseMs)))) {
      // Another node is training: try again later, so this node's news is not lost.
      this.again.add(workspaceId);
      return;
    }
    try {
      await retrainIntentModel(this.ctx, workspaceId, system);
    } finally {
      await releaseTrainingLease(this.ctx.db, workspaceId, this.holder);
    }
  }
}
