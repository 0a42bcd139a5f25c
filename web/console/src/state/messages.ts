import type { Attachment, Message } from '../api/types';

/** A reply or note the agent sent that the server has not confirmed yet. */
export interface PendingMessage {
  clientId: string;
  kind: 'agent' | 'note';
  body: string;
  /** Uploaded already; a retry sends the same ids with the same clientId. */
  attachments: Attachment[];
  createdAt: string;
  state: 'sending' | 'failed';
  error?: string;
}

export interface Timeline {
  /** Committed messages, ascending by seq, each seq once. */
  messages: Message[];
  pending: PendingMessage[];
}

export const emptyTimeline: Timeline = { messages: [], pending: [] };

/**
 * Merges messages into an ordered list by seq: a seq already held is kept as it is (the server
 * never changes a committed message), so a message that arrives twice — from the socket and from
 * a POST answer, or from a resume that overlaps — shows once.
 */
export function mergeBySeq(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const last = current.at(-1)?.seq ?? 0;
  const sortedIncoming = [...incoming].sort((a, b) => a.seq - b.seq);
  // The common case: everything new comes after what we hold.
  if (sortedIncoming[0]!.seq > last) return [...current, ...dedupeSorted(sortedIncoming)];
  const bySeq = new Map<number, Message>();
  for (const m of current) bySeq.set(m.seq, m);
  for (const m of sortedIncoming) if (!bySeq.has(m.seq)) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function dedupeSorted(messages: Message[]): Message[] {
  return messages.filter((m, i) => i === 0 || messages[i - 1]!.seq !== m.seq);
}

/**
 * The last seq up to which we hold every message without a hole (messages start at seq 1). A
 * reader resumes `afterSeq` of this, so a message that arrived past a gap does not hide the gap.
 */
export function contiguousLastSeq(messages: readonly Message[]): number {
  let expected = 1;
  for (const m of messages) {
    if (m.seq < expected) continue;
    if (m.seq !== expected) break;
    expected += 1;
  }
  return expected - 1;
}

export type TimelineAction =
  | { type: 'reset' }
  | { type: 'received'; messages: readonly Message[] }
  | { type: 'pending'; message: PendingMessage }
  | { type: 'sent'; clientId: string; message: Message }
  | { type: 'failed'; clientId: string; error: string }
  | { type: 'retrying'; clientId: string }
  | { type: 'discard'; clientId: string };

export function timelineReducer(state: Timeline, action: TimelineAction): Timeline {
  switch (action.type) {
    case 'reset':
      return emptyTimeline;
    case 'received': {
      const messages = mergeBySeq(state.messages, action.messages);
      return { messages, pending: withoutConfirmed(state.pending, action.messages) };
    }
    case 'pending':
      if (state.pending.some((p) => p.clientId === action.message.clientId)) return state;
      return { ...state, pending: [...state.pending, action.message] };
    case 'sent':
      return {
        messages: mergeBySeq(state.messages, [action.message]),
        pending: state.pending.filter((p) => p.clientId !== action.clientId),
      };
    case 'failed':
      return { ...state, pending: state.pending.map((p) => (p.clientId === action.clientId ? { ...p, state: 'failed', error: action.error } : p)) };
    case 'retrying':
      return { ...state, pending: state.pending.map((p) => (p.clientId === action.clientId ? { ...p, state: 'sending', error: undefined } : p)) };
    case 'discard':
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) };
  }
}

function withoutConfirmed(pending: readonly PendingMessage[], messages: readonly Message[]): PendingMessage[] {
  if (pending.length === 0) return pending as PendingMessage[];
  const confirmed = new Set(messages.map((m) => m.clientId).filter((id): id is string => id !== null));
  return pending.filter((p) => !confirmed.has(p.clientId));
}
