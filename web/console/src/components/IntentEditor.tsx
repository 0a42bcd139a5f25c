import { useId, useState, type FormEvent } from 'react';
import type { Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useCategories } from '../hooks/use-categories';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { percent, selectableCategories } from '../state/triage';
import { IntentSourceBadge } from './Badges';

/** The conversation's intent (with confidence and who set it) and a control to re-categorise it by hand. */
export function IntentEditor({ conversation, onSetIntent }: { conversation: Conversation; onSetIntent: (intent: string) => Promise<void> }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const { categories, error: loadError } = useCategories(api);
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const selectId = useId();
  const confidence = conversation.intentSource === 'model' ? percent(conversation.intentConfidence) : null;
  const options = selectableCategories(categories ?? [], conversation.intent);
  const shownError = error ?? (loadError ? describeError(t, loadError) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked || busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await onSetIntent(picked);
      setDone(t('triage.changed', { name: picked }));
      setPicked('');
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="intent">
      <p className="intent__current">
        <span className="intent__label">{t('triage.intent')}:</span>{' '}
        <bdi dir="auto" className="intent__name" data-testid="triage-intent" data-intent={conversation.intent ?? ''}>
          {conversation.intent ?? t('triage.noIntent')}
        </bdi>{' '}
        {confidence !== null && <span className="muted" data-testid="intent-confidence">({t('triage.confidence', { percent: confidence })})</span>}{' '}
        <IntentSourceBadge source={conversation.intentSource} />
      </p>
      <form className="intent__form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={selectId}>{t('triage.recategorise')}</label>
        <div className="intent__row">
          <select id={selectId} value={picked} onChange={(e) => setPicked(e.target.value)} disabled={busy || !categories} data-testid="intent-select">
            <option value="">{t('triage.chooseCategory')}</option>
            {options.map((c) => (
              <option key={c.name} value={c.name} disabled={c.name === conversation.intent} title={c.description || undefined}>
                {c.description ? `${c.name} — ${c.description}` : c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small" disabled={busy || !picked || picked === conversation.intent} data-testid="intent-apply">
            {busy ? t('triage.saving') : t('triage.apply')}
          </button>
        </div>
      </form>
      {shownError && (
        <p className="form-error" role="alert" data-testid="intent-error">
          {shownError}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {done ?? ''}
      </p>
    </div>
  );
}
