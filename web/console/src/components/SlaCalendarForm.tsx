import { useMemo } from 'react';
import type { SlaCalendar } from '../api/sla-types';
import { useCheckedForm } from '../hooks/use-checked-form';
import { useSlaApi } from '../hooks/use-sla';
import { describeServerError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import {
  calendarFormToInput, calendarProblemField, calendarToForm, emptyCalendarForm, weekDays, windowsOfDay, type CalendarForm, type WindowField,
} from '../state/sla-calendar-form';
import { FormButtons } from './FormButtons';

/** The weekday's name in the UI language (0 = Sunday), from Intl so no dictionary entry is needed. */
export function useDayName(width: 'long' | 'short' = 'long'): (day: number) => string {
  const { lang } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(lang, { weekday: width, timeZone: 'UTC' });
    // 2026-01-04 was a Sunday.
    return (day: number) => format.format(new Date(Date.UTC(2026, 0, 4 + day)));
  }, [lang, width]);
}

const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

const knownZones = (): string[] => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
};

export interface SlaCalendarFormProps {
  calendar: SlaCalendar | null;
  onSaved: (calendar: SlaCalendar, created: boolean) => void;
  onCancel: () => void;
}

/** Add or edit a business calendar: time zone, hours per weekday, holidays, 24/7, default. */
export function SlaCalendarForm({ calendar, onSaved, onCancel }: SlaCalendarFormProps) {
  const { t } = useI18n();
  const sla = useSlaApi();
  const dayName = useDayName();
  const { form, set, problem, error, busy, id, fid, invalid, submit } = useCheckedForm({
    initial: (): CalendarForm => (calendar ? calendarToForm(calendar) : emptyCalendarForm(browserZone())),
    check: calendarFormToInput,
    save: (input) => (calendar ? sla.saveCalendar(calendar.id, input) : sla.createCalendar(input)),
    onSaved: (saved) => onSaved(saved, !calendar),
    serverField: calendarProblemField,
    failedText: (e) => t('slaCalendarForm.failed', { message: describeServerError(t, e) }),
  });
  const zones = useMemo(knownZones, []);
  const setWindow = (i: number, patch: Partial<WindowField>) => set('windows', form.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));

  return (
    <form className="settings-form sla-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="sla-calendar-form">
      <h3 id={`${id}-title`}>{calendar ? t('slaCalendarForm.editTitle', { name: calendar.name }) : t('slaCalendarForm.newTitle')}</h3>
      <div className="field">
        <label htmlFor={fid('name')}>{t('slaCalendarForm.name')}</label>
        <input id={fid('name')} dir="auto" value={form.name} onChange={(e) => set('name', e.target.value)} aria-invalid={invalid('name')} data-testid="sla-calendar-name" />
      </div>
      <div className="field">
        <label htmlFor={fid('timeZone')}>{t('slaCalendarForm.timeZone')}</label>
        <input
          id={fid('timeZone')} dir="ltr" list={`${id}-zones`} value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)}
          aria-invalid={invalid('timeZone')} aria-describedby={`${id}-zone-hint`} data-testid="sla-calendar-timezone"
        />
        <datalist id={`${id}-zones`}>{zones.map((z) => <option key={z} value={z} />)}</datalist>
        <p id={`${id}-zone-hint`} className="hint">{t('slaCalendarForm.timeZoneHint')}</p>
      </div>
      <label className="check-field">
        <input type="checkbox" checked={form.alwaysOpen} onChange={(e) => set('alwaysOpen', e.target.checked)} data-testid="sla-calendar-always-open" /> {t('slaCalendarForm.alwaysOpen')}
      </label>
      {!form.alwaysOpen && (
        <fieldset className="sla-form__group" id={fid('weekly')} tabIndex={-1} aria-invalid={invalid('weekly')} data-testid="sla-calendar-week">
          <legend>{t('slaCalendarForm.hours')}</legend>
          <p className="hint">{t('slaCalendarForm.hoursHint')}</p>
          {weekDays.map((day) => (
            <div key={day} className="sla-day" data-testid="sla-calendar-day" data-day={day}>
              <span className="sla-day__name">{dayName(day)}</span>
              <span className="sla-day__windows">
                {windowsOfDay(form, day).length === 0 && <span className="muted">{t('slaCalendarForm.closed')}</span>}
                {windowsOfDay(form, day).map(({ window, index }) => (
                  <span key={index} className="sla-day__window">
                    <input
                      id={fid(`windows.${index}`)} type="text" dir="ltr" inputMode="numeric" className="sla-day__time" value={window.start} placeholder="HH:MM" aria-invalid={invalid(`windows.${index}`)}
                      aria-label={t('slaCalendarForm.opens', { day: dayName(day) })} onChange={(e) => setWindow(index, { start: e.target.value })} data-testid="sla-window-start"
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      type="text" dir="ltr" inputMode="numeric" className="sla-day__time" value={window.end} placeholder="HH:MM" aria-invalid={invalid(`windows.${index}`)}
                      aria-label={t('slaCalendarForm.closes', { day: dayName(day) })} onChange={(e) => setWindow(index, { end: e.target.value })} data-testid="sla-window-end"
                    />
                    <button
                      type="button" className="button button--small" onClick={() => set('windows', form.windows.filter((_, j) => j !== index))}
                      aria-label={t('slaCalendarForm.removeHours', { day: dayName(day) })} data-testid="sla-window-remove"
                    >
                      ×
                    </button>
                  </span>
                ))}
                <button
                  type="button" className="button button--small" onClick={() => set('windows', [...form.windows, { day, start: '09:00', end: '17:00' }])}
                  aria-label={t('slaCalendarForm.addHoursLabel', { day: dayName(day) })} data-testid="sla-window-add"
                >
                  {t('slaCalendarForm.addHours')}
                </button>
              </span>
            </div>
          ))}
        </fieldset>
      )}
      <fieldset className="sla-form__group" data-testid="sla-calendar-holidays">
        <legend>{t('slaCalendarForm.holidays')}</legend>
        {form.holidays.map((h, i) => (
          <div key={i} className="sla-form__step" data-testid="sla-holiday">
            <input
              id={fid(`holidays.${i}`)} type="date" dir="ltr" value={h.date} aria-invalid={invalid(`holidays.${i}`)} aria-label={t('slaCalendarForm.holidayDate')}
              onChange={(e) => set('holidays', form.holidays.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)))} data-testid="sla-holiday-date"
            />
            <input
              dir="auto" value={h.name} aria-label={t('slaCalendarForm.holidayName')} placeholder={t('slaCalendarForm.holidayName')}
              onChange={(e) => set('holidays', form.holidays.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} data-testid="sla-holiday-name"
            />
            <button type="button" className="button button--small" onClick={() => set('holidays', form.holidays.filter((_, j) => j !== i))} data-testid="sla-holiday-remove">
              {t('slaForm.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="button button--small" onClick={() => set('holidays', [...form.holidays, { date: '', name: '' }])} data-testid="sla-holiday-add">
          {t('slaCalendarForm.addHoliday')}
        </button>
      </fieldset>
      {form.specialPeriods.length > 0 && <p className="hint">{t('slaCalendarForm.specialKept', { count: form.specialPeriods.length })}</p>}
      <label className="check-field">
        <input type="checkbox" checked={form.isDefault} onChange={(e) => set('isDefault', e.target.checked)} data-testid="sla-calendar-default" /> {t('slaCalendarForm.isDefault')}
      </label>
      {problem && <p className="form-error" role="alert" data-testid="sla-calendar-problem">{t(`slaCalendarForm.problem.${problem.code}`)}</p>}
      {error && <p className="form-error" role="alert" data-testid="sla-calendar-error">{error.message}</p>}
      <FormButtons
        className="inline-form__buttons" busy={busy} submitLabel={busy ? t('slaForm.saving') : t('slaForm.save')} cancelLabel={t('slaForm.cancel')} onCancel={onCancel}
        submitTestId="sla-calendar-save" cancelTestId="sla-calendar-cancel"
      />
    </form>
  );
}
