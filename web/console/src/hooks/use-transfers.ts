import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { TransferRequest } from '../api/types';
import { useInterval, useLiveEvents, useLiveStatus } from './use-live-status';
import { isConversationEvent, type LiveHub } from '../live/live-hub';
import { throttleDelay } from '../state/triage';

/** How often pending transfers are polled while the socket is not live (it names every `transfer.*` event when it is). */
export const transferPollMs = 10_000;

export interface PendingTransfers {
  /** Every pending transfer in the workspace, newest first. */
  pending: readonly TransferRequest[];
  /** Fetch again now (after asking for, accepting, declining or cancelling one). */
  reload: () => void;
}

/** Pending warm transfers: fetched on every `transfer.*` event and owner change, and every 10 s while the socket is down. */
export function usePendingTransfers(api: SanadApi, live: LiveHub): PendingTransfers {
  const [pending, setPending] = useState<readonly TransferRequest[]>([]);
  const inFlight = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    api.transfers({ status: 'pending', limit: 200 }, controller.signal).then(
      (items) => {
        if (!controller.signal.aborted) setPending(items);
      },
      () => undefined,
    );
  }, [api]);

  useEffect(() => {
    reload();
    return () => inFlight.current?.abort();
  }, [reload]);
  const status = useLiveStatus(live);
  useInterval(reload, transferPollMs, status !== 'live');
  // A transfer event or an owner change (an accepted transfer): fetch again, at most once every 2 s (trailing).
  const lastAt = useRef<number | null>(null);
  const timer = useRef<number | null>(null);
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);
  useLiveEvents(live, (event) => {
    const ownerChange = event.type === 'conversation' && 'ownerId' in event.conversation;
    if (event.type !== 'resync' && !ownerChange && !isConversationEvent(event, 'transfer')) return;
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      lastAt.current = performance.now();
      reload();
    }, throttleDelay(lastAt.current, performance.now(), 2_000));
  });

  return useMemo(() => ({ pending, reload }), [pending, reload]);
}
