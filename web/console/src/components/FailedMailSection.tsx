import { useCallback, useEffect, useState } from 'react';
import { inboundRawUrl } from '../api/sanad-api';
import type { InboundMail, Mailbox } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { DataTable } from './DataTable';
import { NoticeLines } from './NoticeLines';

/**
 * Admins: mail that arrived but could not be read. It was stored before Sanad said 250, so it is
 * here to be read again (after a fix) or downloaded as it came — a download, never shown in the page.
 */
export function FailedMailSection({ mailboxes }: { mailboxes: readonly Mailbox[] }) {
  const { t, dateTime, fileSize } = useI18n();
  const { api } = useConsole();
  const [items, setItems] = useState<InboundMail[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null, signal?: AbortSignal) => {
      setError(null);
      try {
        const page = await api.inboundMail('failed', after, signal);
        setItems((current) => (after && current ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        if (!signal?.aborted) setError(describeError(t, e));
      }
    },
    [api, t],
  );

  useEffect(() => {
    const abort = new AbortController();
    void load(null, abort.signal);
    return () => abort.abort();
  }, [load]);

  const retry = async (mail: InboundMail) => {
    setBusyId(mail.id);
    setError(null);
    setNotice(null);
    try {
      await api.retryInboundMail(mail.id);
      // It is no longer failed; if reading fails again it comes back on the next refresh.
      setItems((current) => current?.filter((m) => m.id !== mail.id) ?? null);
      setNotice(t('failedMail.retried'));
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusyId(null);
    }
  };

  const mailboxAddress = (id: string) => mailboxes.find((m) => m.id === id)?.address ?? '…';

  return (
    <section className="settings__section" aria-labelledby="failed-mail-title" data-testid="failed-mail-section">
      <div className="settings__section-head">
        <h2 id="failed-mail-title">{t('failedMail.title')}</h2>
        <button type="button" className="button" onClick={() => void load(null)} data-testid="failed-mail-refresh">
          {t('failedMail.refresh')}
        </button>
      </div>
      <p className="hint">{t('failedMail.hint')}</p>
      <NoticeLines notice={notice} error={error} noticeTestId="failed-mail-notice" errorTestId="failed-mail-error" />
      {items === null && !error && <p role="status">{t('failedMail.loading')}</p>}
      {items?.length === 0 && <p data-testid="failed-mail-empty">{t('failedMail.empty')}</p>}
      {items && items.length > 0 && (
        <DataTable
          testId="failed-mail-table"
          columns={[
            t('failedMail.col.received'), t('failedMail.col.from'), t('failedMail.col.mailbox'), t('failedMail.col.error'),
            t('failedMail.col.actions'),
          ]}
        >
          {items.map((m) => {
            const from = m.from ?? t('failedMail.unknownSender');
            return (
              <tr key={m.id} data-testid="failed-mail-row" data-inbound-id={m.id}>
                <td>
                  <time dateTime={m.receivedAt}>{dateTime(m.receivedAt)}</time>
                  <br />
                  <span className="muted">{t('failedMail.size', { size: fileSize(m.size), source: m.source.toUpperCase() })}</span>
                </td>
                <td>
                  <bdi dir="ltr">{from}</bdi>
                </td>
                <td>
                  <bdi dir="ltr">{mailboxAddress(m.mailboxId)}</bdi>
                </td>
                <td className="cell-wrap" data-testid="failed-mail-problem">
                  {/* The parser's words, in English: isolated so they read correctly in an Arabic page. */}
                  <bdi dir="auto">{m.error ?? m.problems.join('; ')}</bdi>
                </td>
                <td>
                  <div className="row-buttons">
                    <button
                      type="button" className="button button--small" disabled={busyId !== null} onClick={() => void retry(m)}
                      aria-label={t('failedMail.retryLabel', { from: `\u2066${from}\u2069` })} data-testid="failed-mail-retry"
                    >
                      {t('failedMail.retry')}
                    </button>
                    <a className="button button--small button--ghost" href={inboundRawUrl(m.id)} download={`${m.id}.eml`} data-testid="failed-mail-download">
                      {t('failedMail.download')}
                    </a>
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {cursor && (
        <button type="button" className="button" onClick={() => void load(cursor)} data-testid="failed-mail-more">
          {t('failedMail.loadMore')}
        </button>
      )}
    </section>
  );
}
