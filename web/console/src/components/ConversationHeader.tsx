import type { Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useI18n } from '../i18n/i18n-context';
import { ChannelLabel, PriorityBadge, StatusBadge } from './Badges';
import { ConversationSla } from './ConversationSla';

export function ConversationHeader({ conversation, contactName }: { conversation: Conversation; contactName: string | null }) {
  const { t } = useI18n();
  const { agentName, teamName, me } = useConsole();
  const owner = conversation.ownerId
    ? conversation.ownerId === me.id
      ? t('actions.me', { name: me.name })
      : (agentName(conversation.ownerId) ?? t('agent.unknown'))
    : t('conversation.unassigned');
  const team = conversation.teamId ? (teamName(conversation.teamId) ?? t('team.unknown')) : t('conversation.noTeam');

  return (
    <header className="conversation__header">
      <h1 id="conversation-title">
        <bdi>{contactName ?? '…'}</bdi>
        <span className="conversation__number"> · {t('conversation.number', { number: conversation.number })}</span>
      </h1>
      {conversation.subject && (
        <p className="conversation__subject" dir="auto">
          {conversation.subject}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('conversation.status')}</dt>
          <dd>
            <StatusBadge status={conversation.status} />
          </dd>
        </div>
        <div>
          <dt>{t('conversation.channel')}</dt>
          <dd>
            <ChannelLabel channel={conversation.channel} />
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('conversation.priority')}</dt>
          <dd>
            <PriorityBadge priority={conversation.priority} />
          </dd>
        </div>
        <div>
          <dt>{t('conversation.owner')}</dt>
          <dd dir="auto" data-testid="conversation-owner" data-owner-id={conversation.ownerId ?? ''}>
            {owner}
          </dd>
        </div>
        <div>
          <dt>{t('conversation.team')}</dt>
          <dd dir="auto" data-testid="conversation-team" data-team-id={conversation.teamId ?? ''}>
            {team}
          </dd>
        </div>
        {conversation.tags.length > 0 && (
          <div>
            <dt className="visually-hidden">{t('conversation.tags')}</dt>
            <dd className="tags">
              {conversation.tags.map((tag) => (
                <span key={tag} className="tag" dir="auto">
                  #{tag}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      <ConversationSla conversation={conversation} />
    </header>
  );
}
