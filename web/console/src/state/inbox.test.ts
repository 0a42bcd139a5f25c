import { describe, expect, it } from 'vitest';
import { defaultFilter, filterKey, type InboxFilter } from './filters';
import { inboxReducer, initialInbox, isFullConversation, neighbour, type InboxState } from './inbox';
import { conversation } from './test-data';

const key = filterKey(defaultFilter);
const numbers = (state: InboxState) => state.items.map((c) => c.number);
const loaded = (...ns: number[]) =>
  inboxReducer(initialInbox(key), { type: 'refreshed', filterKey: key, page: { items: ns.map((n) => conversation(n)), nextCursor: null } });

describe('inboxReducer', () => {
  it('when the first page arrives, then items are sorted by recent activity', () => {
    expect(numbers(loaded(1, 3, 2))).toEqual([3, 2, 1]);
  });

  it('when a page for another filter arrives late, then it is ignored', () => {
    const state = inboxReducer(initialInbox(key), { type: 'refreshed', filterKey: 'other', page: { items: [conversation(1)], nextCursor: null } });
    expect(state.items).toEqual([]);
    expect(state.status).toBe('loading');
  });

  it('when more is loaded, then items are appended without duplicates', () => {
    let state = inboxReducer(initialInbox(key), { type: 'refreshed', filterKey: key, page: { items: [conversation(5), conversation(4)], nextCursor: 'c1' } });
    state = inboxReducer(state, { type: 'more', filterKey: key, page: { items: [conversation(4), conversation(3)], nextCursor: null } });
    expect(numbers(state)).toEqual([5, 4, 3]);
    expect(state.nextCursor).toBeNull();
  });

  it('when the first page is refreshed, then older loaded pages and their cursor are kept', () => {
    let state = inboxReducer(initialInbox(key), { type: 'refreshed', filterKey: key, page: { items: [conversation(5), conversation(4)], nextCursor: 'c1' } });
    state = inboxReducer(state, { type: 'more', filterKey: key, page: { items: [conversation(3), conversation(2)], nextCursor: 'c2' } });
    state = inboxReducer(state, { type: 'refreshed', filterKey: key, page: { items: [conversation(6), conversation(5)], nextCursor: 'fresh' } });
    expect(numbers(state)).toEqual([6, 5, 4, 3, 2]);
    expect(state.nextCursor).toBe('c2');
  });

  it('when a refresh covers everything, then items that left the filter are dropped', () => {
    const state = inboxReducer(loaded(3, 2, 1), { type: 'refreshed', filterKey: key, page: { items: [conversation(3), conversation(1)], nextCursor: null } });
    expect(numbers(state)).toEqual([3, 1]);
  });

  it('when a live change moves a conversation out of the filter, then it leaves the list', () => {
    const state = inboxReducer(loaded(1, 2), {
      type: 'changed', conversation: { id: conversation(2).id, status: 'resolved' }, filter: defaultFilter, meId: 'me',
    });
    expect(numbers(state)).toEqual([1]);
  });

  it('when a live change keeps a conversation in the filter, then it is updated in place', () => {
    const state = inboxReducer(loaded(1, 2), {
      type: 'changed', conversation: { id: conversation(1).id, ownerId: 'someone' }, filter: defaultFilter, meId: 'me',
    });
    expect(state.items.find((c) => c.number === 1)?.ownerId).toBe('someone');
  });

  it('when a new conversation arrives live, then it is inserted in order', () => {
    const state = inboxReducer(loaded(1, 3), { type: 'changed', conversation: conversation(2), filter: defaultFilter, meId: 'me' });
    expect(numbers(state)).toEqual([3, 2, 1]);
  });

  it('when a new conversation does not match the filter, then it is not inserted', () => {
    const mine: InboxFilter = { ...defaultFilter, owner: 'me' };
    const state = inboxReducer(loaded(), { type: 'changed', conversation: conversation(2, { ownerId: 'other' }), filter: mine, meId: 'me' });
    expect(state.items).toEqual([]);
  });

  it('when an unknown conversation arrives as a partial frame, then it is not inserted (the caller fetches it)', () => {
    const state = inboxReducer(loaded(1), { type: 'changed', conversation: { id: 'x', status: 'open' }, filter: defaultFilter, meId: 'me' });
    expect(numbers(state)).toEqual([1]);
  });

  it('when a new conversation sorts after the loaded pages, then it waits for "load more"', () => {
    let state = inboxReducer(initialInbox(key), { type: 'refreshed', filterKey: key, page: { items: [conversation(5), conversation(4)], nextCursor: 'c1' } });
    state = inboxReducer(state, { type: 'changed', conversation: conversation(1), filter: defaultFilter, meId: 'me' });
    expect(numbers(state)).toEqual([5, 4]);
  });

  it('when a message arrives, then its conversation moves to the top', () => {
    const state = inboxReducer(loaded(1, 2, 3), {
      type: 'activity', conversationId: conversation(1).id, seq: 2, at: '2027-01-01T00:00:00.000Z', bumps: true,
    });
    expect(numbers(state)).toEqual([1, 3, 2]);
    expect(state.items[0]!.lastSeq).toBe(2);
  });

  it('when a system line arrives, then the order does not change', () => {
    const state = inboxReducer(loaded(1, 2), {
      type: 'activity', conversationId: conversation(1).id, seq: 2, at: '2027-01-01T00:00:00.000Z', bumps: false,
    });
    expect(numbers(state)).toEqual([2, 1]);
  });

  it('when an old message is replayed, then nothing changes', () => {
    const before = loaded(1, 2);
    const after = inboxReducer(before, { type: 'activity', conversationId: conversation(1).id, seq: 1, at: '2027-01-01T00:00:00.000Z', bumps: true });
    expect(after).toBe(before);
  });
});

describe('isFullConversation', () => {
  it('tells a full conversation from a partial frame', () => {
    expect(isFullConversation(conversation(1))).toBe(true);
    expect(isFullConversation({ id: 'x', status: 'open', lastSeq: 3 })).toBe(false);
  });
});

describe('neighbour', () => {
  const items = [conversation(3), conversation(2), conversation(1)];
  it('when nothing is selected, then the first conversation is next', () => {
    expect(neighbour(items, null, 1)?.number).toBe(3);
  });
  it('moves down and up and stops at the ends', () => {
    expect(neighbour(items, items[0]!.id, 1)?.number).toBe(2);
    expect(neighbour(items, items[0]!.id, -1)?.number).toBe(3);
    expect(neighbour(items, items[2]!.id, 1)?.number).toBe(1);
  });
  it('when the selected one has left the list, then the one in its place is next', () => {
    expect(neighbour(items, 'gone', 1, 1)?.number).toBe(2);
    expect(neighbour(items, 'gone', -1, 1)?.number).toBe(3);
    expect(neighbour(items, 'gone', 1, 9)?.number).toBe(1);
  });
  it('when the list is empty, then there is none', () => {
    expect(neighbour([], null, 1)).toBeNull();
  });
});
