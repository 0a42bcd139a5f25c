/**
 * Measures the honest wait: when a conversation starts waiting for an agent, the prediction of
 * that moment is kept; when an agent takes it, the real wait; when it is resolved, how long the
 * agent held it (the recent handle times the next predictions use). A subscriber on committed
 * events, so the routing engine needs no change; idempotent, as every node hears every event.
 */
import { getConversation } from '../../conversations/index.ts';
import type { StoredEvent } from '../../kernel/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import type { Unsubscribe } from '../../platform/pubsub/index.ts';
import { queueWait } from './wait-service.ts';
import { insertPrediction, recordClaim, recordResolution } from './wait-store.ts';

type Payload = { to?: string; toOwnerId?: string | null };

/** Whether the event starts a wait for an agent (the same events the engine's "waiting since" follows). */
export function startsWaiting(event: Pick<StoredEvent, 'type' | 'payload'>): boolean {
  const p = event.payload as Payload;
  return event.type === 'conversation.created'
    || (event.type === 'conversation.status_changed' && p.to === 'open')
    || (event.type === 'conversation.assigned' && p.toOwnerId === null);
}

/** Handles one committed event; exported so tests and a replay can drive it directly. */
export async function trackWaitEvent(ctx: CommandContext, event: StoredEvent): Promise<void> {
  const workspaceId = event.workspaceId;
  if (!workspaceId || event.subjectType !== 'conversation') return;
  const p = event.payload as Payload;
  if (startsWaiting(event)) {
    const conversation = await getConversation(ctx, workspaceId, event.subjectId).catch(() => null);
    if (!conversation) return;
    // A new or unassigned conversation waited from the event on, even if an agent has it by now
    // (its claim is handled after this, in order); a reopened one waits only if nobody owns it.
    if (event.type === 'conversation.status_changed' && (conversation.status !== 'open' || conversation.ownerId !== null)) return;
    const wait = await queueWait(ctx, workspaceId, { channel: conversation.channel, teamId: conversation.teamId, language: conversation.language, conversationId: conversation.id, fresh: true });
    await insertPrediction(ctx.db, {
      conversationId: conversation.id, workspaceId, channel: conversation.channel, teamId: conversation.teamId,
      waitingSince: event.occurredAt, predictedSeconds: wait.predictedSeconds, basis: wait.basis,
    });
  } else if (event.type === 'conversation.assigned' && p.toOwnerId) {
    await recordClaim(ctx.db, event.subjectId, event.occurredAt);
  } else if (event.type === 'conversation.status_changed' && p.to === 'resolved') {
    await recordResolution(ctx.db, event.subjectId, event.occurredAt);
  }
}

/**
 * Starts measuring; `buildApp` calls it once and stops it on close. Events of one conversation
 * are handled one after another, so a claim never overtakes the start of its wait.
 */
export async function startWaitTracking(ctx: CommandContext, onError: (error: unknown) => void = () => {}): Promise<Unsubscribe> {
  const chains = new Map<string, Promise<void>>();
  return ctx.bus.subscribe((event) => {
    const key = event.subjectId;
    const next = (chains.get(key) ?? Promise.resolve()).then(() => trackWaitEvent(ctx, event)).catch(onError);
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
    return next;
  });
}
