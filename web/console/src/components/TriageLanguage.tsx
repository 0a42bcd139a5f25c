import type { ConversationTriage } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { languageName } from '../i18n/language-name';
import { dialectKey } from '../state/triage';

/** The language (and Arabic dialect) triage read in the customer's messages. */
export function TriageLanguage({ triage }: { triage: ConversationTriage }) {
  const { t, lang } = useI18n();
  if (!triage.language) return <p className="muted">{t('triage.notRead')}</p>;
  const dialect = triage.dialect ? dialectKey(triage.dialect) : null;
  return (
    <dl className="triage__facts">
      <div>
        <dt>{t('triage.language')}</dt>
        <dd data-testid="triage-language" data-language={triage.language}>
          {languageName(triage.language, lang)}
        </dd>
      </div>
      {triage.dialect && (
        <div>
          <dt>{t('triage.dialect')}</dt>
          <dd data-testid="triage-dialect" data-dialect={triage.dialect}>
            {dialect ? t(dialect) : <bdi>{triage.dialect}</bdi>}
          </dd>
        </div>
      )}
    </dl>
  );
}
