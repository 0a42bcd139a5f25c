import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { Conversation } from '../api/types';
import type { LiveHub } from '../live/live-hub';
import { filterKey, type InboxFilter } from '../state/filters';
import { inboxReducer, initialInbox, isFullConversation, type ConversationPatch } from '../state/inbox';
import { useInterval, useLatest, useLiveEvents, useLiveStatus } from './use-live-status';

const pageSize = 30;
const pollMs = 8_000;

/**
 * The inbox for a filter: the first page, "load more", live changes from the socket, a refetch
 * after every reconnect, and polling while the socket is not live.
 */
export function useInbox(api: SanadApi, live: LiveHub, filter: InboxFilter, meId: string) {
  const key = filterKey(filter);
  const [state, dispatch] = useReducer(inboxReducer, key, initialInbox);
  const latestState = useLatest(state);
  const latestFilter = useLatest(filter);
  const loadingMore = useRef(false);
  const liveStatus = useLiveStatus(live);

  const refresh = useCallback(async () => {
    const current = latestFilter.current;
    const currentKey = filterKey(current);
    try {
      const page = await api.conversations(current, null, pageSize);
      dispatch({ type: 'refreshed', filterKey: currentKey, page });
    } catch (error) {
      dispatch({ type: 'failed', filterKey: currentKey, error: (error as Error).message });
    }
  }, [api, latestFilter]);

  useEffect(() => {
    dispatch({ type: 'reset', filterKey: key });
    void refresh();
  }, [key, refresh]);

  const loadMore = useCallback(async () => {
    const { nextCursor, filterKey: currentKey } = latestState.current;
    if (!nextCursor || loadingMore.current) return;
    loadingMore.current = true;
    try {
      const page = await api.conversations(latestFilter.current, nextCursor, pageSize);
      dispatch({ type: 'more', filterKey: currentKey, page });
    } catch (error) {
      dispatch({ type: 'failed', filterKey: currentKey, error: (error as Error).message });
    } finally {
      loadingMore.current = false;
    }
  }, [api, latestFilter, latestState]);

  const applyChange = useCallback(
    (conversation: ConversationPatch) => dispatch({ type: 'changed', conversation, filter: latestFilter.current, meId }),
    [latestFilter, meId],
  );

  const applyActivity = useCallback(
    (conversationId: string, seq: number, at: string, bumps: boolean) => dispatch({ type: 'activity', conversationId, seq, at, bumps }),
    [],
  );

  useLiveEvents(live, (event) => {
    switch (event.type) {
      case 'resync':
        void refresh();
        return;
      case 'conversation': {
        const held = latestState.current.items.some((c) => c.id === event.conversation.id);
        if (held || isFullConversation(event.conversation)) applyChange(event.conversation);
        else api.conversation(event.conversation.id).then((full: Conversation) => applyChange(full), () => undefined);
        return;
      }
      case 'message':
        applyActivity(event.conversationId, event.message.seq, event.message.createdAt, event.message.kind !== 'system');
        return;
      default:
        return;
    }
  });

  useInterval(() => void refresh(), pollMs, liveStatus !== 'live');

  return { state, refresh, loadMore, applyChange, applyActivity };
}
