import { useId } from 'react';
import type { ShiftWindow } from '../api/types';
import { weekdays } from '../api/types';
import { useI18n } from '../i18n/i18n-context';

/** Weekly windows: a row per window with day, start and end (HH:MM), add and remove. */
export function WindowsEditor({ windows, onChange, rowLabel, addLabel, testId }: {
  windows: ShiftWindow[]; onChange: (next: ShiftWindow[]) => void; rowLabel: (n: number) => string; addLabel: string; testId: string;
}) {
  const { t } = useI18n();
  const base = useId();
  const set = (index: number, patch: Partial<ShiftWindow>) => onChange(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <div className="windows" data-testid={testId}>
      {windows.length === 0 && <p className="muted">{t('schedule.none')}</p>}
      {windows.map((w, i) => (
        <fieldset key={i} className="window-row" data-testid={`${testId}-row`}>
          <legend className="visually-hidden">{rowLabel(i + 1)}</legend>
          <label htmlFor={`${base}-d${i}`}>{t('schedule.day')}</label>
          <select id={`${base}-d${i}`} value={w.day} onChange={(e) => set(i, { day: Number(e.target.value) })} data-testid="window-day">
            {weekdays.map((d, n) => (
              <option key={d} value={n}>
                {t(`weekday.${d}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${base}-s${i}`}>{t('schedule.start')}</label>
          <input
            id={`${base}-s${i}`} className="clock-input" dir="ltr" inputMode="numeric" placeholder="09:00" maxLength={5} value={w.start}
            onChange={(e) => set(i, { start: e.target.value.trim() })} data-testid="window-start"
          />
          <label htmlFor={`${base}-e${i}`}>{t('schedule.end')}</label>
          <input
            id={`${base}-e${i}`} className="clock-input" dir="ltr" inputMode="numeric" placeholder="17:00" maxLength={5} value={w.end}
            onChange={(e) => set(i, { end: e.target.value.trim() })} data-testid="window-end"
          />
          <button type="button" className="button button--small button--ghost" aria-label={t('schedule.removeLabel', { n: i + 1 })} onClick={() => onChange(windows.filter((_, j) => j !== i))}>
            {t('schedule.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange([...windows, { day: 0, start: '09:00', end: '17:00' }])} data-testid={`${testId}-add`}>
        {addLabel}
      </button>
      <p className="hint">{t('schedule.overnight')}</p>
    </div>
  );
}

