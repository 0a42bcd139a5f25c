import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SlaApi } from '../api/sla-api';
import type { SlaClock } from '../api/sla-types';
import { useConsole } from '../console-context';
import { parseInboxSort, soonestByConversation, type InboxSort } from '../state/sla-time';
import { useInterval } from './use-live-status';

/** How often running deadlines are fetched again (the socket has no SLA frame; breaches arrive as notes). */
export const slaPollMs = 15_000;
/**
 * SLA clocks are brought up to date by a subscriber after each event is published, a moment after
 * the message or status change the console sees; fetching this much later reads the new state.
 */
const settleMs = 1_200;

export function useSlaApi(): SlaApi {
  const { api } = useConsole();
  return useMemo(() => new SlaApi(api.http), [api]);
}

/**
 * Fetches now and `settleMs` after every change of `version`, and every 15 s. Only the newest
 * answer is kept (an older request still in flight is aborted).
 */
function usePolled<T>(load: (signal: AbortSignal) => Promise<T>, version: string): T | null {
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
  useInterval(reload, slaPollMs, true);
  return value;
}

/** Every promise on one conversation; `version` changes when the conversation or its timeline does. */
export function useConversationClocks(conversationId: string, version: string): SlaClock[] | null {
  const sla = useSlaApi();
  const load = useCallback((signal: AbortSignal) => sla.clocks(conversationId, signal), [sla, conversationId]);
  return usePolled(load, version);
}

/**
 * Each conversation's soonest running deadline, for the inbox; `version` changes when the inbox does.
 * Takes the API itself: the console shell calls it outside the console context.
 */
export function useSoonestDeadlines(sla: SlaApi, version: string): ReadonlyMap<string, SlaClock> {
  const load = useCallback((signal: AbortSignal) => sla.due(1000, signal).then(soonestByConversation), [sla]);
  return usePolled(load, version) ?? emptyMap;
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
