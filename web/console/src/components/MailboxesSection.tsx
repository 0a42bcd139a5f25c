import { useCallback, useEffect, useState } from 'react';
import type { Mailbox } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { DataTable } from './DataTable';
import { MailboxForm } from './MailboxForm';
import { NoticeLines } from './NoticeLines';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; mailbox: Mailbox };

/** Admins: the workspace's mailboxes, with add, edit and enable/disable. Disabling keeps the mailbox and its mail. */
export function MailboxesSection({ onMailboxes }: { onMailboxes?: (mailboxes: readonly Mailbox[]) => void }) {
  const { t } = useI18n();
  const { api, teamName } = useConsole();
  const [mailboxes, setMailboxes] = useState<Mailbox[] | null>(null);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback(
    (list: Mailbox[]) => {
      setMailboxes(list);
      onMailboxes?.(list);
    },
    [onMailboxes],
  );

  useEffect(() => {
    const abort = new AbortController();
    api.mailboxes(abort.signal).then(show, (e: unknown) => !abort.signal.aborted && setError(describeError(t, e)));
    return () => abort.abort();
  }, [api, t, show]);

  const replace = (saved: Mailbox) => show([...(mailboxes ?? []).filter((m) => m.id !== saved.id), saved].sort((a, b) => a.address.localeCompare(b.address)));

  const toggle = async (m: Mailbox) => {
    setBusyId(m.id);
    setError(null);
    setNotice(null);
    try {
      const saved = await api.updateMailbox(m.id, { enabled: !m.enabled });
      replace(saved);
      setNotice(t(saved.enabled ? 'mailboxes.enabledNotice' : 'mailboxes.disabledNotice', { address: saved.address }));
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="settings__section" aria-labelledby="mailboxes-title" data-testid="mailboxes-section">
      <div className="settings__section-head">
        <h2 id="mailboxes-title">{t('mailboxes.title')}</h2>
        {editing.kind === 'none' && (
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'new' })} data-testid="mailbox-add">
            {t('mailboxes.add')}
          </button>
        )}
      </div>
      <p className="hint">{t('mailboxes.hint')}</p>
      <NoticeLines notice={notice} error={error} noticeTestId="mailbox-notice" errorTestId="mailboxes-error" />
      {mailboxes === null && !error && <p role="status">{t('mailboxes.loading')}</p>}
      {mailboxes?.length === 0 && <p data-testid="mailboxes-empty">{t('mailboxes.empty')}</p>}
      {mailboxes && mailboxes.length > 0 && (
        <DataTable
          testId="mailbox-table"
          columns={[
            t('mailboxes.col.address'), t('mailboxes.col.inbound'), t('mailboxes.col.team'), t('mailboxes.col.state'), t('mailboxes.col.actions'),
          ]}
        >
          {mailboxes.map((m) => (
            <tr key={m.id} className={m.enabled ? undefined : 'row--archived'} data-testid="mailbox-row" data-mailbox-id={m.id} data-address={m.address} data-enabled={m.enabled}>
              <td>
                <bdi dir="ltr" data-testid="mailbox-address">{m.address}</bdi>
                <br />
                <bdi dir="auto" className="muted">{m.name}</bdi>
              </td>
              <td data-testid="mailbox-inbound">
                {m.inbound === 'imap' && m.imap ? t('mailboxes.inbound.imap', { host: `\u2066${m.imap.host}\u2069` }) : t('mailboxes.inbound.smtp')}
              </td>
              <td>
                <bdi dir="auto">{m.teamId ? (teamName(m.teamId) ?? m.teamId) : t('mailboxes.noTeam')}</bdi>
              </td>
              <td data-testid="mailbox-state">
                <span className={`badge ${m.enabled ? 'badge--open' : 'badge--closed'}`}>{m.enabled ? t('mailboxes.enabled') : t('mailboxes.disabled')}</span>
                {m.autoAcknowledge && <p className="muted">{t('mailboxes.autoAck')}</p>}
              </td>
              <td>
                <div className="row-buttons">
                  <button
                    type="button" className="button button--small" disabled={editing.kind !== 'none'} onClick={() => setEditing({ kind: 'edit', mailbox: m })}
                    aria-label={t('mailboxes.editLabel', { address: m.address })} data-testid="mailbox-edit"
                  >
                    {t('mailboxes.edit')}
                  </button>
                  <button
                    type="button" className="button button--small" disabled={busyId !== null} onClick={() => void toggle(m)}
                    aria-label={t(m.enabled ? 'mailboxes.disableLabel' : 'mailboxes.enableLabel', { address: m.address })} data-testid="mailbox-toggle"
                  >
                    {m.enabled ? t('mailboxes.disable') : t('mailboxes.enable')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {editing.kind !== 'none' && (
        <MailboxForm
          key={editing.kind === 'edit' ? editing.mailbox.id : 'new'} mailbox={editing.kind === 'edit' ? editing.mailbox : null}
          onCancel={() => setEditing({ kind: 'none' })}
          onSaved={(saved, created) => {
            replace(saved);
            setEditing({ kind: 'none' });
            setNotice(t(created ? 'mailboxForm.created' : 'mailboxForm.saved', { address: saved.address }));
          }}
        />
      )}
    </section>
  );
}
