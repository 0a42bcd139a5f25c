import { startPeriodic } from '../platform/jobs/index.ts';
import type { CommandContext } from '../platform/outbox/index.ts';
import { takeSlaEvent } from './clocks/sla-intake.ts';
import { sweepSla } from './clocks/sla-sweep.ts';

export interface SlaOptions {
  /** How often the scheduler looks for due clocks (default 5 s); 0 leaves sweeping to the caller (tests). */
  sweepMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * SLA on this node: clocks follow every conversation event, and the scheduler sweeps due clocks.
 * Deadlines live in the database, not in timers: the sweep runs on one node at a time
 * (runExclusively) and any node can take over, so a restart or a long pause loses nothing.
 */
export async function startSla(ctx: CommandContext, options: SlaOptions = {}): Promise<{ stop(): Promise<void> }> {
  const report = options.onError ?? (() => undefined);
  const unsubscribe = await ctx.bus.subscribe((event) => takeSlaEvent(ctx, event).catch(report));
  const sweepMs = options.sweepMs ?? 5_000;
  const sweeper = sweepMs > 0
    ? startPeriodic(ctx, { name: 'sla.sweep', everyMs: sweepMs, task: async () => void (await sweepSla(ctx)), onError: report })
    : null;
  return {
    async stop() {
      await unsubscribe();
      await sweeper?.stop();
    },
  };
}
