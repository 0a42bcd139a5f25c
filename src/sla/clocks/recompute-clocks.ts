import { getContact } from '../../contacts/index.ts';
import { getConversation } from '../../conversations/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { calendarFor, listPolicyRows } from '../policies/policy-store.ts';
import { choosePolicy, targetFor, type ConversationFacts } from '../policies/policy-rules.ts';
import { deriveClocks } from './clock-rules.ts';
import { progressOf } from './clock-progress.ts';
import { clocksOf, historyOf, saveClock, type SlaClock } from './clock-store.ts';

export interface RecomputeOptions {
  /** Running clocks under this policy take its current targets, calendar and steps (an admin asked). */
  refreshPolicyId?: string;
}

/**
 * Brings a conversation's clocks in line with its history: new rounds start (under the policy that
 * applies now), answered ones stop, pauses count, deadlines move. Serialised per conversation, and
 * the same history always gives the same clocks, so running it twice or on two nodes is harmless.
 */
export async function recomputeClocks(ctx: CommandContext, workspaceId: string, conversationId: string, options: RecomputeOptions = {}): Promise<SlaClock[]> {
  const conversation = await getConversation(ctx, workspaceId, conversationId);
  const contact = await getContact(ctx, workspaceId, conversation.contactId).catch(() => null);
  const tier = contact?.attributes.tier;
  const facts: ConversationFacts = {
    channel: conversation.channel, priority: conversation.priority, intent: conversation.intent, language: conversation.language,
    tier: typeof tier === 'string' ? tier : null,
  };
  return transact(ctx, async (tx) => {
    await tx.sql.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`sla-clocks:${conversationId}`]);
    const derived = deriveClocks(await historyOf(tx.sql, conversationId));
    const existing = new Map((await clocksOf(tx.sql, conversationId, true)).map((c) => [`${c.kind}:${c.cycle}`, c]));
    const policies = await listPolicyRows(tx.sql, workspaceId);
    const out: SlaClock[] = [];
    for (const d of derived) {
      const known = existing.get(`${d.kind}:${d.cycle}`);
      let promise = known
        ? { policyId: known.policyId, policyName: known.policyName, calendar: known.calendar, targetSeconds: known.targetSeconds, escalation: known.escalation }
        : null;
      const refresh = known && options.refreshPolicyId && known.policyId === options.refreshPolicyId && d.outcome === 'running';
      if (!promise || refresh) {
        // The promise is made when the round starts (or re-made on request) and then kept.
        const policy = refresh ? (policies.find((p) => p.id === options.refreshPolicyId) ?? null) : choosePolicy(policies, facts);
        const target = policy ? targetFor(policy.targets, d.kind) : null;
        promise = {
          policyId: policy?.id ?? null, policyName: policy?.name ?? null, targetSeconds: target,
          calendar: policy && target !== null ? await calendarFor(tx.sql, workspaceId, policy, conversation.teamId) : null,
          escalation: policy && target !== null ? policy.escalation.filter((s) => s.kind === d.kind) : [],
        };
      }
      const progress = progressOf(d, { ...promise, kind: d.kind }, { breachedAt: known?.breachedAt ?? null, fired: known?.fired ?? [] }, tx.now);
      const clock: SlaClock = {
        id: known?.id ?? tx.newId(), workspaceId, conversationId, kind: d.kind, cycle: d.cycle, ...promise, teamId: known?.teamId ?? conversation.teamId,
        startedAt: d.startedAt, pauses: d.pauses, outcome: d.outcome, endedAt: d.endedAt, ...progress, fired: known?.fired ?? [],
        createdAt: known?.createdAt ?? tx.now, updatedAt: tx.now,
      };
      const changed = !known || JSON.stringify({ ...known, updatedAt: 0 }) !== JSON.stringify({ ...clock, updatedAt: 0 });
      if (changed) {
        await saveClock(tx.sql, clock);
        if (known?.outcome === 'running' && clock.outcome === 'met' && clock.targetSeconds !== null) {
          tx.emit({ type: 'sla.met', workspaceId, subjectType: 'conversation', subjectId: conversationId, actor: { type: 'system' }, payload: { kind: clock.kind, cycle: clock.cycle, breached: clock.breachedAt !== null } });
        }
      }
      out.push(clock);
    }
    return out;
  });
}
