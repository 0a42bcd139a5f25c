import { useI18n } from '../i18n/i18n-context';
import { reasonLabel } from '../state/triage';

/** Why triage rates the urgency as it does: each stable reason code as a short phrase, strongest first. */
export function UrgencyReasons({ reasons }: { reasons: readonly string[] }) {
  const { t } = useI18n();
  if (reasons.length === 0) return <p className="muted">{t('triage.noReasons')}</p>;
  return (
    <ul className="reasons" data-testid="urgency-reasons" aria-label={t('triage.reasons')}>
      {reasons.map((code) => {
        const { key, vars } = reasonLabel(code);
        return (
          <li key={code} data-code={code}>
            {t(key, vars)}
          </li>
        );
      })}
    </ul>
  );
}
