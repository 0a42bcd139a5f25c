import { useId, useState, type FormEvent } from 'react';
import type { Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useModalDialog } from '../hooks/use-modal-dialog';
import { useI18n } from '../i18n/i18n-context';
import { describeError } from '../i18n/errors';
import type { TransferTarget } from '../state/assignment';
import { checkWarmTransfer } from '../state/routing';

export interface TransferDialogProps {
  conversation: Conversation;
  onClose: () => void;
  /** The request was made (the owner keeps the conversation until it is accepted). */
  onRequested: () => void;
}

/**
 * A warm transfer: ask another agent or a team to take over, saying why. The owner keeps the
 * conversation until it is accepted (managers can still assign directly from the supervisor screen).
 */
export function TransferDialog({ conversation, onClose, onRequested }: TransferDialogProps) {
  const { t } = useI18n();
  const { api, agents, teams, transfers } = useConsole();
  const [error, setError] = useState<string | null>(null);
  const dialog = useModalDialog();
  const [kind, setKind] = useState<TransferTarget['kind']>('agent');
  const [agentId, setAgentId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'pickTarget' | 'reasonRequired' | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const ids = { title: useId(), kind: useId(), target: useId(), reason: useId(), hint: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkWarmTransfer(kind === 'agent' ? { kind, agentId } : { kind, teamId }, reason);
    if (!check.ok) {
      setProblem(check.problem);
      return;
    }
    setProblem(null);
    setBusy(true);
    setSubmitted(true);
    setError(null);
    try {
      await api.requestTransfer(conversation.id, check.body);
      transfers.reload();
      onRequested();
    } catch (failure) {
      setError(describeError(t, failure));
      setBusy(false);
    }
  };

  const candidates = agents.filter((a) => a.active && a.id !== conversation.ownerId);
  const teamChoices = teams.filter((team) => team.id !== conversation.teamId);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={ids.title} data-testid="transfer-dialog" onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}>
      <form onSubmit={submit} noValidate>
        <h2 id={ids.title}>{t('transfer.title', { number: conversation.number })}</h2>
        <fieldset className="segmented">
          <legend>{t('transfer.to')}</legend>
          <label className="segmented__option">
            <input type="radio" name={ids.kind} checked={kind === 'agent'} onChange={() => setKind('agent')} data-testid="transfer-kind-agent" />
            <span>{t('transfer.toAgent')}</span>
          </label>
          <label className="segmented__option">
            <input type="radio" name={ids.kind} checked={kind === 'team'} onChange={() => setKind('team')} data-testid="transfer-kind-team" />
            <span>{t('transfer.toTeam')}</span>
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={ids.target}>{kind === 'agent' ? t('transfer.agent') : t('transfer.team')}</label>
          {kind === 'agent' ? (
            <select id={ids.target} data-testid="transfer-agent" value={agentId} onChange={(e) => {
                setAgentId(e.target.value);
                if (problem === 'pickTarget') setProblem(null);
              }} aria-invalid={problem === 'pickTarget'}>
              <option value="">{t('transfer.choose')}</option>
              {candidates.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          ) : (
            <select id={ids.target} data-testid="transfer-team" value={teamId} onChange={(e) => {
                setTeamId(e.target.value);
                if (problem === 'pickTarget') setProblem(null);
              }} aria-invalid={problem === 'pickTarget'}>
              <option value="">{t('transfer.choose')}</option>
              {teamChoices.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.reason}>{t('transfer.reason')}</label>
          <textarea
            id={ids.reason} data-testid="transfer-reason" dir="auto" rows={3} required maxLength={500} value={reason}
            aria-describedby={ids.hint} aria-invalid={problem === 'reasonRequired'} onChange={(e) => {
              setReason(e.target.value);
              if (problem === 'reasonRequired') setProblem(null);
            }}
          />
          <p id={ids.hint} className="hint">
            {t('transfer.reasonHint')}
          </p>
        </div>
        {problem && (
          <p className="form-error" role="alert" data-testid="transfer-problem">
            {problem === 'pickTarget' ? t('transfer.pickTarget') : t('transfer.reasonRequired')}
          </p>
        )}
        {submitted && error && !problem && (
          <p className="form-error" role="alert" data-testid="transfer-error">
            {error}
          </p>
        )}
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('transfer.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="transfer-submit" disabled={busy}>
            {t('transfer.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
