import { useId, useState, type FormEvent } from 'react';
import type { Team } from '../api/types';
import { rulePriorities, weekdays } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { emptyCondition, opsForField, ruleFields, withKind, type ConditionRow, type RuleForm as RuleFormValue } from '../state/routing';
import { FormButtons } from './FormButtons';
import { TeamOptions } from './TeamOptions';

export interface RuleFormProps {
  initial: RuleFormValue;
  teams: readonly Team[];
  editing: boolean;
  busy: boolean;
  /** The server's problems (`conditions[1].value: …`) from the last save. */
  problems: readonly { path: string; message: string }[];
  error: string | null;
  onSubmit: (form: RuleFormValue) => void;
  onCancel: () => void;
}

/** Create or edit a routing rule: name, condition rows (field / op / value, or days and hours), actions, stop. */
export function RuleForm({ initial, teams, editing, busy, problems, error, onSubmit, onCancel }: RuleFormProps) {
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const [nameMissing, setNameMissing] = useState(false);
  const ids = { name: useId(), team: useId(), skills: useId(), priority: useId(), enabled: useId(), stop: useId(), problems: useId() };
  const setRow = (index: number, row: ConditionRow) => setForm((f) => ({ ...f, conditions: f.conditions.map((c, i) => (i === index ? row : c)) }));
  const problemAt = (prefix: string) => problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.name.trim()) {
      setNameMissing(true);
      return;
    }
    onSubmit(form);
  };

  return (
    <form className="rule-form" onSubmit={submit} noValidate data-testid="rule-form" aria-describedby={problems.length > 0 ? ids.problems : undefined}>
      <div className="field">
        <label htmlFor={ids.name}>{t('rules.name')}</label>
        <input
          id={ids.name} dir="auto" maxLength={100} value={form.name} aria-invalid={nameMissing || problemAt('name').length > 0}
          onChange={(e) => {
            setForm({ ...form, name: e.target.value });
            setNameMissing(false);
          }} data-testid="rule-name"
        />
        {nameMissing && (
          <p className="form-error" role="alert">
            {t('rules.nameRequired')}
          </p>
        )}
      </div>
      <fieldset className="plain-fieldset">
        <legend>{t('rules.conditions')}</legend>
        {form.conditions.length === 0 && <p className="muted">{t('rules.always')}</p>}
        <ol className="condition-list">
          {form.conditions.map((row, i) => (
            <li key={i}>
              <ConditionEditor
                row={row} index={i} invalid={problemAt(`conditions[${i}]`).length > 0} onChange={(next) => setRow(i, next)}
                onRemove={() => setForm((f) => ({ ...f, conditions: f.conditions.filter((_, j) => j !== i) }))}
              />
            </li>
          ))}
        </ol>
        <button type="button" className="button button--small" onClick={() => setForm((f) => ({ ...f, conditions: [...f.conditions, emptyCondition()] }))} data-testid="rule-add-condition">
          {t('rules.addCondition')}
        </button>
      </fieldset>
      <fieldset className="plain-fieldset">
        <legend>{t('rules.actions')}</legend>
        <div className="field">
          <label htmlFor={ids.team}>{t('rules.team')}</label>
          <select id={ids.team} value={form.team} onChange={(e) => setForm({ ...form, team: e.target.value })} data-testid="rule-team" aria-invalid={problemAt('actions.teamId').length > 0}>
            <option value="">{t('rules.team.keep')}</option>
            <option value="none">{t('rules.team.none')}</option>
            <TeamOptions teams={teams} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.skills}>{t('rules.skills')}</label>
          <input
            id={ids.skills} dir="auto" value={form.skills} onChange={(e) => setForm({ ...form, skills: e.target.value })} data-testid="rule-skills"
            aria-invalid={problemAt('actions.addSkills').length > 0}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>{t('rules.priority')}</label>
          <select id={ids.priority} value={form.priority} onChange={(e) => setForm({ ...form, priority: e.target.value as RuleFormValue['priority'] })} data-testid="rule-priority">
            <option value="">{t('rules.priority.keep')}</option>
            {rulePriorities.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <div className="check-field">
        <input id={ids.enabled} type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} data-testid="rule-enabled" />
        <label htmlFor={ids.enabled}>{t('rules.enabledField')}</label>
      </div>
      <div className="check-field">
        <input id={ids.stop} type="checkbox" checked={form.stop} onChange={(e) => setForm({ ...form, stop: e.target.checked })} data-testid="rule-stop" />
        <label htmlFor={ids.stop}>{t('rules.stop')}</label>
      </div>
      {problems.length > 0 && (
        <div className="form-error" role="alert" id={ids.problems} data-testid="rule-problems">
          <p>{t('rules.problems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i} dir="ltr">
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && problems.length === 0 && (
        <p className="form-error" role="alert" data-testid="rule-error">
          {error}
        </p>
      )}
      <FormButtons
        className="row-buttons" busy={busy} submitLabel={editing ? t('rules.save') : t('rules.create')} cancelLabel={t('rules.cancel')} onCancel={onCancel}
        submitTestId="rule-submit" cancelTestId="rule-cancel"
      />
    </form>
  );
}

function ConditionEditor({ row, index, invalid, onChange, onRemove }: { row: ConditionRow; index: number; invalid: boolean; onChange: (row: ConditionRow) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const base = useId();
  const n = index + 1;
  const isTime = row.kind === 'time';
  const list = row.op === 'in' || row.op === 'not_in';
  return (
    <fieldset className={`condition${invalid ? ' condition--invalid' : ''}`} data-testid="rule-condition" aria-invalid={invalid}>
      <legend>
        {t('rules.condition', { n })}
        {invalid && <span className="condition__flag"> ⚠</span>}
      </legend>
      <div className="condition__row">
        <div className="field">
          <label htmlFor={`${base}-field`}>{t('rules.field')}</label>
          <select id={`${base}-field`} value={row.kind} onChange={(e) => onChange(withKind(row, e.target.value as ConditionRow['kind']))} data-testid="condition-field">
            {ruleFields.map((f) => (
              <option key={f} value={f}>
                {t(`rules.field.${f}`)}
              </option>
            ))}
          </select>
        </div>
        {row.kind === 'contact' && (
          <div className="field">
            <label htmlFor={`${base}-attr`}>{t('rules.attribute')}</label>
            <input id={`${base}-attr`} dir="ltr" value={row.attribute} onChange={(e) => onChange({ ...row, attribute: e.target.value })} data-testid="condition-attribute" />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${base}-op`}>{t('rules.op')}</label>
          <select id={`${base}-op`} value={row.op} onChange={(e) => onChange({ ...row, op: e.target.value as ConditionRow['op'] })} data-testid="condition-op">
            {opsForField(row.kind).map((op) => (
              <option key={op} value={op}>
                {t(`rules.op.${op}`)}
              </option>
            ))}
          </select>
        </div>
        {!isTime && row.op === 'exists' && (
          <div className="field">
            <label htmlFor={`${base}-exists`}>{t('rules.value')}</label>
            <select id={`${base}-exists`} value={row.exists ? 'yes' : 'no'} onChange={(e) => onChange({ ...row, exists: e.target.value === 'yes' })} data-testid="condition-exists">
              <option value="yes">{t('rules.existsYes')}</option>
              <option value="no">{t('rules.existsNo')}</option>
            </select>
          </div>
        )}
        {!isTime && row.op !== 'exists' && (
          <div className="field condition__value">
            <label htmlFor={`${base}-value`}>{list ? t('rules.valueList') : t('rules.value')}</label>
            <input id={`${base}-value`} dir="auto" value={row.value} onChange={(e) => onChange({ ...row, value: e.target.value })} data-testid="condition-value" />
          </div>
        )}
        {isTime && (
          <>
            <div className="field">
              <label htmlFor={`${base}-from`}>{t('rules.from')}</label>
              <input id={`${base}-from`} className="clock-input" dir="ltr" placeholder="09:00" maxLength={5} value={row.from} onChange={(e) => onChange({ ...row, from: e.target.value.trim() })} data-testid="condition-from" />
            </div>
            <div className="field">
              <label htmlFor={`${base}-to`}>{t('rules.to')}</label>
              <input id={`${base}-to`} className="clock-input" dir="ltr" placeholder="17:00" maxLength={5} value={row.to} onChange={(e) => onChange({ ...row, to: e.target.value.trim() })} data-testid="condition-to" />
            </div>
          </>
        )}
        <button type="button" className="button button--small button--ghost condition__remove" aria-label={t('rules.removeCondition', { n })} onClick={onRemove}>
          {t('schedule.remove')}
        </button>
      </div>
      {isTime && (
        <fieldset className="day-checks">
          <legend>{t('rules.days')}</legend>
          {weekdays.map((d) => (
            <label key={d} className="chip-check">
              <input
                type="checkbox" checked={row.days.includes(d)} data-testid={`condition-day-${d}`}
                onChange={(e) => onChange({ ...row, days: e.target.checked ? [...row.days, d] : row.days.filter((x) => x !== d) })}
              />
              <span>{t(`weekday.${d}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
