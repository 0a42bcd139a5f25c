import { useId } from 'react';
import type { RoutingRule } from '../api/types';
import { useModalDialog } from '../hooks/use-modal-dialog';
import { useI18n } from '../i18n/i18n-context';

/** Asks before a routing rule is deleted. */
export function ConfirmDeleteRule({ rule, busy, onCancel, onConfirm }: { rule: RoutingRule; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useI18n();
  const dialog = useModalDialog();
  const titleId = useId();
  return (
    <dialog ref={dialog} className="dialog" role="alertdialog" aria-labelledby={titleId} onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }} data-testid="rule-delete-dialog">
      <p id={titleId}>{t('rules.confirmDelete', { name: rule.name })}</p>
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t('rules.cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm} data-testid="rule-delete-confirm">
          {t('rules.confirmDeleteYes')}
        </button>
      </div>
    </dialog>
  );
}
