import { useCallback, useEffect, useState } from 'react';
import type { RoutingRule } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { emptyRuleForm, formToRule, moveId, problemsOf, ruleToForm, type RuleForm as RuleFormValue } from '../state/routing';
import { BackLink } from './BackLink';
import { ConfirmDeleteRule } from './ConfirmDeleteRule';
import { NoticeLines } from './NoticeLines';
import { RuleForm } from './RuleForm';
import { RuleSummary } from './RuleSummary';
import { RuleTestBox } from './RuleTestBox';

interface FormError {
  message: string;
  problems: { path: string; message: string }[];
}

/** The routing rules in the order they run: admins add, edit, reorder, enable and delete; everyone can read and test. */
export function RoutingRulesScreen({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const { api, me } = useConsole();
  const canEdit = me.role === 'admin';
  const [rules, setRules] = useState<RoutingRule[] | null>(null);
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<FormError | null>(null);
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

  return (
    <main id="conversation-main" className="settings" aria-labelledby="rules-title" tabIndex={-1} data-testid="routing-rules">
      <div className="settings__head">
        <h1 id="rules-title">{t('rules.title')}</h1>
        <BackLink onBack={onBack} testId="rules-back" />
      </div>
      <p className="hint">{t('rules.intro')}</p>
      {!canEdit && <p className="notice">{t('rules.readOnly')}</p>}
      <NoticeLines notice={notice} error={error} noticeTestId="rules-notice" errorTestId="rules-error" />
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
          <RuleEditor
            title={t('rules.new')} initial={emptyRuleForm()} editing={false} busy={busy} formError={formError} onSubmit={(form) => void save(form)} onCancel={() => setEditing(null)}
          />
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
                  <RuleEditor
                    title={t('rules.editTitle', { name: rule.name })} initial={ruleToForm(rule)} editing busy={busy} formError={formError}
                    onSubmit={(form) => void save(form)} onCancel={() => setEditing(null)}
                  />
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
        <ConfirmDeleteRule
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

/** A rule's form under its heading (a new rule, or the rule being edited in place). */
function RuleEditor({ title, initial, editing, busy, formError, onSubmit, onCancel }: {
  title: string; initial: RuleFormValue; editing: boolean; busy: boolean; formError: FormError | null; onSubmit: (form: RuleFormValue) => void; onCancel: () => void;
}) {
  const { teams } = useConsole();
  return (
    <section className="rule-editor" aria-label={title}>
      <h3>{title}</h3>
      <RuleForm
        initial={initial} teams={teams} editing={editing} busy={busy} problems={formError?.problems ?? []} error={formError?.message ?? null}
        onSubmit={onSubmit} onCancel={onCancel}
      />
    </section>
  );
}
