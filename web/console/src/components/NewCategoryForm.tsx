import { useId, useState, type FormEvent } from 'react';
import type { IntentCategory } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { categoryNamePattern, maxExamplesPerRequest, parseExampleLines } from '../state/triage';
import { ExamplesField } from './ExamplesField';
import { TeamOptions } from './TeamOptions';

/** Adds an intent category: a name, an optional description and team, and examples one per line. */
export function NewCategoryForm({ onCreated }: { onCreated: (category: IntentCategory) => void }) {
  const { t } = useI18n();
  const { api, teams } = useConsole();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [teamId, setTeamId] = useState('');
  const [examples, setExamples] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'name' | 'examples' | null; text: string } | null>(null);
  const ids = { name: useId(), description: useId(), team: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const lines = parseExampleLines(examples);
    if (!categoryNamePattern.test(trimmed)) return setError({ field: 'name', text: t('categories.nameInvalid') });
    if (lines.length === 0) return setError({ field: 'examples', text: t('categories.examplesRequired') });
    if (lines.length > maxExamplesPerRequest) return setError({ field: 'examples', text: t('categories.tooMany', { max: maxExamplesPerRequest }) });
    setBusy(true);
    setError(null);
    try {
      const created = await api.createCategory({
        name: trimmed, ...(description.trim() ? { description: description.trim() } : {}), teamId: teamId || null, examples: lines.map((text) => ({ text })),
      });
      onCreated(created);
      setName('');
      setDescription('');
      setTeamId('');
      setExamples('');
    } catch (e) {
      setError({ field: null, text: describeError(t, e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-category-title" data-testid="new-category-form">
      <h3 id="new-category-title">{t('categories.new')}</h3>
      <div className="field">
        <label htmlFor={ids.name}>{t('categories.name')}</label>
        <input
          id={ids.name} dir="ltr" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false}
          aria-invalid={error?.field === 'name'} aria-describedby={`${ids.name}-hint`} data-testid="new-category-name"
        />
        <p id={`${ids.name}-hint`} className="hint">
          {t('categories.nameHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.description}>{t('categories.description')}</label>
        <input id={ids.description} dir="auto" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} data-testid="new-category-description" />
      </div>
      <div className="field">
        <label htmlFor={ids.team}>{t('categories.team')}</label>
        <select id={ids.team} value={teamId} onChange={(e) => setTeamId(e.target.value)} data-testid="new-category-team">
          <option value="">{t('categories.noTeam')}</option>
          <TeamOptions teams={teams} />
        </select>
      </div>
      <ExamplesField label={t('categories.examples')} value={examples} onChange={setExamples} invalid={error?.field === 'examples'} testId="new-category-examples" />
      {error && (
        <p className="form-error" role="alert" data-testid="new-category-error">
          {error.text}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="new-category-submit">
        {t('categories.create')}
      </button>
    </form>
  );
}
