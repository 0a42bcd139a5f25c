/**
 * The SLA scheduler's sweep: clocks whose next moment has come fire their breach and escalation
 * steps. Each clock is handled in its own transaction that locks its row (skipping rows another
 * scheduler holds), does what is due — timeline notes, priority, reassignment — and records what
 * fired. A crash before the commit leaves everything to the next sweep; after it, nothing fires twice.
 */
import { listAgents } from '../../accounts/index.ts';
import {
  addLineIn, assignConversationIn, changeConversationIn, getConversation, type Conversation,
} from '../../conversations/index.ts';
import { transact, type CommandContext, type Tx } from '../../platform/outbox/index.ts';
import type { EscalationStep } from '../policies/policy-rules.ts';
import { dueClockIds, findClock, saveClock, type SlaClock } from './clock-store.ts';
import { dueWork, nextFireAt, raisedPriority, stepKey } from './escalation-rules.ts';

const system = { type: 'system' } as const;
const kindName = { first_response: 'first response', next_response: 'next response', resolution: 'resolution' } as const;

function describeDue(clock: SlaClock, now: Date): string {
  if (!clock.dueAt) return '';
  const minutes = Math.round((clock.dueAt.getTime() - now.getTime()) / 60_000);
  return minutes > 0 ? `due in ${minutes} min` : minutes === 0 ? 'due now' : `overdue by ${-minutes} min`;
}

async function applyStep(tx: Tx, clock: SlaClock, step: EscalationStep, conversation: Conversation, supervisors: string[], now: Date): Promise<void> {
  const what = `SLA ${kindName[clock.kind]} (${clock.policyName ?? 'policy'}) ${describeDue(clock, now)}`;
  const payload = { clockId: clock.id, kind: clock.kind, action: step.action, offsetSeconds: step.offsetSeconds, dueAt: clock.dueAt?.toISOString() ?? null };
  const emit = (extra: Record<string, unknown>) =>
    tx.emit({ type: 'sla.escalated', workspaceId: clock.workspaceId, subjectType: 'conversation', subjectId: clock.conversationId, actor: system, payload: { ...payload, ...extra } });
  switch (step.action) {
    case 'notify_owner': {
      const notify = conversation.ownerId ? [conversation.ownerId] : supervisors;
      await addLineIn(tx, clock.workspaceId, clock.conversationId, 'note', `${what}: ${conversation.ownerId ? 'owner alerted' : 'no owner, supervisors alerted'}.`);
      emit({ notify });
      return;
    }
    case 'notify_supervisors':
      await addLineIn(tx, clock.workspaceId, clock.conversationId, 'note', `${what}: supervisors alerted.`);
      emit({ notify: supervisors });
      return;
    case 'raise_priority': {
      const to = raisedPriority(conversation.priority);
      if (to !== conversation.priority) await changeConversationIn(tx, clock.workspaceId, clock.conversationId, { priority: to }, system);
      await addLineIn(tx, clock.workspaceId, clock.conversationId, 'note', `${what}: priority ${to === conversation.priority ? `already ${to}` : `raised to ${to}`}.`);
      emit({ priority: to });
      return;
    }
    case 'reassign': {
      if (conversation.ownerId) {
        // Back to the team's queue, where routing gives it to whoever can answer now.
        await assignConversationIn(tx, clock.workspaceId, clock.conversationId, { ownerId: null, reason: `SLA escalation: ${kindName[clock.kind]} ${describeDue(clock, now)}` },
          { owner: null, team: null }, system);
      }
      await addLineIn(tx, clock.workspaceId, clock.conversationId, 'note', `${what}: ${conversation.ownerId ? 'taken from its owner and put back in the queue' : 'still unassigned, left in the queue'}.`);
      emit({ fromOwnerId: conversation.ownerId });
    }
  }
}

/** Fires what is due on one clock; returns how many things fired (breach and steps). */
export async function fireClock(ctx: CommandContext, clockId: string, now: Date): Promise<number> {
  const peek = await findClock(ctx.db, clockId);
  if (!peek || !peek.nextFireAt || peek.nextFireAt > now) return 0;
  const conversation = await getConversation(ctx, peek.workspaceId, peek.conversationId);
  const agents = (await listAgents(ctx, peek.workspaceId, { limit: 500 })).items;
  // The team's own supervisors; a team without one (or no team) falls back to every supervisor.
  const leads = agents.filter((a) => a.active && (a.role === 'supervisor' || a.role === 'admin'));
  const teamLeads = conversation.teamId ? leads.filter((a) => a.teamIds.includes(conversation.teamId ?? '')) : [];
  const supervisors = (teamLeads.length ? teamLeads : leads).map((a) => a.id);
  return transact(ctx, async (tx) => {
    const clock = await findClock(tx.sql, clockId, 'skip-locked');
    // Another scheduler has it, or it changed since the peek (answered, paused, already fired).
    if (!clock || clock.outcome !== 'running' || !clock.nextFireAt || clock.nextFireAt > now) return 0;
    const work = dueWork(clock.escalation, clock, now);
    let fired = 0;
    let next: SlaClock = { ...clock, updatedAt: tx.now };
    if (work.breach && clock.dueAt) {
      next = { ...next, breachedAt: clock.dueAt };
      await addLineIn(tx, clock.workspaceId, clock.conversationId, 'note', `SLA ${kindName[clock.kind]} breached (${clock.policyName ?? 'policy'}): it was due ${clock.dueAt.toISOString()}.`);
      tx.emit({ type: 'sla.breached', workspaceId: clock.workspaceId, subjectType: 'conversation', subjectId: clock.conversationId, actor: system, payload: { clockId: clock.id, kind: clock.kind, dueAt: clock.dueAt.toISOString(), policyId: clock.policyId } });
      fired += 1;
    }
    for (const step of work.steps) {
      await applyStep(tx, next, step, conversation, supervisors, now);
      next = { ...next, fired: [...next.fired, stepKey(step)] };
      fired += 1;
    }
    next = { ...next, nextFireAt: nextFireAt(next.escalation, next) };
    await saveClock(tx.sql, next);
    return fired;
  });
}

/** One sweep: every clock due by `now`, in batches; returns how many things fired. */
export async function sweepSla(ctx: CommandContext, now: Date = ctx.clock(), batch = 200): Promise<number> {
  let fired = 0;
  for (const id of await dueClockIds(ctx.db, now, batch)) fired += await fireClock(ctx, id, now);
  return fired;
}
