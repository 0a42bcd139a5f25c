import type { Conversation } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { SentimentBadge, UrgencyBadge } from './Badges';
import { UrgencyReasons } from './UrgencyReasons';

/** The customer's mood and how urgent the conversation is, with the reasons. */
export function ReadingSummary({ conversation }: { conversation: Conversation }) {
  const { t } = useI18n();
  if (!conversation.urgency && !conversation.sentiment) return null;
  return (
    <div className="reading">
      <p className="reading__badges">
        <UrgencyBadge urgency={conversation.urgency} score={conversation.urgencyScore} />
        {conversation.urgencyScore !== null && <span className="muted"> {t('triage.score', { score: conversation.urgencyScore })}</span>}{' '}
        <SentimentBadge sentiment={conversation.sentiment} />
      </p>
      {conversation.urgency && (
        <>
          <h3 className="reading__why">{t('triage.reasons')}</h3>
          <UrgencyReasons reasons={conversation.urgencyReasons ?? []} />
        </>
      )}
    </div>
  );
}
