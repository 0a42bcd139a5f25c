import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** A textarea for examples typed one per line, with its label and hint. */
export function ExamplesField({ label, value, onChange, invalid, testId }: { label: string; value: string; onChange: (v: string) => void; invalid: boolean; testId: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id} dir="auto" rows={4} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid}
        aria-describedby={`${id}-hint`} data-testid={testId}
      />
      <p id={`${id}-hint`} className="hint">
        {t('categories.examplesHint')}
      </p>
    </div>
  );
}
