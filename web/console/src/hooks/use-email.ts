import { useCallback, useEffect, useRef, useState } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { Conversation, EmailView, Message } from '../api/types';
import { isConversationEvent, type LiveHub } from '../live/live-hub';
import { emailNeedsLook } from '../state/email';
import { useInterval, useLatest, useLiveEvents } from './use-live-status';

/**
 * The socket names every delivery step (`email.queued`, `email.sent`, `email.failed`, …); this slow
 * poll is only a safety net for a missed frame (a socket that is down), while something is on its way.
 */
export const emailSafetyPollMs = 30_000;

export interface ConversationEmail {
  /** By conversation message id. */
  views: ReadonlyMap<string, EmailView>;
  error: unknown;
  /** Sends a failed reply again, then refreshes its status. */
  retryDelivery: (deliveryId: string) => Promise<void>;
}

const none: ReadonlyMap<string, EmailView> = new Map();

/**
 * The mails of an email conversation. Fetched when it opens, whenever a message arrives, whenever
 * the socket names an `email.*` event of this conversation (a reply queued, sent, retried, failed)
 * and after every reconnect; while a reply is queued or retrying (or a new message has no mail yet)
 * it is also fetched every 30 s, in case a frame was missed.
 */
export function useConversationEmail(
  api: SanadApi, live: LiveHub, conversation: Conversation | null, messages: readonly Message[],
): ConversationEmail {
  const id = conversation?.channel === 'email' ? conversation.id : null;
  const [views, setViews] = useState<ReadonlyMap<string, EmailView>>(none);
  const [error, setError] = useState<unknown>(null);
  // Only the newest request's answer is used: an older one may finish last.
  const generation = useRef(0);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (!id) return;
      const mine = ++generation.current;
      try {
        const items = await api.conversationEmail(id, signal);
        if (mine !== generation.current) return;
        setViews(new Map(items.map((v) => [v.messageId, v])));
        setError(null);
      } catch (e) {
        if (!signal?.aborted && mine === generation.current) setError(e);
      }
    },
    [api, id],
  );

  const lastSeq = messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    if (!id) return;
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [id, lastSeq, load]);

  useLiveEvents(live, (event) => {
    if (!id) return;
    if (event.type === 'resync' || isConversationEvent(event, 'email', id)) void load();
  });

  // Ticks without re-rendering; fetches only while something is on its way.
  const latest = useLatest({ views, messages });
  useInterval(
    () => {
      if (emailNeedsLook(latest.current.views, latest.current.messages, new Date().getTime())) void load();
    },
    emailSafetyPollMs,
    id !== null,
  );

  const retryDelivery = useCallback(
    async (deliveryId: string) => {
      await api.retryOutboundEmail(deliveryId);
      await load();
    },
    [api, load],
  );

  return { views: id ? views : none, error, retryDelivery };
}
