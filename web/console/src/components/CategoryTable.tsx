import type { IntentCategory } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { CategoryRow } from './CategoryRow';
import { DataTable, HiddenColumn } from './DataTable';

/** Every intent category, archived ones included (they can be restored). */
export function CategoryTable({ categories, onChanged, onNotice }: { categories: readonly IntentCategory[]; onChanged: (c: IntentCategory) => void; onNotice: (text: string) => void }) {
  const { t } = useI18n();
  if (categories.length === 0) return <p className="muted">{t('categories.empty')}</p>;
  return (
    <DataTable
      testId="category-table"
      columns={[
        t('categories.name'), t('categories.description'), t('categories.team'), t('categories.examples'), t('categories.state'),
        <HiddenColumn key="actions">{t('models.actions')}</HiddenColumn>,
      ]}
    >
      {categories.map((c) => (
        <CategoryRow key={c.name} category={c} onChanged={onChanged} onNotice={onNotice} />
      ))}
    </DataTable>
  );
}
