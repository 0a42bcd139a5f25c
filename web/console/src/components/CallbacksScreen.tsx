import { useCallback, useEffect, useId, useMemo, useState, type MouseEvent } from 'react';
import type { Callback, CallbackStatus, CallbackSummary } from '../api/types';
import { callbackStatuses } from '../api/types';
import { useConsole } from '../console-context';
import { useConversationLookup } from '../hooks/use-conversation-lookup';
import { useInterval, useLiveEvents } from '../hooks/use-live-status';
import { describeError, describeServerError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { routeBase, routePath } from '../routing/use-route';
import { browserTimeZone, callbackIsOpen, callbackWindowTimes } from '../state/callbacks';

/** How often the list and the counts refresh on their own (missed ones are marked by a sweep each minute). */
export const callbacksRefreshMs = 30_000;

const isStatus = (value: string): value is CallbackStatus => (callbackStatuses as readonly string[]).includes(value);

/** Every agent's list of promised calls: counts per status, a filter, each window in both zones, and Done / Cancel. */
export function CallbacksScreen({ onBack, onOpen }: { onBack: () => void; onOpen: (conversationId: string) => void }) {
  const { t } = useI18n();
  const { api, live } = useConsole();
  const [status, setStatus] = useState<CallbackStatus | ''>('');
  const [items, setItems] = useState<Callback[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [summary, setSummary] = useState<CallbackSummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const filterId = useId();
  const myZone = useMemo(() => browserTimeZone(), []);

  const refresh = useCallback(() => {
    const filter = status || null;
    Promise.all([api.callbacks(filter), api.callbackSummary()]).then(
      ([page, counts]) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setSummary(counts);
        setLoadError(null);
      },
      (failure: unknown) => setLoadError(describeError(t, failure)),
    );
  }, [api, status, t]);

  useEffect(() => {
    setItems(null);
    refresh();
  }, [refresh]);
  useInterval(refresh, callbacksRefreshMs, true);
  useLiveEvents(live, (event) => {
    if (event.type === 'resync') refresh();
  });

  const more = () => {
    if (!nextCursor) return;
    api.callbacks(status || null, nextCursor).then(
      (page) => {
        setItems((current) => [...(current ?? []), ...page.items.filter((c) => !(current ?? []).some((x) => x.id === c.id))]);
        setNextCursor(page.nextCursor);
      },
      (failure: unknown) => setError(describeError(t, failure)),
    );
  };

  const change = async (callback: Callback, to: 'done' | 'cancelled') => {
    setBusyId(callback.id);
    setError(null);
    setNotice(null);
    try {
      const changed = await api.changeCallback(callback.id, to);
      setItems((current) => current?.map((c) => (c.id === changed.id ? changed : c)) ?? null);
      setNotice(t(to === 'done' ? 'callbacks.markedDone' : 'callbacks.markedCancelled', { phone: `\u2066${changed.phone}\u2069` }));
      refresh();
    } catch (failure) {
      setError(t('callbacks.failed', { message: describeServerError(t, failure) }));
    } finally {
      setBusyId(null);
    }
  };

  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onBack();
  };

  return (
    <main id="conversation-main" className="settings callbacks" aria-labelledby="callbacks-title" tabIndex={-1} data-testid="callbacks">
      <div className="settings__head">
        <h1 id="callbacks-title">{t('callbacks.title')}</h1>
        <div className="row-buttons">
          <button type="button" className="button button--small" onClick={refresh} data-testid="callbacks-refresh">
            {t('callbacks.refresh')}
          </button>
          <a href={routePath({ conversationId: null }, routeBase)} onClick={back} data-testid="callbacks-back">
            {t('settings.back')}
          </a>
        </div>
      </div>
      <p className="muted">{t('callbacks.intro', { zone: myZone })}</p>
      {summary && <SummaryCounts summary={summary} />}
      <p className="notice-line" role="status" data-testid="callbacks-notice">
        {notice}
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid="callbacks-error">
          {error}
        </p>
      )}
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}
      <div className="callbacks__filter">
        <label htmlFor={filterId}>{t('callbacks.filter')}</label>
        <select id={filterId} value={status} data-testid="callbacks-filter" onChange={(e) => setStatus(isStatus(e.target.value) ? e.target.value : '')}>
          <option value="">{t('callbacks.filter.all')}</option>
          {callbackStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`callbacks.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {items === null ? (
        <p className="muted" role="status">
          {t('callbacks.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="muted" data-testid="callbacks-empty">
          {t('callbacks.empty')}
        </p>
      ) : (
        <CallbackTable items={items} myZone={myZone} busyId={busyId} onOpen={onOpen} onChange={(c, to) => void change(c, to)} />
      )}
      {nextCursor && (
        <button type="button" className="button button--small" onClick={more} data-testid="callbacks-more">
          {t('callbacks.loadMore')}
        </button>
      )}
    </main>
  );
}

function SummaryCounts({ summary }: { summary: CallbackSummary }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="callbacks-summary-title" className="callbacks__summary-section">
      <h2 id="callbacks-summary-title" className="visually-hidden">
        {t('callbacks.summary')}
      </h2>
      <dl className="callbacks__summary" data-testid="callbacks-summary">
        {callbackStatuses.map((s) => (
          <div key={s} className={`callbacks__count callbacks__count--${s}`} data-testid={`callbacks-count-${s}`} data-count={summary[s]}>
            <dt>
              {s === 'missed' && summary.missed > 0 && (
                <span className="callbacks__warn" aria-hidden="true">
                  ⚠{' '}
                </span>
              )}
              {t(`callbacks.status.${s}`)}
            </dt>
            <dd>{summary[s]}</dd>
          </div>
        ))}
      </dl>
      {summary.missedLast7Days > 0 && (
        <p className="callbacks__missed-recent" data-testid="callbacks-missed-recent">
          {t('callbacks.summary.missedRecent', { count: summary.missedLast7Days })}
        </p>
      )}
    </section>
  );
}

interface CallbackTableProps {
  items: readonly Callback[];
  myZone: string;
  busyId: string | null;
  onOpen: (conversationId: string) => void;
  onChange: (callback: Callback, to: 'done' | 'cancelled') => void;
}

function CallbackTable({ items, myZone, busyId, onOpen, onChange }: CallbackTableProps) {
  const { t, lang } = useI18n();
  const { api, agentName } = useConsole();
  const lookup = useConversationLookup(api, items.flatMap((c) => (c.sourceConversationId ? [c.conversationId, c.sourceConversationId] : [c.conversationId])));
  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(id);
  };
  const numberOf = (id: string) => {
    const n = lookup.get(id)?.number;
    return n === undefined ? '…' : n;
  };
  return (
    <div className="table-scroll">
      <table className="table" data-testid="callbacks-table">
        <thead>
          <tr>
            <th scope="col">{t('callbacks.col.window')}</th>
            <th scope="col">{t('callbacks.col.phone')}</th>
            <th scope="col">{t('callbacks.col.status')}</th>
            <th scope="col">{t('callbacks.col.owner')}</th>
            <th scope="col">{t('callbacks.col.conversation')}</th>
            <th scope="col">{t('callbacks.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const times = callbackWindowTimes(c, myZone, lang);
            const isolatedPhone = `\u2066${c.phone}\u2069`;
            return (
              <tr
                key={c.id} className={`callback-row callback-row--${c.status}`} data-testid="callback-row" data-callback-id={c.id}
                data-conversation-id={c.conversationId} data-status={c.status} data-phone={c.phone}
              >
                <td>
                  <span className="callback-time" data-testid="callback-agent-time">
                    {t('callbacks.yourTime', { window: times.agent })}
                  </span>
                  <br />
                  <span className="callback-time muted" data-testid="callback-customer-time">
                    {t('callbacks.customerTime', { zone: c.timeZone, window: times.customer })}
                  </span>
                  {times.same && <span className="visually-hidden"> {t('callbacks.sameZone')}</span>}
                  {c.note && (
                    <p className="callback-note" dir="auto">
                      {t('callbacks.note', { note: c.note })}
                    </p>
                  )}
                </td>
                <td dir="ltr" className="callback-phone" data-testid="callback-phone">
                  <a href={`tel:${c.phone}`}>{c.phone}</a>
                </td>
                <td data-testid="callback-status">
                  <span className={`badge badge--callback-${c.status}`}>{t(`callbacks.status.${c.status}`)}</span>
                  {c.status === 'missed' && (
                    <p className="callback-missed" data-testid="callback-missed">
                      <span aria-hidden="true">⚠ </span>
                      {t('callbacks.missedFlag')}
                    </p>
                  )}
                </td>
                <td data-testid="callback-owner">
                  <bdi dir="auto">{c.ownerId ? (agentName(c.ownerId) ?? t('agent.unknown')) : t('callbacks.unassigned')}</bdi>
                </td>
                <td>
                  <a
                    href={routePath({ conversationId: c.conversationId }, routeBase)} onClick={(e) => open(e, c.conversationId)}
                    data-testid="callback-open"
                  >
                    {t('supervisor.number', { number: numberOf(c.conversationId) })}
                    <span className="visually-hidden"> {t('callbacks.openLabel', { phone: isolatedPhone })}</span>
                  </a>
                  {c.sourceConversationId && (
                    <>
                      <br />
                      <span className="muted">
                        {t('callbacks.source')}{' '}
                        <a href={routePath({ conversationId: c.sourceConversationId }, routeBase)} onClick={(e) => open(e, c.sourceConversationId!)}>
                          {t('supervisor.number', { number: numberOf(c.sourceConversationId) })}
                        </a>
                      </span>
                    </>
                  )}
                </td>
                <td>
                  {callbackIsOpen(c.status) && (
                    <div className="row-buttons">
                      <button
                        type="button" className="button button--small button--primary" disabled={busyId !== null} onClick={() => onChange(c, 'done')}
                        aria-label={t('callbacks.doneLabel', { phone: isolatedPhone })} data-testid="callback-done"
                      >
                        {t('callbacks.done')}
                      </button>
                      <button
                        type="button" className="button button--small" disabled={busyId !== null} onClick={() => onChange(c, 'cancelled')}
                        aria-label={t('callbacks.cancelLabel', { phone: isolatedPhone })} data-testid="callback-cancel"
                      >
                        {t('callbacks.cancel')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
