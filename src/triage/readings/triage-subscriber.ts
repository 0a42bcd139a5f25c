import { changeConversation, getConversation, getMessageBySeq, recordReadingIn } from '../../conversations/index.ts';
import type { StoredEvent } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { OOS, type IntentModel } from '../intent/model.ts';
import { proposeIntent } from './intent-choice-rules.ts';
import { readMessage } from './read-message.ts';
import { insertReading } from './reading-store.ts';

const system = { type: 'system' } as const;

/** The workspace's model in use, if it has one. */
export type ModelSource = (workspaceId: string) => Promise<IntentModel | null>;

/** Reads one committed customer message and keeps what it found; safe to run twice for one event. */
export async function triageMessageEvent(ctx: CommandContext, event: StoredEvent, modelOf: ModelSource): Promise<void> {
  const { seq, kind } = event.payload as { seq: number; kind: string };
  if (event.type !== 'message.created' || kind !== 'customer' || !event.workspaceId) return;
  const workspaceId = event.workspaceId;
  const message = await getMessageBySeq(ctx, workspaceId, event.subjectId, seq);
  if (!message) return;
  const reading = readMessage(message.body, message.createdAt, await modelOf(workspaceId));
  const stored = await transact(ctx, async (tx) => {
    const result = await insertReading(tx.sql, { workspaceId, conversationId: message.conversationId, messageId: message.id, seq }, reading, tx.now);
    if (!result.stored) return result;
    tx.emit({
      type: 'message.triaged', workspaceId, subjectType: 'conversation', subjectId: message.conversationId, actor: system,
      payload: { messageId: message.id, seq, language: reading.language.language, dialect: reading.language.dialect ?? null, intent: reading.intent?.label ?? null, facts: reading.facts.length },
    });
    await recordReadingIn(tx, workspaceId, message.conversationId, (current) => {
      const intent = proposeIntent(current, reading.intent, OOS);
      return intent ? { ...intent, intentSource: 'model' } : {};
    }, system);
    return result;
  });
  // The conversation's language is the one its first customer message was in, unless someone set it.
  const language = reading.language.language === 'ar-Latn' ? 'ar' : reading.language.language;
  if (!stored.first || language === 'und') return;
  const conversation = await getConversation(ctx, workspaceId, message.conversationId);
  if (conversation.language === null) await changeConversation(ctx, workspaceId, conversation.id, { language }, system);
}
