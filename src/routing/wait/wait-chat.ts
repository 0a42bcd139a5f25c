import type { CommandContext } from '../../platform/outbox/index.ts';
import { queueWait } from './wait-service.ts';

/**
 * The chat widget's wait (session and `queue` frames), from this predictor, with the offer
 * threshold. Plugged in by the app: `useChatWaitSource(ctx, chatWaitSource(ctx))` (chat cannot
 * import routing, nor routing chat, so the app joins them).
 */
export function chatWaitSource(ctx: CommandContext) {
  return async (workspaceId: string, about: { conversationId?: string | undefined; language?: string | null | undefined }) => {
    const wait = await queueWait(ctx, workspaceId, { channel: 'chat', conversationId: about.conversationId, language: about.language ?? null });
    return { predictedSeconds: wait.predictedSeconds, offerAfterSeconds: wait.offerAfterSeconds };
  };
}
