import type { MouseEvent } from 'react';
import type { SlaClock } from '../api/sla-types';
import type { Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useI18n } from '../i18n/i18n-context';
import { isPlainLeftClick } from '../routing/plain-click';
import { routeBase, routePath } from '../routing/use-route';
import { ChannelLabel, PriorityBadge, StatusBadge, UrgencyBadge } from './Badges';
import { SlaChip } from './SlaChip';

export interface InboxItemProps {
  conversation: Conversation;
  selected: boolean;
  now: number;
  onOpen: (id: string) => void;
  /** The soonest running SLA deadline, shown as a ticking chip. */
  deadline?: SlaClock | undefined;
}

export function InboxItem({ conversation, selected, now, onOpen, deadline }: InboxItemProps) {
  const { t, ago, dateTime } = useI18n();
  const { contact, agentName, teamName, me } = useConsole();
  const known = contact(conversation.contactId);
  // Names arrive a moment after the list (one request per contact); show an ellipsis meanwhile.
  const name = known ? (known.name ?? t('contact.unnamed')) : '…';
  const owner = conversation.ownerId === me.id ? t('message.you') : (agentName(conversation.ownerId) ?? (conversation.ownerId ? t('agent.unknown') : null));

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainLeftClick(event)) return;
    event.preventDefault();
    onOpen(conversation.id);
  };

  return (
    <li className={`inbox-item${selected ? ' inbox-item--selected' : ''}`} data-testid="inbox-item" data-conversation-id={conversation.id} data-status={conversation.status}>
      <a href={routePath({ conversationId: conversation.id }, routeBase)} onClick={onClick} aria-current={selected ? 'page' : undefined}>
        <span className="inbox-item__top">
          <span className="inbox-item__name">
            <bdi>{name}</bdi>
          </span>
          <time className="inbox-item__time" dateTime={conversation.lastActivityAt} title={dateTime(conversation.lastActivityAt)}>
            {ago(conversation.lastActivityAt, now)}
          </time>
        </span>
        <span className="inbox-item__subject">
          <span className="inbox-item__number">#{conversation.number}</span> <bdi>{conversation.subject ?? ''}</bdi>
        </span>
        {(conversation.urgency || conversation.intent) && (
          <span className="inbox-item__triage">
            <UrgencyBadge urgency={conversation.urgency} score={conversation.urgencyScore} />
            {conversation.intent && (
              <span className="inbox-item__intent" data-testid="inbox-intent" data-intent={conversation.intent}>
                <span className="visually-hidden">{t('triage.intent')}: </span>
                <bdi dir="auto">{conversation.intent}</bdi>
              </span>
            )}
          </span>
        )}
        <span className="inbox-item__meta">
          <StatusBadge status={conversation.status} />
          <PriorityBadge priority={conversation.priority} quietWhenNormal />
          <ChannelLabel channel={conversation.channel} />
          {deadline && <SlaChip clock={deadline} testId="inbox-sla" />}
          <bdi className="inbox-item__owner">{owner ?? t('conversation.unassigned')}</bdi>
          {conversation.teamId && (
            <bdi className="inbox-item__team">{teamName(conversation.teamId) ?? ''}</bdi>
          )}
        </span>
      </a>
    </li>
  );
}
