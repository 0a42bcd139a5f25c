import { useState } from 'react';
import type { IntentCategory } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { AddExamplesForm } from './AddExamplesForm';

export interface CategoryRowProps {
  category: IntentCategory;
  onChanged: (category: IntentCategory) => void;
  onNotice: (text: string) => void;
}

/** One category: its examples count and team, archive or restore, and a form to add examples. */
export function CategoryRow({ category, onChanged, onNotice }: CategoryRowProps) {
  const { t } = useI18n();
  const { api, teamName } = useConsole();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggleArchived = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.updateCategory(category.name, { archived: !category.archived }));
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid="category-row" data-name={category.name} data-archived={category.archived} className={category.archived ? 'row--archived' : undefined}>
      <th scope="row">
        <bdi dir="auto">{category.name}</bdi>
      </th>
      <td dir="auto">{category.description}</td>
      <td dir="auto">{category.teamId ? (teamName(category.teamId) ?? t('team.unknown')) : <span className="muted">{t('categories.noTeam')}</span>}</td>
      <td data-testid="category-examples">{category.examples}</td>
      <td>{category.archived ? t('categories.archived') : t('categories.inUse')}</td>
      <td className="cell-actions">
        <div className="row-buttons">
          <button
            type="button" className="button button--small" onClick={() => void toggleArchived()} disabled={busy}
            aria-label={t(category.archived ? 'categories.restoreLabel' : 'categories.archiveLabel', { name: category.name })} data-testid="category-archive"
          >
            {category.archived ? t('categories.restore') : t('categories.archive')}
          </button>
          <button type="button" className="button button--small" onClick={() => setAdding((a) => !a)} aria-expanded={adding} data-testid="category-add-examples">
            {t('categories.addExamples')}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {adding && (
          <AddExamplesForm
            name={category.name} onCancel={() => setAdding(false)}
            onAdded={(next, count) => {
              onChanged(next);
              setAdding(false);
              onNotice(t('categories.examplesAdded', { count, name: category.name }));
            }}
          />
        )}
      </td>
    </tr>
  );
}
