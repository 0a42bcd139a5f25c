import { clockKinds, escalationActions, type SlaCalendar, type SlaPolicy } from '../api/sla-types';
import { useCheckedForm } from '../hooks/use-checked-form';
import { useSlaApi } from '../hooks/use-sla';
import { describeServerError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import {
  emptyPolicyForm, policyChannels, policyFormToInput, policyPriorities, policyToForm, serverProblemField, targetFields,
  type PolicyForm, type StepField,
} from '../state/sla-policy-form';
import { FormButtons } from './FormButtons';

export interface SlaPolicyFormProps {
  /** null: a new policy (tried after the existing ones). */
  policy: SlaPolicy | null;
  calendars: readonly SlaCalendar[];
  onSaved: (policy: SlaPolicy, created: boolean) => void;
  onCancel: () => void;
}

const newStep = (): StepField => ({ kind: 'first_response', when: 'before', minutes: '5', action: 'notify_owner' });

/** Add or edit a policy: conditions, targets in minutes/hours, escalation steps, calendar, enabled. */
export function SlaPolicyForm({ policy, calendars, onSaved, onCancel }: SlaPolicyFormProps) {
  const { t } = useI18n();
  const sla = useSlaApi();
  const { form, set, problem, error, busy, id, fid, invalid, submit } = useCheckedForm({
    initial: (): PolicyForm => (policy ? policyToForm(policy) : emptyPolicyForm()),
    check: policyFormToInput,
    save: (input) => (policy ? sla.updatePolicy(policy.id, input) : sla.createPolicy(input)),
    onSaved: (saved) => onSaved(saved, !policy),
    serverField: (message) => serverProblemField(message),
    failedText: (e) => t('slaForm.failed', { message: describeServerError(t, e) }),
  });
  const setStep = (i: number, patch: Partial<StepField>) => set('steps', form.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const toggleIn = <T extends string>(list: readonly T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const listField = (key: 'intents' | 'languages' | 'tiers') => (
    <div className="field">
      <label htmlFor={fid(key)}>{t(`slaForm.${key}`)}</label>
      <input
        id={fid(key)} dir="auto" value={form[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={invalid(key)}
        aria-describedby={`${fid(key)}-hint`} data-testid={`sla-form-${key}`}
      />
      <p id={`${fid(key)}-hint`} className="hint">{t('slaForm.listHint')}</p>
    </div>
  );

  return (
    <form className="settings-form sla-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="sla-policy-form">
      <h3 id={`${id}-title`}>{policy ? t('slaForm.editTitle', { name: policy.name }) : t('slaForm.newTitle')}</h3>
      <div className="field">
        <label htmlFor={fid('name')}>{t('slaForm.name')}</label>
        <input id={fid('name')} dir="auto" value={form.name} onChange={(e) => set('name', e.target.value)} aria-invalid={invalid('name')} data-testid="sla-form-name" />
      </div>
      <fieldset className="sla-form__group">
        <legend>{t('slaForm.conditions')}</legend>
        <p className="hint">{t('slaForm.conditionsHint')}</p>
        <fieldset className="chip-row">
          <legend>{t('slaForm.channels')}</legend>
          {policyChannels.map((c) => (
            <label key={c} className="chip-check">
              <input type="checkbox" checked={form.channels.includes(c)} onChange={() => set('channels', toggleIn(form.channels, c))} data-testid={`sla-form-channel-${c}`} />
              <span>{t(`channel.${c}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="chip-row">
          <legend>{t('slaForm.priorities')}</legend>
          {policyPriorities.map((p) => (
            <label key={p} className="chip-check">
              <input type="checkbox" checked={form.priorities.includes(p)} onChange={() => set('priorities', toggleIn(form.priorities, p))} data-testid={`sla-form-priority-${p}`} />
              <span>{t(`priority.${p}`)}</span>
            </label>
          ))}
        </fieldset>
        {listField('intents')}
        {listField('languages')}
        {listField('tiers')}
      </fieldset>
      <fieldset className="sla-form__group">
        <legend>{t('slaForm.targets')}</legend>
        <p className="hint">{t('slaForm.targetsHint')}</p>
        {targetFields.map((field) => (
          <div key={field} className="sla-form__duration">
            <label htmlFor={fid(`targets.${field}`)}>{t(`slaForm.target.${field}`)}</label>
            <input
              id={fid(`targets.${field}`)} inputMode="decimal" dir="ltr" value={form.targets[field].amount} aria-invalid={invalid(`targets.${field}`)}
              onChange={(e) => set('targets', { ...form.targets, [field]: { ...form.targets[field], amount: e.target.value } })} data-testid={`sla-form-target-${field}`}
            />
            <select
              aria-label={t('slaForm.unit')} value={form.targets[field].unit} data-testid={`sla-form-unit-${field}`}
              onChange={(e) => set('targets', { ...form.targets, [field]: { ...form.targets[field], unit: e.target.value === 'hours' ? 'hours' : 'minutes' } })}
            >
              <option value="minutes">{t('slaForm.minutes')}</option>
              <option value="hours">{t('slaForm.hours')}</option>
            </select>
          </div>
        ))}
      </fieldset>
      <fieldset className="sla-form__group" data-testid="sla-form-steps">
        <legend>{t('slaForm.steps')}</legend>
        <p className="hint">{t('slaForm.stepsHint')}</p>
        {form.steps.map((step, i) => (
          <div key={i} className="sla-form__step" data-testid="sla-form-step">
            <select id={fid(`steps.${i}`)} aria-label={t('slaForm.stepKind')} value={step.kind} aria-invalid={invalid(`steps.${i}`)} onChange={(e) => setStep(i, { kind: e.target.value as StepField['kind'] })} data-testid="sla-step-kind">
              {clockKinds.map((k) => <option key={k} value={k}>{t(`sla.kind.${k}`)}</option>)}
            </select>
            {step.when !== 'at' && (
              <input
                aria-label={t('slaForm.stepMinutes')} inputMode="decimal" dir="ltr" className="sla-form__minutes" value={step.minutes}
                onChange={(e) => setStep(i, { minutes: e.target.value })} data-testid="sla-step-minutes"
              />
            )}
            <select aria-label={t('slaForm.stepWhen')} value={step.when} onChange={(e) => setStep(i, { when: e.target.value as StepField['when'] })} data-testid="sla-step-when">
              <option value="before">{t('slaForm.when.before')}</option>
              <option value="at">{t('slaForm.when.at')}</option>
              <option value="after">{t('slaForm.when.after')}</option>
            </select>
            <select aria-label={t('slaForm.stepAction')} value={step.action} onChange={(e) => setStep(i, { action: e.target.value as StepField['action'] })} data-testid="sla-step-action">
              {escalationActions.map((a) => <option key={a} value={a}>{t(`slaForm.action.${a}`)}</option>)}
            </select>
            <button type="button" className="button button--small" onClick={() => set('steps', form.steps.filter((_, j) => j !== i))} aria-label={t('slaForm.removeStepLabel', { n: i + 1 })} data-testid="sla-step-remove">
              {t('slaForm.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="button button--small" onClick={() => set('steps', [...form.steps, newStep()])} data-testid="sla-step-add">
          {t('slaForm.addStep')}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={fid('calendar')}>{t('slaForm.calendar')}</label>
        <select id={fid('calendar')} value={form.calendarId} onChange={(e) => set('calendarId', e.target.value)} data-testid="sla-form-calendar">
          <option value="">{t('slaForm.teamCalendar')}</option>
          {calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </div>
      <label className="check-field">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} data-testid="sla-form-enabled" /> {t('slaForm.enabled')}
      </label>
      {problem && <p className="form-error" role="alert" data-testid="sla-form-problem">{t(`slaForm.problem.${problem.code}`)}</p>}
      {error && <p className="form-error" role="alert" data-testid="sla-form-error">{error.message}</p>}
      <FormButtons
        className="inline-form__buttons" busy={busy} submitLabel={busy ? t('slaForm.saving') : t('slaForm.save')} cancelLabel={t('slaForm.cancel')} onCancel={onCancel}
        submitTestId="sla-form-save" cancelTestId="sla-form-cancel"
      />
    </form>
  );
}
