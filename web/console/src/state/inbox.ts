import type { Conversation, Page } from '../api/types';
import { matchesFilter, type InboxFilter } from './filters';

export interface InboxState {
  /** The filter the items belong to (see filterKey); pages fetched for another filter are ignored. */
  filterKey: string;
  items: Conversation[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
}

export type ConversationPatch = Partial<Conversation> & { id: string };

export type InboxAction =
  | { type: 'reset'; filterKey: string }
  /** The first page, fetched again (initially, after a reconnect, or by polling). */
  | { type: 'refreshed'; filterKey: string; page: Page<Conversation> }
  /** The next page, after the cursor. */
  | { type: 'more'; filterKey: string; page: Page<Conversation> }
  | { type: 'failed'; filterKey: string; error: string }
  /** A conversation changed (live frame, or our own command's answer). */
  | { type: 'changed'; conversation: ConversationPatch; filter: InboxFilter; meId: string }
  /** A message was committed in a conversation. */
  | { type: 'activity'; conversationId: string; seq: number; at: string; bumps: boolean };

export const initialInbox = (filterKey: string): InboxState => ({ filterKey, items: [], nextCursor: null, status: 'loading', error: null });

/** Recent activity first; ties broken by id, descending, as the server orders its pages. */
export function compareActivity(a: Conversation, b: Conversation): number {
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt < b.lastActivityAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const requiredFields: (keyof Conversation)[] = ['number', 'contactId', 'channel', 'status', 'priority', 'lastActivityAt', 'lastSeq', 'createdAt'];

/** A live frame may carry only the fields that changed; a conversation we do not hold needs them all. */
export function isFullConversation(patch: ConversationPatch): patch is Conversation {
  return requiredFields.every((field) => patch[field] !== undefined);
}

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'reset':
      return initialInbox(action.filterKey);
    case 'refreshed':
      if (action.filterKey !== state.filterKey) return state;
      return { ...state, ...refreshFirstPage(state, action.page), status: 'ready', error: null };
    case 'more':
      if (action.filterKey !== state.filterKey) return state;
      return { ...state, items: unionSorted(state.items, action.page.items), nextCursor: action.page.nextCursor, status: 'ready', error: null };
    case 'failed':
      if (action.filterKey !== state.filterKey) return state;
      return { ...state, status: state.items.length ? 'ready' : 'error', error: action.error };
    case 'changed': {
      const index = state.items.findIndex((c) => c.id === action.conversation.id);
      const existing = index >= 0 ? state.items[index]! : null;
      const merged = existing ? { ...existing, ...action.conversation } : action.conversation;
      if (!isFullConversation(merged)) return state;
      const rest = existing ? state.items.filter((c) => c.id !== merged.id) : state.items;
      if (!matchesFilter(merged, action.filter, action.meId)) return existing ? { ...state, items: rest } : state;
      if (!existing && !belongsInLoadedRange(state, merged)) return state;
      return { ...state, items: insertSorted(rest, merged) };
    }
    case 'activity': {
      const existing = state.items.find((c) => c.id === action.conversationId);
      if (!existing || action.seq <= existing.lastSeq) return state;
      const lastActivityAt = action.bumps && action.at > existing.lastActivityAt ? action.at : existing.lastActivityAt;
      const updated = { ...existing, lastSeq: action.seq, lastActivityAt };
      return { ...state, items: insertSorted(state.items.filter((c) => c.id !== existing.id), updated) };
    }
  }
}

/**
 * A new conversation goes in when it sorts within what is loaded; one that sorts after the last
 * loaded item lives on a page not fetched yet, and "load more" will bring it.
 */
function belongsInLoadedRange(state: InboxState, conversation: Conversation): boolean {
  const last = state.items.at(-1);
  return state.nextCursor === null || last === undefined || compareActivity(conversation, last) < 0;
}

/**
 * Replaces what the first page covers with the fresh page, keeping older items that were loaded
 * with "load more" (and their cursor), so a refresh does not throw the agent's scroll away.
 */
function refreshFirstPage(state: InboxState, page: Page<Conversation>): Pick<InboxState, 'items' | 'nextCursor'> {
  const fresh = [...page.items].sort(compareActivity);
  const boundary = fresh.at(-1);
  if (page.nextCursor === null || boundary === undefined) return { items: fresh, nextCursor: page.nextCursor };
  const freshIds = new Set(fresh.map((c) => c.id));
  const older = state.items.filter((c) => !freshIds.has(c.id) && compareActivity(c, boundary) > 0);
  return older.length ? { items: [...fresh, ...older], nextCursor: state.nextCursor } : { items: fresh, nextCursor: page.nextCursor };
}

function unionSorted(current: readonly Conversation[], incoming: readonly Conversation[]): Conversation[] {
  const byId = new Map(current.map((c) => [c.id, c]));
  for (const c of incoming) byId.set(c.id, c);
  return [...byId.values()].sort(compareActivity);
}

function insertSorted(items: readonly Conversation[], conversation: Conversation): Conversation[] {
  const at = items.findIndex((c) => compareActivity(conversation, c) < 0);
  return at < 0 ? [...items, conversation] : [...items.slice(0, at), conversation, ...items.slice(at)];
}

/**
 * The conversation after (step 1) or before (step -1) the selected one. When the selected one has
 * just left the list (resolved under an "open" filter), `lastIndex` — where it was — picks the one
 * that took its place; with nothing selected, the first.
 */
export function neighbour(items: readonly Conversation[], selectedId: string | null, step: 1 | -1, lastIndex?: number): Conversation | null {
  if (items.length === 0) return null;
  const index = selectedId ? items.findIndex((c) => c.id === selectedId) : -1;
  if (index < 0) {
    if (selectedId && lastIndex !== undefined) return items[Math.min(items.length - 1, Math.max(0, step === 1 ? lastIndex : lastIndex - 1))] ?? null;
    return items[0] ?? null;
  }
  return items[Math.min(items.length - 1, Math.max(0, index + step))] ?? null;
}
