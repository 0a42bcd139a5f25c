import type { Channel, ConversationStatus, IntentSource, Priority, Sentiment, UrgencyLevel } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { isProminentUrgency } from '../state/triage';

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--status badge--${status}`} data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function PriorityBadge({ priority, quietWhenNormal = false }: { priority: Priority; quietWhenNormal?: boolean }) {
  const { t } = useI18n();
  if (quietWhenNormal && (priority === 'normal' || priority === 'low')) return null;
  return (
    <span className={`badge badge--priority badge--${priority}`}>
      {t('conversation.priority')}: {t(`priority.${priority}`)}
    </span>
  );
}

export function ChannelLabel({ channel }: { channel: Channel }) {
  const { t } = useI18n();
  return <span className={`channel channel--${channel}`}>{t(`channel.${channel}`)}</span>;
}

/** How urgent, in words and colour (never colour alone); high and critical carry a mark and stand out. */
export function UrgencyBadge({ urgency, score }: { urgency: UrgencyLevel | null; score?: number | null }) {
  const { t } = useI18n();
  if (!urgency) return null;
  const prominent = isProminentUrgency(urgency);
  return (
    <span
      className={`badge badge--urgency badge--urgency-${urgency}${prominent ? ' badge--prominent' : ''}`}
      data-testid="urgency-badge" data-urgency={urgency}
      title={score === null || score === undefined ? undefined : t('triage.score', { score })}
    >
      {prominent && <span aria-hidden="true">{urgency === 'critical' ? '‼ ' : '! '}</span>}
      {t('triage.urgency')}: {t(`urgency.${urgency}`)}
    </span>
  );
}

export function SentimentBadge({ sentiment }: { sentiment: Sentiment | null }) {
  const { t } = useI18n();
  if (!sentiment) return null;
  return (
    <span className={`badge badge--sentiment badge--sentiment-${sentiment}`} data-testid="sentiment-badge" data-sentiment={sentiment}>
      {t('triage.sentiment')}: {t(`sentiment.${sentiment}`)}
    </span>
  );
}

/** Who set the intent: "agent" stands out, since the model never overwrites it. */
export function IntentSourceBadge({ source }: { source: IntentSource | null }) {
  const { t } = useI18n();
  if (!source) return null;
  return (
    <span className={`badge badge--source badge--source-${source}`} data-testid="intent-source" data-source={source}>
      {t(`triage.source.${source}`)}
    </span>
  );
}
