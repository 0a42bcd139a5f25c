import { useI18n } from '../i18n/i18n-context';
import { factKindKey } from '../state/triage';

/** Key facts the customer gave (order numbers, tickets, emails, phones, amounts, dates) as chips. */
export function FactChips({ facts }: { facts: readonly { kind: string; value: string }[] }) {
  const { t } = useI18n();
  if (facts.length === 0) return <p className="muted">{t('triage.noFacts')}</p>;
  return (
    <ul className="facts-chips" data-testid="triage-facts">
      {facts.map((fact) => {
        const key = factKindKey(fact.kind);
        return (
          <li key={`${fact.kind}:${fact.value}`} className="fact-chip" data-testid="fact" data-kind={fact.kind} data-value={fact.value}>
            <span className="fact-chip__kind">{key ? t(key) : fact.kind}</span> <bdi dir="auto">{fact.value}</bdi>
          </li>
        );
      })}
    </ul>
  );
}
