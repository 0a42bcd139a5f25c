import type { StoredEvent } from '../../kernel/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import type { SlaHistoryEvent } from './clock-rules.ts';
import { recordHistory } from './clock-store.ts';
import { recomputeClocks } from './recompute-clocks.ts';

/** What an event means for SLA clocks, or null when it means nothing. */
export function historyEventOf(event: StoredEvent): SlaHistoryEvent | null {
  if (event.subjectType !== 'conversation') return null;
  if (event.type === 'message.created') {
    const kind = (event.payload as { kind?: string }).kind;
    // Bots and Sanad's own lines are not an answer from the team; notes are not seen by the customer.
    if (kind === 'customer') return { type: 'customer_message', at: event.occurredAt };
    if (kind === 'agent') return { type: 'agent_reply', at: event.occurredAt };
    return null;
  }
  if (event.type === 'conversation.status_changed') {
    const to = (event.payload as { to?: string }).to;
    if (to === 'open' || to === 'pending' || to === 'resolved' || to === 'closed') return { type: 'status', at: event.occurredAt, to };
  }
  return null;
}

/** Records the event in SLA's history (once) and brings the conversation's clocks up to date. */
export async function takeSlaEvent(ctx: CommandContext, event: StoredEvent): Promise<void> {
  const history = historyEventOf(event);
  if (!history || !event.workspaceId) return;
  const fresh = await recordHistory(ctx.db, { eventId: event.id, workspaceId: event.workspaceId, conversationId: event.subjectId, position: event.position, event: history });
  if (fresh) await recomputeClocks(ctx, event.workspaceId, event.subjectId);
}
