import { useId, useState } from 'react';
import { useModalDialog } from '../hooks/use-modal-dialog';
import { useI18n } from '../i18n/i18n-context';

/** A direct assignment waiting for its reason, because the conversation has another owner by now. */
export interface PendingAssign {
  conversationId: string;
  number: number | null;
  agentId: string;
  ownerId: string;
}

/** Asks why a conversation that has an owner is assigned to someone else. */
export function AssignReasonDialog({ pending, ownerName, targetName, busy, onClose, onSubmit }: {
  pending: PendingAssign; ownerName: string; targetName: string; busy: boolean; onClose: () => void; onSubmit: (reason: string) => void;
}) {
  const { t } = useI18n();
  const dialog = useModalDialog();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const ids = { title: useId(), reason: useId() };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={ids.title} onCancel={(event) => {
        event.preventDefault();
        onClose();
      }} data-testid="assign-reason-dialog">
      <form
        noValidate onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            return;
          }
          onSubmit(reason.trim());
        }}
      >
        <h2 id={ids.title}>{t('supervisor.reasonTitle', { number: pending.number ?? '…' })}</h2>
        <p>{t('supervisor.reasonPrompt', { name: ownerName, target: targetName })}</p>
        <div className="field">
          <label htmlFor={ids.reason}>{t('assign.reason')}</label>
          <textarea
            id={ids.reason} dir="auto" rows={3} maxLength={500} required value={reason} aria-invalid={missing}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }} data-testid="assign-reason-input"
          />
        </div>
        {missing && (
          <p className="form-error" role="alert">
            {t('transfer.reasonRequired')}
          </p>
        )}
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('transfer.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="assign-reason-submit">
            {t('actions.assign')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
