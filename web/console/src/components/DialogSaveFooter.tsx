import { useI18n } from '../i18n/i18n-context';
import { NoticeLines } from './NoticeLines';

export interface DialogSaveFooterProps {
  notice: string | null;
  error: string | null;
  errorTestId: string;
  /** False for readers: only Close is shown. */
  canSave: boolean;
  saveDisabled: boolean;
  saveTestId: string;
  onClose: () => void;
}

/** The end of a routing editor's form: the saved notice, the error, and Close and Save. */
export function DialogSaveFooter({ notice, error, errorTestId, canSave, saveDisabled, saveTestId, onClose }: DialogSaveFooterProps) {
  const { t } = useI18n();
  return (
    <>
      <NoticeLines notice={notice} error={error} errorTestId={errorTestId} />
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={onClose}>
          {t('schedule.close')}
        </button>
        {canSave && (
          <button type="submit" className="button button--primary" disabled={saveDisabled} data-testid={saveTestId}>
            {t('schedule.save')}
          </button>
        )}
      </div>
    </>
  );
}
