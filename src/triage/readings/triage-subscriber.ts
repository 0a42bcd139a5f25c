import { changeConversation, getConversation, getMessageBySeq } from '../../conversations/index.ts';
import type { StoredEvent } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import type { Unsubscribe } from '../../platform/pubsub/index.ts';
import type { IntentModel } from '../intent/model.ts';
import { readMessage } from './read-message.ts';
import { insertReading } from './reading-store.ts';

const system = { type: 'system' } as const;

/** Reads one committed customer message and keeps what it found; safe to run twice for one event. */
export async function triageMessageEvent(ctx: CommandContext, event: StoredEvent, model: IntentModel | null): Promise<void> {
  const { seq, kind } = event.payload as { seq: number; kind: string };
  if (event.type !== 'message.created' || kind !== 'customer' || !event.workspaceId) return;
  const workspaceId = event.workspaceId;
  const message = await getMessageBySeq(ctx, workspaceId, event.subjectId, seq);
  if (!message) return;
  const reading = readMessage(message.body, message.createdAt, model);
  const stored = await transact(ctx, async (tx) => {
    const result = await insertReading(tx.sql, { workspaceId, conversationId: message.conversationId, messageId: message.id, seq }, reading, tx.now);
    if (result.stored) {
      tx.emit({
        type: 'message.triaged', workspaceId, subjectType: 'conversation', subjectId: message.conversationId, actor: system,
        payload: { messageId: message.id, seq, language: reading.language.language, dialect: reading.language.dialect ?? null, intent: reading.intent?.label ?? null, facts: reading.facts.length },
      });
    }
    return result;
  });
  // The conversation's language is the one its first customer message was in, unless someone set it.
  const language = reading.language.language === 'ar-Latn' ? 'ar' : reading.language.language;
  if (!stored.first || language === 'und') return;
  const conversation = await getConversation(ctx, workspaceId, message.conversationId);
  if (conversation.language === null) await changeConversation(ctx, workspaceId, conversation.id, { language }, system);
}

/** Triage on every node: each committed customer message is read once (the store ignores repeats). */
export async function startTriage(ctx: CommandContext, options: { model?: IntentModel | null; onError?: (error: unknown) => void } = {}): Promise<Unsubscribe> {
  return ctx.bus.subscribe(async (event) => {
    if (event.type !== 'message.created') return;
    await triageMessageEvent(ctx, event, options.model ?? null).catch((error: unknown) => options.onError?.(error));
  });
}
