import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { newClientId } from '../api/client-id';
import { ApiError } from '../api/http';
import type { AssignInput, SanadApi } from '../api/sanad-api';
import type { Attachment, Conversation, ConversationStatus, Message } from '../api/types';
import type { LiveHub } from '../live/live-hub';
import { contiguousLastSeq, emptyTimeline, timelineReducer } from '../state/messages';
import { useInterval, useLatest, useLiveEvents, useLiveStatus } from './use-live-status';

const pollMs = 4_000;

export interface ConversationCallbacks {
  /** A newer copy of the conversation (our command's answer, a live frame, a refetch). */
  onConversation: (conversation: Conversation) => void;
  /** A message we just committed (so the inbox can move the conversation up). */
  onMessage: (message: Message) => void;
}

export interface Typing {
  who: { type: 'agent' | 'contact'; name?: string };
}

/**
 * One open conversation: loads it and all its messages, keeps them current from the socket
 * (resuming after every reconnect) or by polling, and runs the agent's commands on it.
 */
export function useConversation(api: SanadApi, live: LiveHub, id: string, callbacks: ConversationCallbacks) {
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [timeline, dispatch] = useReducer(timelineReducer, emptyTimeline);
  const [loaded, setLoaded] = useState(false);
  const [typing, setTyping] = useState<Typing | null>(null);
  const latestTimeline = useLatest(timeline);
  const latestCallbacks = useLatest(callbacks);
  const liveStatus = useLiveStatus(live);
  const fillingGap = useRef(false);

  const acceptConversation = useCallback(
    (next: Conversation) => {
      setConversation((current) => (current && current.id === next.id && current.updatedAt > next.updatedAt ? current : next));
      latestCallbacks.current.onConversation(next);
    },
    [latestCallbacks],
  );

  /** Fetches what we do not hold yet: everything after the last seq held without a gap. */
  const catchUp = useCallback(async () => {
    if (fillingGap.current) return;
    fillingGap.current = true;
    try {
      const messages = await api.allMessagesAfter(id, contiguousLastSeq(latestTimeline.current.messages));
      if (messages.length) dispatch({ type: 'received', messages });
    } finally {
      fillingGap.current = false;
    }
  }, [api, id, latestTimeline]);

  // Load (again) whenever the id changes.
  useEffect(() => {
    const abort = new AbortController();
    dispatch({ type: 'reset' });
    setConversation(null);
    setLoadError(null);
    setLoaded(false);
    setTyping(null);
    Promise.all([api.conversation(id, abort.signal), api.allMessagesAfter(id, 0, abort.signal)])
      .then(([c, messages]) => {
        setConversation(c);
        dispatch({ type: 'received', messages });
        setLoaded(true);
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setLoadError(error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error)));
      });
    return () => abort.abort();
  }, [api, id]);

  // Once loaded, ask the socket to resume from what we hold (now and after every reconnect).
  useEffect(() => {
    if (!loaded) return;
    return live.watch(id, () => contiguousLastSeq(latestTimeline.current.messages));
  }, [live, id, loaded, latestTimeline]);

  useLiveEvents(live, (event) => {
    switch (event.type) {
      case 'message': {
        if (event.conversationId !== id) return;
        dispatch({ type: 'received', messages: [event.message] });
        if (event.message.kind === 'customer') setTyping(null);
        // A seq past a hole: fetch the hole (the socket promises order, but our REST load may have raced it).
        const held = contiguousLastSeq(latestTimeline.current.messages);
        if (loaded && event.message.seq > held + 1) void catchUp().catch(() => undefined);
        return;
      }
      case 'conversation':
        if (event.conversation.id !== id) return;
        setConversation((current) => (current ? { ...current, ...event.conversation } : current));
        return;
      case 'resync':
        api.conversation(id).then(acceptConversation, () => undefined);
        return;
      case 'typing':
        if (event.conversationId === id) setTyping(event.typing ? { who: event.who } : null);
        return;
      default:
        return;
    }
  });

  // Someone typing stops showing after a while if no "stopped" frame comes.
  useEffect(() => {
    if (!typing) return;
    const timer = window.setTimeout(() => setTyping(null), 8_000);
    return () => window.clearTimeout(timer);
  }, [typing]);

  // Without the socket, poll: new messages and the conversation's status and owner.
  useInterval(
    () => {
      void catchUp().catch(() => undefined);
      api.conversation(id).then(acceptConversation, () => undefined);
    },
    pollMs,
    loaded && liveStatus !== 'live',
  );

  const post = useCallback(
    async (kind: 'agent' | 'note', body: string, clientId: string, attachments: readonly Attachment[]) => {
      try {
        const message = await api.postMessage(id, { kind, body, clientId, attachmentIds: attachments.map((a) => a.id) });
        dispatch({ type: 'sent', clientId, message });
        latestCallbacks.current.onMessage(message);
      } catch (error) {
        const text = error instanceof ApiError ? error.code : String(error);
        dispatch({ type: 'failed', clientId, error: text });
      }
    },
    [api, id, latestCallbacks],
  );

  const send = useCallback(
    (kind: 'agent' | 'note', body: string, attachments: readonly Attachment[] = []) => {
      const clientId = newClientId();
      dispatch({ type: 'pending', message: { clientId, kind, body, attachments: [...attachments], createdAt: new Date().toISOString(), state: 'sending' } });
      void post(kind, body, clientId, attachments);
    },
    [post],
  );

  /**
   * Sends a failed message again with the same clientId, body and attachments: if it had in fact
   * been committed, the server answers with that copy instead of writing a second one.
   */
  const retry = useCallback(
    (clientId: string) => {
      const pending = latestTimeline.current.pending.find((p) => p.clientId === clientId);
      if (!pending) return;
      dispatch({ type: 'retrying', clientId });
      void post(pending.kind, pending.body, clientId, pending.attachments);
    },
    [latestTimeline, post],
  );

  const discard = useCallback((clientId: string) => dispatch({ type: 'discard', clientId }), []);

  const setStatus = useCallback(
    async (status: ConversationStatus) => {
      const next = await api.setStatus(id, status);
      acceptConversation(next);
      // The system line it added comes over the socket; without one, fetch it.
      if (live.status !== 'live') void catchUp().catch(() => undefined);
    },
    [api, id, live, acceptConversation, catchUp],
  );

  const assign = useCallback(
    async (input: AssignInput) => {
      const next = await api.assign(id, input);
      acceptConversation(next);
      if (live.status !== 'live') void catchUp().catch(() => undefined);
    },
    [api, id, live, acceptConversation, catchUp],
  );

  /** Re-categorises by hand; the answer (intent set by an agent) replaces our copy at once. */
  const setIntent = useCallback(
    async (intent: string) => {
      acceptConversation(await api.setIntent(id, intent));
    },
    [api, id, acceptConversation],
  );

  const sendTyping = useCallback((on: boolean) => live.typing(id, on), [live, id]);

  return { conversation, loadError, loaded, timeline, typing, send, retry, discard, setStatus, assign, setIntent, sendTyping };
}
