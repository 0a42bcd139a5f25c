import type { Channel, ConversationStatus, Priority } from '../api/types';
import { useI18n } from '../i18n/i18n-context';

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
