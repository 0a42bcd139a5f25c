/**
 * Callbacks: a customer leaves a number and a window; the call to make is a conversation on the
 * 'callback' channel, routed like any other work (an owner through normal routing, due at the
 * window's start via `dueAtOf`), and this module keeps the promise and its outcome.
 */
import { getContact, normalizeIdentity } from '../../contacts/index.ts';
import { changeStatus, getConversation, startConversation } from '../../conversations/index.ts';
import { AppError, type Actor } from '../../kernel/index.ts';
import type { Sql } from '../../platform/db/index.ts';
import { transact, type CommandContext, type Tx } from '../../platform/outbox/index.ts';
import { assertCallbackWindow, decideCallbackChange, isMissed } from './callback-rules.ts';
import { countByStatus, dueAtRows, findCallback, insertCallback, lockOverdue, setCallbackStatus, type Callback } from './callback-store.ts';

export interface NewCallback {
  contactId?: string | undefined;
  phone?: string | undefined;
  windowStart: Date;
  windowEnd: Date;
  timeZone: string;
  note?: string | null | undefined;
  teamId?: string | null | undefined;
  language?: string | null | undefined;
  /** The chat the customer asked from. */
  sourceConversationId?: string | null | undefined;
}

const announce = (tx: Tx, c: Callback, type: string, actor: Actor) =>
  tx.emit({ type, workspaceId: c.workspaceId, subjectType: 'callback', subjectId: c.id, actor, payload: { conversationId: c.conversationId, status: c.status, windowStart: c.windowStart, windowEnd: c.windowEnd } });

/** Everything is checked before anything is written: a refused callback leaves no trace. */
async function phoneFor(ctx: CommandContext, workspaceId: string, input: NewCallback): Promise<string> {
  const contact = input.contactId ? await getContact(ctx, workspaceId, input.contactId) : null;
  if (input.phone !== undefined) return normalizeIdentity('phone', input.phone).value;
  const known = contact?.identities.find((i) => i.kind === 'phone');
  if (known) return known.value;
  throw new AppError('VALIDATION_FAILED', contact ? 'the contact has no phone number; give phone' : 'give phone, or a contactId with a phone number');
}

export async function createCallback(ctx: CommandContext, workspaceId: string, input: NewCallback, actor: Actor): Promise<Callback> {
  assertCallbackWindow(input, ctx.clock());
  const phone = await phoneFor(ctx, workspaceId, input);
  const note = input.note?.trim() || null;
  const lines = [`Call back ${phone} between ${input.windowStart.toISOString()} and ${input.windowEnd.toISOString()} (${input.timeZone}).`, note ? `Note: ${note}` : ''];
  const conversation = await startConversation(ctx, workspaceId, {
    ...(input.contactId ? { contactId: input.contactId } : { contact: { identity: { kind: 'phone', value: phone } } }),
    channel: 'callback', subject: `Call back ${phone}`, language: input.language ?? null, teamId: input.teamId ?? null,
    message: { kind: 'note', body: lines.filter(Boolean).join('\n') },
  }, actor);
  return transact(ctx, async (tx) => {
    const callback: Callback = {
      id: tx.newId(), workspaceId, conversationId: conversation.id, contactId: conversation.contactId, sourceConversationId: input.sourceConversationId ?? null,
      phone, windowStart: input.windowStart, windowEnd: input.windowEnd, timeZone: input.timeZone, note, status: 'scheduled',
      createdBy: actor, createdAt: tx.now, updatedAt: tx.now,
    };
    await insertCallback(tx.sql, callback);
    announce(tx, callback, 'callback.scheduled', actor);
    return callback;
  });
}

export async function getCallback(ctx: CommandContext, workspaceId: string, id: string): Promise<Callback> {
  const callback = await findCallback(ctx.db, workspaceId, id);
  if (!callback) throw new AppError('CALLBACK_NOT_FOUND', 'no such callback');
  return callback;
}

/** The call was made (done) or called off (cancelled); its conversation is resolved with it. */
export async function changeCallback(ctx: CommandContext, workspaceId: string, id: string, to: 'done' | 'cancelled', actor: Actor): Promise<Callback> {
  const changed = await transact(ctx, async (tx) => {
    const current = await findCallback(tx.sql, workspaceId, id, true);
    if (!current) throw new AppError('CALLBACK_NOT_FOUND', 'no such callback');
    if (!decideCallbackChange(current.status, to).change) return null;
    const next: Callback = { ...current, status: to, updatedAt: tx.now };
    await setCallbackStatus(tx.sql, id, to, tx.now);
    announce(tx, next, `callback.${to}`, actor);
    return next;
  });
  if (!changed) return getCallback(ctx, workspaceId, id);
  const conversation = await getConversation(ctx, workspaceId, changed.conversationId);
  if (conversation.status === 'open' || conversation.status === 'pending') await changeStatus(ctx, workspaceId, conversation.id, 'resolved', actor);
  return changed;
}

/**
 * Marks every scheduled callback whose window has ended as missed and announces each
 * ('callback.missed'), across workspaces. Safe to run on every node: rows are locked and skipped.
 */
export async function sweepMissedCallbacks(ctx: CommandContext, now: Date = ctx.clock(), batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const marked = await transact(ctx, async (tx) => {
      const overdue = (await lockOverdue(tx.sql, now, batch)).filter((c) => isMissed(c, now));
      for (const c of overdue) {
        await setCallbackStatus(tx.sql, c.id, 'missed', tx.now);
        announce(tx, { ...c, status: 'missed' }, 'callback.missed', { type: 'system' });
      }
      return overdue.length;
    });
    total += marked;
    if (marked < batch) return total;
  }
}

/** For the routing engine: each callback conversation's promised time (its window's start). */
export function dueAtOf(db: Sql, workspaceId: string, conversationIds: readonly string[]): Promise<Map<string, Date>> {
  return dueAtRows(db, workspaceId, conversationIds);
}

export interface CallbackSummary {
  scheduled: number;
  done: number;
  missed: number;
  cancelled: number;
  /** Missed with a window that ended in the last 7 days. */
  missedLast7Days: number;
}

export async function callbackSummary(ctx: CommandContext, workspaceId: string): Promise<CallbackSummary> {
  const { byStatus, missedRecently } = await countByStatus(ctx.db, workspaceId, new Date(ctx.clock().getTime() - 7 * 86_400_000));
  return { scheduled: byStatus.scheduled ?? 0, done: byStatus.done ?? 0, missed: byStatus.missed ?? 0, cancelled: byStatus.cancelled ?? 0, missedLast7Days: missedRecently };
}
