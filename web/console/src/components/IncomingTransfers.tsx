import { useEffect, useId, useRef, useState } from 'react';
import type { TransferRequest } from '../api/types';
import { useConsole } from '../console-context';
import { useConversationLookup } from '../hooks/use-conversation-lookup';
import { useNow } from '../hooks/use-live-status';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { incomingTransfers } from '../state/routing';

/** The header's "Transfers" button: a count of transfers waiting for me (or my teams), and the list to accept or decline. */
export function IncomingTransfers({ onOpen }: { onOpen: (conversationId: string) => void }) {
  const { t } = useI18n();
  const { api, me, transfers } = useConsole();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const panelId = useId();
  const incoming = incomingTransfers(transfers.pending, me);
  const lookup = useConversationLookup(api, incoming.map((x) => x.conversationId));
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        wrapper.current?.querySelector<HTMLButtonElement>('[data-testid="transfers-button"]')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="transfers" ref={wrapper}>
      <button
        type="button" className="button button--ghost" aria-expanded={open} aria-controls={panelId} data-testid="transfers-button"
        data-count={incoming.length} onClick={() => setOpen((v) => !v)}
      >
        {t('header.transfers')}
        {incoming.length > 0 && (
          <span className="count-badge" data-testid="transfers-count">
            {incoming.length}
            <span className="visually-hidden"> {t('header.transfersCount', { count: incoming.length })}</span>
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="transfers__panel" role="region" aria-label={t('transfers.incoming')} data-testid="transfers-panel">
          <h2 className="transfers__title">{t('transfers.incoming')}</h2>
          <p className="notice-line" role="status">
            {notice}
          </p>
          {incoming.length === 0 ? (
            <p className="muted">{t('transfers.none')}</p>
          ) : (
            <ul className="transfers__list">
              {incoming.map((x) => (
                <IncomingItem
                  key={x.id} transfer={x} number={lookup.get(x.conversationId)?.number ?? null}
                  onOpen={() => {
                    setOpen(false);
                    onOpen(x.conversationId);
                  }}
                  onDone={(text, accepted) => {
                    setNotice(text);
                    transfers.reload();
                    if (accepted) {
                      setOpen(false);
                      onOpen(x.conversationId);
                    }
                  }}
                  accept={() => api.acceptTransfer(x.id)} decline={(reason) => api.declineTransfer(x.id, reason)}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

interface ItemProps {
  transfer: TransferRequest;
  number: number | null;
  onOpen: () => void;
  onDone: (notice: string, accepted: boolean) => void;
  accept: () => Promise<unknown>;
  decline: (reason?: string) => Promise<unknown>;
}

function IncomingItem({ transfer, number, onOpen, onDone, accept, decline }: ItemProps) {
  const { t, ago } = useI18n();
  const { agentName, teamName } = useConsole();
  const now = useNow();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const title = number === null ? t('transfers.conversation', { number: '…' }) : t('transfers.conversation', { number });

  const run = async (action: () => Promise<unknown>, done: string, accepted: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone(done, accepted);
    } catch (failure) {
      setError(describeError(t, failure));
      setBusy(false);
    }
  };

  return (
    <li className="transfers__item" data-testid="incoming-transfer" data-transfer-id={transfer.id} data-conversation-id={transfer.conversationId}>
      <p className="transfers__head">
        <button type="button" className="link-button" onClick={onOpen}>
          {title}
        </button>
        <span className="muted">
          {' · '}
          {t('transfers.from', { name: agentName(transfer.fromAgentId) ?? t('transfers.someone') })}
          {' · '}
          {transfer.toAgentId ? t('transfers.toYou') : t('transfers.toTeam', { team: teamName(transfer.toTeamId) ?? t('team.unknown') })}
          {' · '}
          <time dateTime={transfer.createdAt}>{ago(transfer.createdAt, now)}</time>
        </span>
      </p>
      <p className="transfers__reason">
        <span className="muted">{t('transfers.reason')}: </span>
        <bdi dir="auto">{transfer.reason}</bdi>
      </p>
      {declining ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => decline(reason.trim() || undefined), t('transfers.declined'), false);
          }}
        >
          <div className="field">
            <label htmlFor={reasonId}>{t('transfers.declineReason')}</label>
            <input id={reasonId} dir="auto" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="transfer-decline-reason" />
          </div>
          <div className="row-buttons">
            <button type="submit" className="button" disabled={busy} data-testid="transfer-decline-confirm">
              {t('transfers.confirmDecline')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setDeclining(false)}>
              {t('transfer.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="row-buttons">
          <button
            type="button" className="button button--primary button--small" disabled={busy} data-testid="transfer-accept"
            onClick={() => void run(accept, t('transfers.accepted', { number: number ?? '…' }), true)}
          >
            {t('transfers.accept')}
          </button>
          <button type="button" className="button button--small" disabled={busy} data-testid="transfer-decline" onClick={() => setDeclining(true)}>
            {t('transfers.decline')}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
