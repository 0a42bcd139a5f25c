import { useId, useState, type FormEvent } from 'react';
import type { RoutingRule, RoutingRuleTest } from '../api/types';
import { useConsole } from '../console-context';
import { useConditionText } from '../hooks/use-condition-text';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { hasKey } from '../i18n/translate';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Dry run: type a conversation number or id, see which rules match and what would change. */
export function RuleTestBox({ rules }: { rules: readonly RoutingRule[] }) {
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
