/**
 * An agent's judgement is a label: re-categorising a conversation, or transferring it to the team
 * a category routes to, teaches the next model what the customer's words meant.
 */
import { getConversation, listMessages, recordReadingIn, type Conversation } from '../../conversations/index.ts';
import { AppError, type Actor, type StoredEvent } from '../../kernel/index.ts';
import { transact, type CommandContext, type Tx } from '../../platform/outbox/index.ts';
import type { Unsubscribe } from '../../platform/pubsub/index.ts';
import { identifyLanguage } from '../language/identify-language.ts';
import { examplesChanged } from './category-commands.ts';
import { findCategory, listCategories, upsertAgentLabel } from './category-store.ts';

/** What the customer said first is what the intent was read from; a few lines, bounded. */
async function customerWords(ctx: CommandContext, workspaceId: string, conversationId: string): Promise<string | null> {
  const page = await listMessages(ctx, workspaceId, conversationId, { limit: 3, kinds: ['customer'] });
  const text = page.items.map((m) => m.body.trim()).filter(Boolean).join('\n').slice(0, 2000);
  return text || null;
}

async function label(tx: Tx, conversation: Conversation, name: string, text: string | null, actor: Actor, why: 'recategorised' | 'transferred'): Promise<void> {
  const before = conversation.intent;
  // Locks the conversation row first, so two labels for one conversation are applied in turn.
  await recordReadingIn(tx, conversation.workspaceId, conversation.id, { intent: name, intentConfidence: null, intentSource: 'agent' }, actor);
  if (text) {
    const lang = identifyLanguage(text).language;
    await upsertAgentLabel(tx.sql, conversation.workspaceId, { id: tx.newId(), conversationId: conversation.id, label: name, text, lang: lang === 'und' ? null : lang }, actor, tx.now);
    tx.emit({
      type: examplesChanged, workspaceId: conversation.workspaceId, subjectType: 'intent_category', subjectId: name, actor,
      payload: { label: name, change: why, conversationId: conversation.id, from: before },
    });
  }
}

/** PUT /conversations/:id/intent: the agent says what this conversation is about. */
export async function recategorise(ctx: CommandContext, workspaceId: string, conversationId: string, name: string, actor: Actor): Promise<Conversation> {
  const conversation = await getConversation(ctx, workspaceId, conversationId);
  const text = await customerWords(ctx, workspaceId, conversationId);
  await transact(ctx, async (tx) => {
    const category = await findCategory(tx.sql, workspaceId, name);
    if (!category) throw new AppError('INTENT_CATEGORY_NOT_FOUND', `no intent category named ${name}`);
    if (category.archived) throw new AppError('INTENT_CATEGORY_ARCHIVED', `${name} is archived`);
    await label(tx, conversation, name, text, actor, 'recategorised');
  });
  return getConversation(ctx, workspaceId, conversationId);
}

/**
 * An agent moving a conversation to a team (a transfer, or sorting it by hand) is a label when
 * exactly one live category routes to that team; a team serving several says nothing certain.
 * Moves made by Sanad's own routing are not labels: they only echo what the model said.
 */
export async function labelFromTeamMove(ctx: CommandContext, event: StoredEvent): Promise<void> {
  const payload = event.payload as { toTeamId: string | null; fromTeamId: string | null };
  if (event.type !== 'conversation.assigned' || !event.workspaceId || !payload.toTeamId || payload.toTeamId === payload.fromTeamId) return;
  const actor = event.actor;
  if (actor?.type !== 'agent') return;
  const categories = (await listCategories(ctx.db, event.workspaceId)).filter((c) => !c.archived && c.teamId === payload.toTeamId);
  if (categories.length !== 1) return;
  const name = (categories[0] as { name: string }).name;
  const conversation = await getConversation(ctx, event.workspaceId, event.subjectId);
  if (conversation.intent === name && conversation.intentSource === 'agent') return;
  const text = await customerWords(ctx, event.workspaceId, conversation.id);
  await transact(ctx, (tx) => label(tx, conversation, name, text, actor, 'transferred'));
}

export async function startLearningFromTransfers(ctx: CommandContext, onError: (error: unknown) => void): Promise<Unsubscribe> {
  return ctx.bus.subscribe(async (event) => {
    if (event.type === 'conversation.assigned') await labelFromTeamMove(ctx, event).catch(onError);
  });
}
