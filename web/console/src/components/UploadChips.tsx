import { useI18n } from '../i18n/i18n-context';
import { hasKey } from '../i18n/translate';
import { canRetryUpload, type UploadChip } from '../state/attachments';

/** The files picked for the next message: each uploading, ready or failed, with retry and remove. */
export function UploadChips({ chips, onRetry, onRemove }: { chips: readonly UploadChip[]; onRetry: (key: string) => void; onRemove: (key: string) => void }) {
  const { t, fileSize } = useI18n();
  if (chips.length === 0) return null;

  const errorText = (chip: UploadChip) => {
    const code = chip.error?.code ?? '';
    const key = `error.${code}`;
    return hasKey(key) ? t(key) : t('error.generic', { message: chip.error?.message || code });
  };

  return (
    <ul className="upload-chips" aria-label={t('composer.uploads')}>
      {chips.map((chip) => (
        <li
          key={chip.key} className={`upload-chip upload-chip--${chip.state}`} data-testid="attachment-chip" data-state={chip.state}
          data-content-type={chip.contentType} aria-busy={chip.state === 'uploading'}
        >
          <span className="upload-chip__file">
            <bdi className="upload-chip__name" dir="auto" title={chip.name}>
              {chip.name}
            </bdi>
            <span className="upload-chip__size">{fileSize(chip.size)}</span>
          </span>
          <span className="upload-chip__state" role={chip.state === 'failed' ? 'alert' : undefined}>
            {chip.state === 'uploading' && t('upload.uploading')}
            {chip.state === 'ready' && t('upload.ready')}
            {chip.state === 'failed' && t('upload.failed', { error: errorText(chip) })}
          </span>
          <span className="upload-chip__actions">
            {canRetryUpload(chip) && (
              <button
                type="button" className="button button--small" data-testid="attachment-retry" aria-label={t('upload.retryFile', { name: chip.name })}
                onClick={() => onRetry(chip.key)}
              >
                {t('upload.retry')}
              </button>
            )}
            <button
              type="button" className="button button--small button--ghost" data-testid="attachment-remove"
              aria-label={t(chip.state === 'uploading' ? 'upload.cancelFile' : 'upload.removeFile', { name: chip.name })}
              onClick={() => onRemove(chip.key)}
            >
              {chip.state === 'uploading' ? t('upload.cancel') : t('upload.remove')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
