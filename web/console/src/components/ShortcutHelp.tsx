import { useModalDialog } from '../hooks/use-modal-dialog';
import { useI18n } from '../i18n/i18n-context';
import { shortcutList } from '../keyboard/shortcuts';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useModalDialog();

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcut-help-title" data-testid="shortcut-help" onClose={onClose}>
      <h2 id="shortcut-help-title">{t('shortcuts.title')}</h2>
      <table className="shortcut-table">
        <tbody>
          {shortcutList.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{t(`shortcuts.${s.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('shortcuts.note')}</p>
      <form method="dialog" className="dialog__buttons">
        <button type="submit" className="button button--primary" autoFocus>
          {t('shortcuts.close')}
        </button>
      </form>
    </dialog>
  );
}
