/** What the rules see of a conversation, and what they would do to it (the console's dry run). */
import { getContact } from '../../contacts/index.ts';
import { getConversation, type Conversation } from '../../conversations/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { getWorkspace } from '../../workspaces/index.ts';
import { findConversationRouting } from './conversation-routing-store.ts';
import { listRules } from './rule-store.ts';
import { planRoutingEffects, type RoutingEffects } from './routing-effects-rules.ts';
import type { RoutingOutcome, RoutingRule, RoutingSubject } from './routing-rule-types.ts';
import { evaluateRoutingRules } from './routing-rules-rules.ts';

/**
 * The conversation's language if someone set it, else what triage read in the first customer
 * message (passed in: triage records the conversation's language only after announcing its
 * reading), else the contact's known language. 'und' (triage could not tell) counts as unknown.
 */
export async function routingSubjectOf(ctx: CommandContext, conversation: Conversation, at: Date, triagedLanguage?: string | null): Promise<RoutingSubject> {
  const contact = await getContact(ctx, conversation.workspaceId, conversation.contactId);
  const workspace = await getWorkspace(ctx, conversation.workspaceId);
  const read = triagedLanguage && triagedLanguage !== 'und' ? triagedLanguage : null;
  return {
    channel: conversation.channel,
    language: conversation.language ?? read ?? contact.language ?? null,
    intent: conversation.intent,
    contact: contact.attributes,
    now: at,
    timeZone: workspace.settings.timeZone,
  };
}

export interface RoutingDecision {
  conversation: Conversation;
  rules: RoutingRule[];
  subject: RoutingSubject;
  outcome: RoutingOutcome;
  effects: RoutingEffects;
}

/** Evaluates the workspace's rules for one conversation as it is now, and plans their effects. */
export async function decideRouting(ctx: CommandContext, workspaceId: string, conversationId: string, at: Date, triagedLanguage?: string | null): Promise<RoutingDecision> {
  const conversation = await getConversation(ctx, workspaceId, conversationId);
  const subject = await routingSubjectOf(ctx, conversation, at, triagedLanguage);
  const rules = await listRules(ctx.db, workspaceId);
  const outcome = evaluateRoutingRules(rules, subject);
  const previous = await findConversationRouting(ctx.db, workspaceId, conversationId);
  const effects = planRoutingEffects(conversation, outcome, previous?.teamId);
  return { conversation, rules, subject, outcome, effects };
}

/** POST /routing/rules/test: what the rules would do for this conversation, changing nothing. */
export async function testRoutingRules(ctx: CommandContext, workspaceId: string, conversationId: string, at?: Date): Promise<Omit<RoutingDecision, 'conversation' | 'rules'> & { at: Date }> {
  const when = at ?? ctx.clock();
  const { subject, outcome, effects } = await decideRouting(ctx, workspaceId, conversationId, when);
  return { at: when, subject, outcome, effects };
}
