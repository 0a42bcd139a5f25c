import { AppError } from '../kernel/index.ts';

export const conversationStatuses = ['open', 'pending', 'resolved', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

export const channels = ['chat', 'email', 'sms', 'whatsapp', 'telegram', 'callback', 'api'] as const;
export type Channel = (typeof channels)[number];

export const messageKinds = ['customer', 'agent', 'note', 'bot', 'system'] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * The status machine. open: someone on our side must act; pending: waiting on the customer;
 * resolved: done, but the customer may still answer (which reopens it); closed: archived for good,
 * a new message starts a new conversation.
 */
const allowedTransitions: Record<ConversationStatus, readonly ConversationStatus[]> = {
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

export type StatusDecision = { change: false } | { change: true; from: ConversationStatus; to: ConversationStatus };

/** Asking for the status a conversation already has is a no-op, so retries are safe. */
export function decideStatusChange(from: ConversationStatus, to: ConversationStatus): StatusDecision {
  if (from === to) return { change: false };
  if (!allowedTransitions[from].includes(to)) {
    const hint = from === 'closed' ? 'a closed conversation stays closed; start a new one' : `allowed from ${from}: ${allowedTransitions[from].join(', ')}`;
    throw new AppError('INVALID_STATUS_TRANSITION', `cannot move a conversation from ${from} to ${to} (${hint})`, { from, to });
  }
  return { change: true, from, to };
}

export interface MessageEffects {
  /** A customer writing to a pending or resolved conversation brings it back to open. */
  statusChange: StatusDecision;
  /** The first agent reply, which first-response measures stop on. */
  firstResponse: boolean;
}

export function decideMessageEffects(
  conversation: { status: ConversationStatus; firstResponseAt: Date | null },
  kind: MessageKind,
): MessageEffects {
  // Sanad's own system lines still record what happens to a closed conversation (e.g. closing it).
  if (conversation.status === 'closed' && kind !== 'system') {
    throw new AppError('CONVERSATION_CLOSED', 'this conversation is closed; start a new one to continue');
  }
  const statusChange: StatusDecision =
    kind === 'customer' && conversation.status !== 'open' ? decideStatusChange(conversation.status, 'open') : { change: false };
  return { statusChange, firstResponse: kind === 'agent' && conversation.firstResponseAt === null };
}

export interface Ownership {
  ownerId: string | null;
  teamId: string | null;
}

/**
 * Taking an owned conversation away from its owner, or moving it to another team, is a transfer:
 * customers hate them, so each one carries a reason that is shown, counted and learnt from.
 * Giving an unowned conversation its first owner is an assignment and needs none.
 */
export function isTransfer(current: Ownership, next: Ownership): boolean {
  if (current.ownerId === null) return false;
  return next.ownerId !== current.ownerId || next.teamId !== current.teamId;
}

export function assertTransferReason(current: Ownership, next: Ownership, reason: string | undefined): void {
  if (isTransfer(current, next) && !reason?.trim()) {
    throw new AppError('TRANSFER_REASON_REQUIRED', 'say why this conversation is being transferred; the next person and the customer will see it');
  }
}

/** Tags are compared case-insensitively and kept once, in order of first appearance. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
}
