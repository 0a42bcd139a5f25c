import { useState } from 'react';
import type { Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';

/** A pending warm transfer of this conversation: who it waits for, why, and Cancel for whoever asked (or a manager). */
export function PendingTransferBanner({ conversation, onCancelled }: { conversation: Conversation; onCancelled: () => void }) {
  const { t } = useI18n();
  const { api, me, transfers, agentName, teamName } = useConsole();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = transfers.pending.find((x) => x.conversationId === conversation.id && x.status === 'pending');
  if (!pending) return null;
  const mayCancel = pending.requestedBy === me.id || pending.fromAgentId === me.id || me.role === 'admin' || me.role === 'supervisor';
  const target = pending.toAgentId
    ? t('transferBanner.toAgent', { name: agentName(pending.toAgentId) ?? t('agent.unknown') })
    : t('transferBanner.toTeam', { team: teamName(pending.toTeamId) ?? t('team.unknown') });

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.cancelTransfer(pending.id);
      transfers.reload();
      onCancelled();
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="transfer-banner" role="region" aria-label={t('header.transfers')} data-testid="transfer-banner" data-transfer-id={pending.id}>
      <p className="transfer-banner__text">
        <span aria-hidden="true">⇄ </span>
        <strong>{target}</strong> <span className="muted">{t('transferBanner.ownerKeeps')}</span>
      </p>
      <p className="transfer-banner__reason">
        <span className="muted">{t('transfers.reason')}: </span>
        <bdi dir="auto">{pending.reason}</bdi>
        {(pending.requestedBy ?? pending.fromAgentId) && (
          <span className="muted">
            {' · '}
            {t('transferBanner.by', { name: agentName((pending.requestedBy ?? pending.fromAgentId) as string) ?? t('agent.unknown') })}
          </span>
        )}
      </p>
      {mayCancel && (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void cancel()} data-testid="transfer-cancel">
          {t('transferBanner.cancel')}
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
