import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SocketStatus } from '../live/agent-socket';
import type { LiveEvent, LiveHub } from '../live/live-hub';

export function useLiveStatus(live: LiveHub): SocketStatus {
  const [status, setStatus] = useState<SocketStatus>(live.status);
  useEffect(() => {
    setStatus(live.status);
    return live.subscribe((event) => {
      if (event.type === 'status') setStatus(event.status);
    });
  }, [live]);
  return status;
}

/** The latest value of `value`, for callbacks that outlive the render they were made in. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/** Subscribes `handler` (always the latest one, so callers need not memoise it) to live events. */
export function useLiveEvents(live: LiveHub, handler: (event: LiveEvent) => void): void {
  const latest = useLatest(handler);
  useEffect(() => live.subscribe((event) => latest.current(event)), [live, latest]);
}

/** Runs `fn` every `ms` while `active`. */
export function useInterval(fn: () => void, ms: number, active: boolean): void {
  const latest = useLatest(fn);
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => latest.current(), ms);
    return () => window.clearInterval(id);
  }, [ms, active, latest]);
}

/** The current time, refreshed every `ms` (for "5 min ago" labels). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => new Date().getTime());
  useInterval(() => setNow(new Date().getTime()), ms, true);
  return now;
}
