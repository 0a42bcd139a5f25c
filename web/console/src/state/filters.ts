import type { QueryValue } from '../api/http';
import { conversationStatuses, type Conversation, type ConversationStatus } from '../api/types';

export type OwnerFilter = 'all' | 'me' | 'none';

/** What the inbox shows. Every field maps to a query parameter of GET /api/v1/conversations. */
export interface InboxFilter {
  owner: OwnerFilter;
  teamId: string | null;
  statuses: ConversationStatus[];
  contactId: string | null;
}

export const defaultFilter: InboxFilter = { owner: 'all', teamId: null, statuses: ['open', 'pending'], contactId: null };

/** The query for GET /api/v1/conversations. Statuses are repeated parameters (one is a list of one). */
export function filterToQuery(filter: InboxFilter): Record<string, QueryValue> {
  const statuses = orderedStatuses(filter.statuses);
  return {
    owner: filter.owner === 'all' ? undefined : filter.owner,
    teamId: filter.teamId ?? undefined,
    status: statuses.length ? statuses : undefined,
    contactId: filter.contactId ?? undefined,
    sort: 'recent_activity',
  };
}

/** Does this conversation belong in the inbox under this filter? (Used for live changes.) */
export function matchesFilter(conversation: Conversation, filter: InboxFilter, meId: string): boolean {
  if (filter.owner === 'me' && conversation.ownerId !== meId) return false;
  if (filter.owner === 'none' && conversation.ownerId !== null) return false;
  if (filter.teamId && conversation.teamId !== filter.teamId) return false;
  if (filter.statuses.length && !filter.statuses.includes(conversation.status)) return false;
  if (filter.contactId && conversation.contactId !== filter.contactId) return false;
  return true;
}

export function toggleStatus(statuses: readonly ConversationStatus[], status: ConversationStatus): ConversationStatus[] {
  return orderedStatuses(statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status]);
}

function orderedStatuses(statuses: readonly ConversationStatus[]): ConversationStatus[] {
  return conversationStatuses.filter((s) => statuses.includes(s));
}

/** The filter as a stable string, e.g. to tell whether a fetched page still belongs to the current filter. */
export function filterKey(filter: InboxFilter): string {
  return JSON.stringify([filter.owner, filter.teamId, orderedStatuses(filter.statuses), filter.contactId]);
}

/** Reads a filter saved by an earlier visit; anything unexpected falls back to the default. */
export function parseStoredFilter(text: string | null): InboxFilter {
  if (!text) return defaultFilter;
  try {
    const data = JSON.parse(text) as Partial<InboxFilter>;
    const owner: OwnerFilter = data.owner === 'me' || data.owner === 'none' ? data.owner : 'all';
    const statuses = Array.isArray(data.statuses) ? orderedStatuses(data.statuses.filter((s): s is ConversationStatus => conversationStatuses.includes(s))) : defaultFilter.statuses;
    const teamId = typeof data.teamId === 'string' ? data.teamId : null;
    return { owner, teamId, statuses, contactId: null };
  } catch {
    return defaultFilter;
  }
}
