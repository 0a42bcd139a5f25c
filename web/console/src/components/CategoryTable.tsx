import type { IntentCategory } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { CategoryRow } from './CategoryRow';

/** Every intent category, archived ones included (they can be restored). */
export function CategoryTable({ categories, onChanged, onNotice }: { categories: readonly IntentCategory[]; onChanged: (c: IntentCategory) => void; onNotice: (text: string) => void }) {
  const { t } = useI18n();
  if (categories.length === 0) return <p className="muted">{t('categories.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="category-table">
        <thead>
          <tr>
            <th scope="col">{t('categories.name')}</th>
            <th scope="col">{t('categories.description')}</th>
            <th scope="col">{t('categories.team')}</th>
            <th scope="col">{t('categories.examples')}</th>
            <th scope="col">{t('categories.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('models.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <CategoryRow key={c.name} category={c} onChanged={onChanged} onNotice={onNotice} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
