import type { CommandContext } from '../platform/outbox/index.ts';
import { startBriefsOnTransfer, type HandoffOptions } from './handoff/handoff.ts';
import { ActiveModels } from './learning/active-models.ts';
import { startLearningFromTransfers } from './learning/agent-labels.ts';
import { RetrainScheduler } from './learning/retrain-scheduler.ts';
import { triageMessageEvent, type CustomerFacts } from './readings/triage-subscriber.ts';

export interface TriageRuntime {
  models: ActiveModels;
  retraining: RetrainScheduler;
  stop(): Promise<void>;
}

export interface TriageOptions {
  onError?: (error: unknown) => void;
  /** Quiet time after new labels before retraining (default 3 s). */
  retrainDelayMs?: number;
  handoff?: HandoffOptions;
}

/**
 * Triage on every node: each committed customer message is read once (the store ignores repeats)
 * with the workspace's model in use; agents' corrections and transfers become labels; models are
 * retrained in the background.
 */
export async function startTriage(ctx: CommandContext, options: TriageOptions = {}): Promise<TriageRuntime> {
  const onError = options.onError ?? (() => {});
  const retraining = new RetrainScheduler(ctx, { delayMs: options.retrainDelayMs, onError });
  await retraining.start();
  const models = new ActiveModels(ctx, (workspaceId, error) => {
    onError(error);
    retraining.schedule(workspaceId);
  });
  await models.start();
  const stopLearning = await startLearningFromTransfers(ctx, onError);
  const stopBriefs = await startBriefsOnTransfer(ctx, onError, options.handoff);
  const customers: CustomerFacts = new Map();
  const stopReading = await ctx.bus.subscribe(async (event) => {
    if (event.type !== 'message.created') return;
    await triageMessageEvent(ctx, event, async (workspaceId) => (await models.get(workspaceId))?.model ?? null, customers).catch(onError);
  });
  return {
    models,
    retraining,
    async stop() {
      await stopReading();
      await stopLearning();
      await stopBriefs();
      await retraining.stop();
      await models.stop();
    },
  };
}
