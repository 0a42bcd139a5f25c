import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SlaApi } from '../api/sla-api';
import type { SlaClock } from '../api/sla-types';
import { useConsole } from '../console-context';
import { isConversationEvent, type LiveEvent, type LiveHub } from '../live/live-hub';
import { parseInboxSort, soonestByConversation, type InboxSort } from '../state/sla-time';
import { useInterval, useLiveEvents, useLiveStatus } from './use-live-status';

/** How often running deadlines are fetched again while the socket is not live (it names every `sla.*` event when it is). */
export const slaPollMs = 15_000;
/**
 * SLA clocks are brought up to date by a subscriber after each event is published, a moment after
 * the message or status change the console sees; fetching this much later reads the new state.
 */
const settleMs = 1_200;
/** `sla.*` events anywhere in the workspace are taken together for this long before the inbox's due list is fetched. */
export const dueDebounceMs = 1_000;

export function useSlaApi(): SlaApi {
  const { api } = useConsole();
  return useMemo(() => new SlaApi(api.http), [api]);
}

/** When live events call for a fetch. */
interface LiveRefresh {
  live: LiveHub;
  /** Whether this event changes what was fetched (after a reconnect it is fetched anyway). */
  wants: (event: LiveEvent) => boolean;
  /** How long after such an event to fetch; the events in between are taken together (0: at once). */
  delayMs: number;
}

/**
 * Fetches now and `settleMs` after every change of `version`, when `refresh` says a live event calls
 * for it, after every reconnect, and every 15 s while the socket is not live. Only the newest answer
 * is kept (an older request still in flight is aborted).
 */
function useSlaData<T>(load: (signal: AbortSignal) => Promise<T>, version: string, refresh: LiveRefresh): T | null {
  const [value, setValue] = useState<T | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const reload = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    load(controller.signal).then((v) => !controller.signal.aborted && setValue(v), () => undefined);
  }, [load]);
  useEffect(() => {
    reload();
    const timer = window.setTimeout(reload, settleMs);
    return () => window.clearTimeout(timer);
  }, [reload, version]);
  useEffect(() => () => inFlight.current?.abort(), []);

  const pending = useRef<number | null>(null);
  useEffect(() => () => {
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = null;
  }, []);
  useLiveEvents(refresh.live, (event) => {
    if (event.type === 'resync') {
      reload();
      return;
    }
    if (!refresh.wants(event)) return;
    if (refresh.delayMs <= 0) {
      reload();
      return;
    }
    if (pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      reload();
    }, refresh.delayMs);
  });

  // The fallback: without the socket no `sla.*` event arrives.
  const status = useLiveStatus(refresh.live);
  useInterval(reload, slaPollMs, status !== 'live');
  return value;
}

/**
 * Every promise on one conversation; `version` changes when the conversation or its timeline does.
 * Also fetched at once when the socket names an `sla.*` event of this conversation.
 */
export function useConversationClocks(conversationId: string, version: string): SlaClock[] | null {
  const sla = useSlaApi();
  const { live } = useConsole();
  const load = useCallback((signal: AbortSignal) => sla.clocks(conversationId, signal), [sla, conversationId]);
  return useSlaData(load, version, { live, wants: (event) => isConversationEvent(event, 'sla', conversationId), delayMs: 0 });
}

/**
 * Each conversation's soonest running deadline, for the inbox; `version` changes when the inbox does.
 * Also fetched a second after any `sla.*` event (breached, escalated, met) in the workspace.
 * Takes the API and the hub themselves: the console shell calls it outside the console context.
 */
export function useSoonestDeadlines(sla: SlaApi, live: LiveHub, version: string): ReadonlyMap<string, SlaClock> {
  const load = useCallback((signal: AbortSignal) => sla.due(1000, signal).then(soonestByConversation), [sla]);
  return useSlaData(load, version, { live, wants: (event) => isConversationEvent(event, 'sla'), delayMs: dueDebounceMs }) ?? emptyMap;
}

const emptyMap: ReadonlyMap<string, SlaClock> = new Map();
const sortKey = 'sanad.console.inboxSort';

/** The inbox order (recent activity or time left), remembered across visits. */
export function useInboxSort(): [InboxSort, (next: InboxSort) => void] {
  const [sort, setSortState] = useState<InboxSort>(() => {
    try {
      return parseInboxSort(window.localStorage.getItem(sortKey));
    } catch {
      return 'recent';
    }
  });
  const setSort = useCallback((next: InboxSort) => {
    setSortState(next);
    try {
      window.localStorage.setItem(sortKey, next);
    } catch {
      // Not saved; it still applies now.
    }
  }, []);
  return [sort, setSort];
}
