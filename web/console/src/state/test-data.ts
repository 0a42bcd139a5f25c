import type { Conversation } from '../api/types';

/** A conversation for tests; `n` orders them: a higher n has more recent activity. */
export function conversation(n: number, extra: Partial<Conversation> = {}): Conversation {
  const at = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  return {
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`, workspaceId: 'w', number: n, contactId: `contact-${n}`,
    channel: 'chat', status: 'open', priority: 'normal', ownerId: null, teamId: null, tags: [], subject: null, language: null,
    lastSeq: 1, createdAt: at, updatedAt: at, lastActivityAt: at, firstResponseAt: null, resolvedAt: null, closedAt: null,
    intent: null, intentConfidence: null, intentSource: null, sentiment: null, sentimentScore: null, urgency: null, urgencyScore: null, urgencyReasons: [],
    ...extra,
  };
}
