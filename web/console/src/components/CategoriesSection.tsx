import { useState } from 'react';
import { useConsole } from '../console-context';
import { useCategories } from '../hooks/use-categories';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { CategoryTable } from './CategoryTable';
import { NewCategoryForm } from './NewCategoryForm';

/** The workspace's intent categories: the list, and a form to add one. */
export function CategoriesSection() {
  const { t } = useI18n();
  const { api } = useConsole();
  const { categories, error, remember } = useCategories(api);
  const [notice, setNotice] = useState<string | null>(null);
  const sorted = categories ? [...categories].sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name)) : null;

  return (
    <section className="settings__section" aria-labelledby="categories-title" data-testid="categories-section">
      <h2 id="categories-title">{t('categories.title')}</h2>
      <p className="notice-line" role="status" data-testid="category-notice">
        {notice ?? ''}
      </p>
      {error !== null && (
        <p className="form-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      {!sorted && error === null && <p role="status">{t('settings.loading')}</p>}
      {sorted && <CategoryTable categories={sorted} onChanged={remember} onNotice={setNotice} />}
      <NewCategoryForm
        onCreated={(c) => {
          remember(c);
          setNotice(t('categories.created', { name: c.name }));
        }}
      />
    </section>
  );
}
