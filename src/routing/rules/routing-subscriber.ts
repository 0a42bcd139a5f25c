/**
 * Applies the routing rules twice per conversation: when it is created (channel, contact, time
 * are known) and once triage has read its first customer message (language and intent known).
 */
import { assignConversation, changeConversation, getConversation, listMessages } from '../../conversations/index.ts';
import type { StoredEvent } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import type { Unsubscribe } from '../../platform/pubsub/index.ts';
import { claimStage, findConversationRouting, type RoutingStage } from './conversation-routing-store.ts';
import type { RoutingRule, RulePriority } from './routing-rule-types.ts';
import { decideRouting, type RoutingDecision } from './routing-subject.ts';

const system = { type: 'system' } as const;
const rank: Record<RulePriority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** The rule that chose the team, named on the team's timeline so agents see why it landed there. */
function teamReason(rules: readonly RoutingRule[], matched: readonly string[]): string {
  const rule = matched.map((id) => rules.find((r) => r.id === id)).find((r) => r?.actions.teamId !== undefined);
  return `routing rule: ${rule?.name ?? 'unnamed'}`;
}

/**
 * Runs one stage for one conversation, at most once: the stage is claimed in the database before
 * anything changes, so repeated deliveries and every other node hearing the same event do nothing.
 * Each action re-reads the conversation first: an agent who took it meanwhile wins.
 */
export async function applyRoutingRules(
  ctx: CommandContext, workspaceId: string, conversationId: string, stage: RoutingStage, triagedLanguage?: string | null,
): Promise<RoutingDecision | null> {
  const previous = await findConversationRouting(ctx.db, workspaceId, conversationId);
  if (previous && (previous.stage === 'triaged' || previous.stage === stage)) return null;
  const decision = await decideRouting(ctx, workspaceId, conversationId, ctx.clock(), triagedLanguage);
  const { outcome, effects, rules } = decision;
  const rulesTeamId = effects.teamId !== undefined ? effects.teamId : (previous?.teamId ?? null);
  const claimed = await transact(ctx, (tx) =>
    claimStage(tx.sql, workspaceId, { conversationId, stage, skills: outcome.skills, matchedRuleIds: outcome.matchedRuleIds, teamId: rulesTeamId }, tx.now));
  if (!claimed) return null;
  const planned = decision.conversation;
  if (effects.teamId !== undefined) {
    const now = await getConversation(ctx, workspaceId, conversationId);
    if (now.ownerId === null && now.teamId === planned.teamId && now.status !== 'closed') {
      await assignConversation(ctx, workspaceId, conversationId, { teamId: effects.teamId, reason: teamReason(rules, outcome.matchedRuleIds) }, system);
    }
  }
  if (effects.priority !== undefined) {
    const now = await getConversation(ctx, workspaceId, conversationId);
    if (rank[effects.priority] > rank[now.priority] && now.status !== 'closed') {
      await changeConversation(ctx, workspaceId, conversationId, { priority: effects.priority }, system);
    }
  }
  // Announced after the actions, so whoever listens (the routing engine) reads the team and skills as they now are.
  await transact(ctx, async (tx) => {
    tx.emit({
      type: 'conversation.routed', workspaceId, subjectType: 'conversation', subjectId: conversationId, actor: system,
      payload: { stage, skills: outcome.skills, matchedRuleIds: outcome.matchedRuleIds, teamId: effects.teamId ?? null, priority: effects.priority ?? null, kept: effects.kept },
    });
  });
  return decision;
}

/** Is this the triage of the conversation's first customer message? Later messages do not re-route. */
async function isFirstCustomerMessage(ctx: CommandContext, workspaceId: string, conversationId: string, seq: number): Promise<boolean> {
  const first = await listMessages(ctx, workspaceId, conversationId, { limit: 1, kinds: ['customer'] });
  return first.items[0]?.seq === seq;
}

async function handle(ctx: CommandContext, event: StoredEvent): Promise<void> {
  if (!event.workspaceId) return;
  if (event.type === 'conversation.created') {
    await applyRoutingRules(ctx, event.workspaceId, event.subjectId, 'created');
    return;
  }
  const { seq, language } = event.payload as { seq: number; language?: string | null };
  if (await isFirstCustomerMessage(ctx, event.workspaceId, event.subjectId, seq)) {
    await applyRoutingRules(ctx, event.workspaceId, event.subjectId, 'triaged', language ?? null);
  }
}

export interface RoutingRulesOptions {
  onError?: (error: unknown) => void;
}

/**
 * Listens for new conversations and for triage of first messages. Work for one conversation runs
 * in turn on this node (created before triaged, as the events arrived); across nodes the stage
 * claim keeps each stage to one runner.
 */
export async function startRoutingRules(ctx: CommandContext, options: RoutingRulesOptions = {}): Promise<Unsubscribe> {
  const onError = options.onError ?? (() => {});
  const running = new Map<string, Promise<void>>();
  return ctx.bus.subscribe(async (event) => {
    if (event.type !== 'conversation.created' && event.type !== 'message.triaged') return;
    const key = event.subjectId;
    const next = (running.get(key) ?? Promise.resolve()).then(() => handle(ctx, event)).catch(onError);
    running.set(key, next);
    await next;
    if (running.get(key) === next) running.delete(key);
  });
}
