import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import type { RoutingCondition, RoutingRule, RoutingRuleTest, TimeWindow } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { hasKey } from '../i18n/translate';
import { routeBase, routePath } from '../routing/use-route';
import { emptyRuleForm, formToRule, moveId, problemsOf, ruleToForm, type RuleForm as RuleFormValue } from '../state/routing';
import { RuleForm } from './RuleForm';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The routing rules in the order they run: admins add, edit, reorder, enable and delete; everyone can read and test. */
export function RoutingRulesScreen({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const { api, me, teams } = useConsole();
  const canEdit = me.role === 'admin';
  const [rules, setRules] = useState<RoutingRule[] | null>(null);
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<{ message: string; problems: { path: string; message: string }[] } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<RoutingRule | null>(null);

  const load = useCallback(() => {
    api.routingRules().then(setRules, (failure: unknown) => setError(describeError(t, failure)));
  }, [api, t]);
  useEffect(load, [load]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const save = async (form: RuleFormValue) => {
    setBusy(true);
    setFormError(null);
    setNotice(null);
    try {
      const body = formToRule(form);
      const saved = editing && editing !== 'new' ? await api.updateRoutingRule(editing.id, body) : await api.createRoutingRule(body);
      setNotice(editing === 'new' ? t('rules.created', { name: saved.name }) : t('rules.saved', { name: saved.name }));
      setEditing(null);
      load();
    } catch (failure) {
      setFormError({ message: describeError(t, failure), problems: problemsOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  const move = (index: number, by: -1 | 1) => {
    if (!rules) return;
    const ids = moveId(rules.map((r) => r.id), index, by);
    if (ids) void run(async () => setRules(await api.reorderRoutingRules(ids)));
  };

  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onBack();
  };

  return (
    <main id="conversation-main" className="settings" aria-labelledby="rules-title" tabIndex={-1} data-testid="routing-rules">
      <div className="settings__head">
        <h1 id="rules-title">{t('rules.title')}</h1>
        <a href={routePath({ conversationId: null }, routeBase)} onClick={back} data-testid="rules-back">
          {t('settings.back')}
        </a>
      </div>
      <p className="hint">{t('rules.intro')}</p>
      {!canEdit && <p className="notice">{t('rules.readOnly')}</p>}
      <p className="notice-line" role="status" data-testid="rules-notice">
        {notice}
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid="rules-error">
          {error}
        </p>
      )}
      <section className="settings__section" aria-labelledby="rules-list-title">
        <div className="settings__section-head">
          <h2 id="rules-list-title">{t('rules.title')}</h2>
          {canEdit && editing === null && (
            <button
              type="button" className="button button--primary" data-testid="rule-new"
              onClick={() => {
                setFormError(null);
                setEditing('new');
              }}
            >
              {t('rules.new')}
            </button>
          )}
        </div>
        {editing === 'new' && (
          <section className="rule-editor" aria-label={t('rules.new')}>
            <h3>{t('rules.new')}</h3>
            <RuleForm
              initial={emptyRuleForm()} teams={teams} editing={false} busy={busy} problems={formError?.problems ?? []} error={formError?.message ?? null}
              onSubmit={(form) => void save(form)} onCancel={() => setEditing(null)}
            />
          </section>
        )}
        {rules === null ? (
          <p className="muted" role="status">
            {t('settings.loading')}
          </p>
        ) : rules.length === 0 ? (
          <p className="muted">{t('rules.empty')}</p>
        ) : (
          <ol className="rule-list" data-testid="rule-list">
            {rules.map((rule, index) => (
              <li key={rule.id} className={`rule-item${rule.enabled ? '' : ' rule-item--disabled'}`} data-testid="rule-row" data-rule-id={rule.id} data-name={rule.name} data-enabled={rule.enabled}>
                {editing !== null && editing !== 'new' && editing.id === rule.id ? (
                  <section className="rule-editor" aria-label={t('rules.editTitle', { name: rule.name })}>
                    <h3>{t('rules.editTitle', { name: rule.name })}</h3>
                    <RuleForm
                      initial={ruleToForm(rule)} teams={teams} editing busy={busy} problems={formError?.problems ?? []} error={formError?.message ?? null}
                      onSubmit={(form) => void save(form)} onCancel={() => setEditing(null)}
                    />
                  </section>
                ) : (
                  <RuleSummary
                    rule={rule} index={index} count={rules.length} canEdit={canEdit} busy={busy}
                    onToggle={(enabled) => {
                      // Shown at once; put back by the reload if the server refuses.
                      setRules((list) => list && list.map((r) => (r.id === rule.id ? { ...r, enabled } : r)));
                      void run(async () => {
                        try {
                          const saved = await api.updateRoutingRule(rule.id, { enabled });
                          setRules((list) => list && list.map((r) => (r.id === saved.id ? saved : r)));
                        } catch (failure) {
                          load();
                          throw failure;
                        }
                      });
                    }}
                    onMove={(by) => move(index, by)}
                    onEdit={() => {
                      setFormError(null);
                      setEditing(rule);
                    }}
                    onDelete={() => setConfirmDelete(rule)}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <RuleTestBox rules={rules ?? []} />
      {confirmDelete && (
        <ConfirmDelete
          rule={confirmDelete} busy={busy} onCancel={() => setConfirmDelete(null)}
          onConfirm={() => void run(async () => {
            await api.deleteRoutingRule(confirmDelete.id);
            setNotice(t('rules.deleted', { name: confirmDelete.name }));
            setConfirmDelete(null);
            load();
          })}
        />
      )}
    </main>
  );
}

function useConditionText() {
  const { t } = useI18n();
  const { teamName } = useConsole();
  const condition = (c: RoutingCondition): string => {
    const field = c.field.startsWith('contact.') ? c.field : hasKey(`rules.field.${c.field}`) ? t(`rules.field.${c.field}` as 'rules.field.channel') : c.field;
    const op = t(`rules.op.${c.op}`);
    if (c.op === 'between' || c.op === 'not_between') {
      const w = (c.value ?? { from: '', to: '' }) as TimeWindow;
      const days = w.days && w.days.length > 0 ? w.days.map((d) => t(`weekday.${d}`)).join(', ') : t('rules.summary.everyDay');
      // Isolated left to right, so “09:00–17:00” reads the same in Arabic.
      return `${field} ${op} \u2066${w.from}–${w.to}\u2069 (${days})`;
    }
    if (c.op === 'exists') return `${field}: ${c.value === false ? t('rules.existsNo') : t('rules.existsYes')}`;
    const value = Array.isArray(c.value) ? c.value.join(', ') : String(c.value ?? '');
    return `${field} ${op} ${value}`;
  };
  const actions = (rule: Pick<RoutingRule, 'actions' | 'stop'>): string[] => {
    const out: string[] = [];
    if (rule.actions.teamId !== undefined) out.push(rule.actions.teamId === null ? t('rules.summary.noTeam') : t('rules.summary.team', { team: teamName(rule.actions.teamId) ?? t('team.unknown') }));
    if (rule.actions.addSkills && rule.actions.addSkills.length > 0) out.push(t('rules.summary.skills', { skills: rule.actions.addSkills.join(', ') }));
    if (rule.actions.priority) out.push(t('rules.summary.priority', { priority: t(`priority.${rule.actions.priority}`) }));
    if (rule.stop) out.push(t('rules.summary.stop'));
    return out;
  };
  return { condition, actions };
}

interface SummaryProps {
  rule: RoutingRule;
  index: number;
  count: number;
  canEdit: boolean;
  busy: boolean;
  onToggle: (enabled: boolean) => void;
  onMove: (by: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
}

function RuleSummary({ rule, index, count, canEdit, busy, onToggle, onMove, onEdit, onDelete }: SummaryProps) {
  const { t } = useI18n();
  const text = useConditionText();
  const toggleId = useId();
  const actions = text.actions(rule);
  return (
    <div className="rule-summary">
      <div className="rule-summary__head">
        <span className="rule-summary__position" aria-hidden="true">
          {rule.position}.
        </span>
        <h3 className="rule-summary__name">
          <bdi dir="auto">{rule.name}</bdi>
        </h3>
        <span className={`badge ${rule.enabled ? 'badge--model-active' : 'badge--model-retired'}`} data-testid="rule-state">
          {rule.enabled ? t('rules.enabled') : t('rules.disabled')}
        </span>
      </div>
      <dl className="rule-summary__body">
        <dt>{t('rules.when')}</dt>
        <dd>
          {rule.conditions.length === 0 ? (
            t('rules.always')
          ) : (
            <ul>
              {rule.conditions.map((c, i) => (
                <li key={i}>
                  <bdi dir="auto">{text.condition(c)}</bdi>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('rules.then')}</dt>
        <dd>{actions.length === 0 ? t('rules.summary.nothing') : actions.join(' · ')}</dd>
      </dl>
      {canEdit && (
        <div className="row-buttons rule-summary__tools">
          <span className="check-field">
            <input id={toggleId} type="checkbox" checked={rule.enabled} disabled={busy} onChange={(e) => onToggle(e.target.checked)} data-testid="rule-toggle" />
            <label htmlFor={toggleId}>
              {t('rules.enabledField')}
              <span className="visually-hidden"> — {rule.name}</span>
            </label>
          </span>
          <button type="button" className="button button--small" disabled={busy || index === 0} onClick={() => onMove(-1)} aria-label={t('rules.moveUpLabel', { name: rule.name })} data-testid="rule-up">
            ↑ {t('rules.moveUp')}
          </button>
          <button type="button" className="button button--small" disabled={busy || index === count - 1} onClick={() => onMove(1)} aria-label={t('rules.moveDownLabel', { name: rule.name })} data-testid="rule-down">
            ↓ {t('rules.moveDown')}
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={onEdit} aria-label={t('rules.editLabel', { name: rule.name })} data-testid="rule-edit">
            {t('rules.edit')}
          </button>
          <button type="button" className="button button--small button--danger" disabled={busy} onClick={onDelete} aria-label={t('rules.deleteLabel', { name: rule.name })} data-testid="rule-delete">
            {t('rules.delete')}
          </button>
        </div>
      )}
    </div>
  );
}

function ConfirmDelete({ rule, busy, onCancel, onConfirm }: { rule: RoutingRule; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" role="alertdialog" aria-labelledby={titleId} onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }} data-testid="rule-delete-dialog">
      <p id={titleId}>{t('rules.confirmDelete', { name: rule.name })}</p>
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t('rules.cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm} data-testid="rule-delete-confirm">
          {t('rules.confirmDeleteYes')}
        </button>
      </div>
    </dialog>
  );
}

/** Dry run: type a conversation number or id, see which rules match and what would change. */
function RuleTestBox({ rules }: { rules: readonly RoutingRule[] }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const text = useConditionText();
  const [input, setInput] = useState('');
  const [result, setResult] = useState<{ number: number | null; test: RoutingRuleTest } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = input.trim().replace(/^#/, '');
    setError(null);
    setResult(null);
    const number = /^\d+$/.test(typed) ? Number(typed) : null;
    if (number === null && !uuid.test(typed)) {
      setError(t('rules.test.invalid'));
      return;
    }
    setBusy(true);
    try {
      let id = typed;
      let shownNumber = number;
      if (number !== null) {
        const found = await api.conversationByNumber(number);
        if (!found) {
          setError(t('rules.test.notFound', { number }));
          return;
        }
        id = found.id;
      } else {
        shownNumber = (await api.conversation(typed)).number;
      }
      setResult({ number: shownNumber, test: await api.testRoutingRules(id) });
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const test = result?.test;
  const matched = test ? test.outcome.matchedRuleIds.map((id) => rules.find((r) => r.id === id) ?? null) : [];
  const effects = test
    ? text.actions({ actions: { ...(test.effects.teamId !== undefined ? { teamId: test.effects.teamId } : {}), ...(test.effects.priority ? { priority: test.effects.priority } : {}), addSkills: test.outcome.skills }, stop: false })
    : [];

  return (
    <section className="settings__section" aria-labelledby="rules-test-title" data-testid="rule-test">
      <h2 id="rules-test-title">{t('rules.test')}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t('rules.test.input')}</label>
          <input id={inputId} dir="ltr" value={input} onChange={(e) => setInput(e.target.value)} aria-describedby={hintId} data-testid="rule-test-input" />
          <p id={hintId} className="hint">
            {t('rules.test.hint')}
          </p>
        </div>
        <div className="inline-form__buttons">
          <button type="submit" className="button" disabled={busy || !input.trim()} data-testid="rule-test-run">
            {t('rules.test.run')}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert" data-testid="rule-test-error">
          {error}
        </p>
      )}
      <div role="status" aria-live="polite">
        {test && (
          <div className="rule-test-result" data-testid="rule-test-result" data-matched={test.outcome.matchedRuleIds.join(',')}>
            <h3>{t('transfers.conversation', { number: result.number ?? '…' })}</h3>
            <dl className="rule-summary__body">
              <dt>{t('rules.test.seen')}</dt>
              <dd>
                {t('rules.field.channel')}: {test.subject.channel} · {t('rules.field.language')}: {test.subject.language ?? t('rules.test.none')} · {t('rules.field.intent')}:{' '}
                {test.subject.intent ?? t('rules.test.none')} · {t('rules.test.timeZone')}: {test.subject.timeZone}
                {Object.keys(test.subject.contact).length > 0 && (
                  <>
                    <br />
                    {t('rules.test.contact')}:{' '}
                    <bdi dir="auto">
                      {Object.entries(test.subject.contact)
                        .map(([k, v]) => `${k}=${String(v)}`)
                        .join(', ')}
                    </bdi>
                  </>
                )}
              </dd>
              <dt>{t('rules.test.matched')}</dt>
              <dd>
                {matched.length === 0 ? (
                  t('rules.test.noMatch')
                ) : (
                  <ol data-testid="rule-test-matched">
                    {matched.map((rule, i) => (
                      <li key={i}>{rule ? <bdi dir="auto">{rule.name}</bdi> : t('rules.test.deletedRule')}</li>
                    ))}
                  </ol>
                )}
              </dd>
              <dt>{t('rules.test.outcome')}</dt>
              <dd>
                {text
                  .actions({
                    actions: { ...(test.outcome.teamId !== undefined ? { teamId: test.outcome.teamId } : {}), ...(test.outcome.priority ? { priority: test.outcome.priority } : {}), addSkills: test.outcome.skills },
                    stop: false,
                  })
                  .join(' · ') || t('rules.summary.nothing')}
              </dd>
              <dt>{t('rules.test.effects')}</dt>
              <dd data-testid="rule-test-effects">{effects.length === 0 ? t('rules.test.noEffects') : effects.join(' · ')}</dd>
              {test.effects.kept.length > 0 && (
                <>
                  <dt>{t('rules.test.kept')}</dt>
                  <dd>
                    <ul>
                      {test.effects.kept.map((code) => (
                        <li key={code}>{hasKey(`kept.${code}`) ? t(`kept.${code}` as 'kept.closed') : code}</li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}
