import { useCallback, useEffect, useRef, useState } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { ConversationTriage, HandoffBrief } from '../api/types';
import type { Language } from '../i18n/translate';
import { throttleDelay } from '../state/triage';

/** Live changes re-read triage and the brief at most this often. */
export const triageRefetchGapMs = 5_000;

export interface TriageState {
  triage: ConversationTriage | null;
  triageError: unknown;
  brief: HandoffBrief | null;
  briefError: unknown;
  /** A fetch is under way (the first, or a refresh). */
  loading: boolean;
  /** Fetch both again now (the refresh button). */
  refresh: () => void;
}

/**
 * What triage read in one conversation and its hand-off brief (in the UI language). Loads them when
 * the conversation (or language) changes, and again when `version` changes — a live frame or a
 * new message — but at most once every few seconds, so a busy conversation does not hammer the server.
 */
export function useTriage(api: SanadApi, conversationId: string, locale: Language, version: string): TriageState {
  const [triage, setTriage] = useState<ConversationTriage | null>(null);
  const [triageError, setTriageError] = useState<unknown>(null);
  const [brief, setBrief] = useState<HandoffBrief | null>(null);
  const [briefError, setBriefError] = useState<unknown>(null);
  const [pending, setPending] = useState(0);
  const lastFetchAt = useRef<number | null>(null);
  const timer = useRef<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  const fetchNow = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    lastFetchAt.current = performance.now();
    const settle = () => !controller.signal.aborted && setPending((n) => Math.max(0, n - 1));
    setPending(2);
    api.triage(conversationId, controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setTriage(value);
        setTriageError(null);
        settle();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setTriageError(error);
        settle();
      },
    );
    api.brief(conversationId, locale, controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setBrief(value);
        setBriefError(null);
        settle();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setBriefError(error);
        settle();
      },
    );
  }, [api, conversationId, locale]);

  // A different conversation or language: start afresh, at once.
  useEffect(() => {
    setTriage(null);
    setBrief(null);
    setTriageError(null);
    setBriefError(null);
    lastFetchAt.current = null;
    fetchNow();
    return () => {
      abort.current?.abort();
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    };
  }, [fetchNow]);

  // The conversation changed: fetch again, throttled (one timer at most, trailing).
  const seenVersion = useRef(version);
  useEffect(() => {
    if (version === seenVersion.current) return;
    seenVersion.current = version;
    if (timer.current !== null) return;
    const delay = throttleDelay(lastFetchAt.current, performance.now(), triageRefetchGapMs);
    timer.current = window.setTimeout(fetchNow, delay);
  }, [version, fetchNow]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  return { triage, triageError, brief, briefError, loading: pending > 0, refresh: fetchNow };
}
