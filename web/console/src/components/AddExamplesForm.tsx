import { useState, type FormEvent } from 'react';
import type { IntentCategory } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { maxExamplesPerRequest, parseExampleLines } from '../state/triage';
import { ExamplesField } from './ExamplesField';

/** Teaches one category more examples (typed one per line). */
export function AddExamplesForm({ name, onAdded, onCancel }: { name: string; onAdded: (category: IntentCategory, count: number) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lines = parseExampleLines(text);
    if (lines.length === 0) return setError(t('categories.examplesRequired'));
    if (lines.length > maxExamplesPerRequest) return setError(t('categories.tooMany', { max: maxExamplesPerRequest }));
    setBusy(true);
    setError(null);
    try {
      onAdded(await api.addExamples(name, lines), lines.length);
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} data-testid="add-examples-form">
      <ExamplesField label={t('categories.addExamplesTo', { name })} value={text} onChange={setText} invalid={error !== null} testId="add-examples-text" />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="inline-form__buttons">
        <button type="submit" className="button button--primary button--small" disabled={busy} data-testid="add-examples-submit">
          {t('categories.add')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('categories.cancel')}
        </button>
      </div>
    </form>
  );
}
