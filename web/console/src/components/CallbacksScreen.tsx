import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { Callback, CallbackStatus, CallbackSummary } from '../api/types';
import { callbackStatuses } from '../api/types';
import { useConsole } from '../console-context';
import { useInterval, useLiveEvents } from '../hooks/use-live-status';
import { describeError, describeServerError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { browserTimeZone } from '../state/callbacks';
import { BackLink } from './BackLink';
import { CallbackTable } from './CallbackTable';
import { NoticeLines } from './NoticeLines';

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

  return (
    <main id="conversation-main" className="settings callbacks" aria-labelledby="callbacks-title" tabIndex={-1} data-testid="callbacks">
      <div className="settings__head">
        <h1 id="callbacks-title">{t('callbacks.title')}</h1>
        <div className="row-buttons">
          <button type="button" className="button button--small" onClick={refresh} data-testid="callbacks-refresh">
            {t('callbacks.refresh')}
          </button>
          <BackLink onBack={onBack} testId="callbacks-back" />
        </div>
      </div>
      <p className="muted">{t('callbacks.intro', { zone: myZone })}</p>
      {summary && <SummaryCounts summary={summary} />}
      <NoticeLines notice={notice} error={error} noticeTestId="callbacks-notice" errorTestId="callbacks-error" />
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
