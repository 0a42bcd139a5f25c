import { getContact } from '../../contacts/index.ts';
import { changeConversation, getConversation, getMessageBySeq, listConversations, recordReadingIn, type Conversation, type Message } from '../../conversations/index.ts';
import type { StoredEvent } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { OOS, type IntentModel } from '../intent/model.ts';
import { proposeIntent, proposeUrgency } from './reading-choice-rules.ts';
import { readMessage, type ReadingContext } from './read-message.ts';
import { insertReading } from './reading-store.ts';

const system = { type: 'system' } as const;

/** The workspace's model in use, if it has one. */
export type ModelSource = (workspaceId: string) => Promise<IntentModel | null>;

const day = 24 * 3600_000;

/** Who the customer is changes slowly: kept per conversation for a minute, so a busy chat does not re-read it per message. */
export type CustomerFacts = Map<string, { at: number; tier: string | null; contactsInLastDay: number }>;
const customerFactsMs = 60_000;

/** What urgency weighs besides the words: the customer's tier, their other contacts today, the wait so far. */
async function contextOf(ctx: CommandContext, conversation: Conversation, message: Message, known: CustomerFacts): Promise<ReadingContext> {
  const now = ctx.clock().getTime();
  let facts = known.get(conversation.id);
  if (!facts || now - facts.at > customerFactsMs) {
    const contact = await getContact(ctx, conversation.workspaceId, conversation.contactId);
    const recent = await listConversations(ctx, conversation.workspaceId, { contactId: contact.id, limit: 20 });
    const since = conversation.createdAt.getTime() - day;
    const tier = contact.attributes.tier;
    facts = {
      at: now, tier: typeof tier === 'string' ? tier : null,
      contactsInLastDay: recent.items.filter((c) => c.id !== conversation.id && c.createdAt.getTime() >= since && c.createdAt <= conversation.createdAt).length,
    };
    if (known.size > 10_000) known.clear();
    known.set(conversation.id, facts);
  }
  return {
    tier: facts.tier,
    contactsInLastDay: facts.contactsInLastDay,
    // Until someone answers, the wait runs from the start; after that routing's ageing takes over.
    waitedSeconds: conversation.firstResponseAt ? 0 : Math.max(0, (message.createdAt.getTime() - conversation.createdAt.getTime()) / 1000),
    channel: conversation.channel,
  };
}

/** Reads one committed customer message and keeps what it found; safe to run twice for one event. */
export async function triageMessageEvent(ctx: CommandContext, event: StoredEvent, modelOf: ModelSource, known: CustomerFacts = new Map()): Promise<void> {
  const { seq, kind } = event.payload as { seq: number; kind: string };
  if (event.type !== 'message.created' || kind !== 'customer' || !event.workspaceId) return;
  const workspaceId = event.workspaceId;
  const message = await getMessageBySeq(ctx, workspaceId, event.subjectId, seq);
  if (!message) return;
  const conversation = await getConversation(ctx, workspaceId, message.conversationId);
  const reading = readMessage(message.body, message.createdAt, await modelOf(workspaceId), await contextOf(ctx, conversation, message, known));
  const stored = await transact(ctx, async (tx) => {
    const result = await insertReading(tx.sql, { workspaceId, conversationId: message.conversationId, messageId: message.id, seq }, reading, tx.now);
    if (!result.stored) return result;
    tx.emit({
      type: 'message.triaged', workspaceId, subjectType: 'conversation', subjectId: message.conversationId, actor: system,
      payload: {
        messageId: message.id, seq, language: reading.language.language, dialect: reading.language.dialect ?? null, intent: reading.intent?.label ?? null,
        facts: reading.facts.length, sentiment: reading.sentiment.label, urgency: reading.urgency.level, urgencyScore: Math.round(reading.urgency.score),
      },
    });
    await recordReadingIn(tx, workspaceId, message.conversationId, (current) => {
      const intent = proposeIntent(current, reading.intent, OOS);
      const urgency = proposeUrgency(current, { ...reading.urgency, score: Math.round(reading.urgency.score) });
      return {
        ...(intent ? { ...intent, intentSource: 'model' as const } : {}),
        // The mood's label, not every wobble of its score, is news: an unchanged label writes nothing.
        ...(current.sentiment !== reading.sentiment.label ? { sentiment: reading.sentiment.label, sentimentScore: reading.sentiment.score } : {}),
        ...(urgency ? { urgency: urgency.level, urgencyScore: urgency.score, urgencyReasons: urgency.reasons } : {}),
      };
    }, system);
    return result;
  });
  // The conversation's language is the one its first customer message was in, unless someone set it.
  const language = reading.language.language === 'ar-Latn' ? 'ar' : reading.language.language;
  if (!stored.first || language === 'und') return;
  if ((await getConversation(ctx, workspaceId, message.conversationId)).language === null) await changeConversation(ctx, workspaceId, conversation.id, { language }, system);
}
