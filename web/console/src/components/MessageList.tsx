import { useLayoutEffect, useRef } from 'react';
import type { EmailView } from '../api/types';
import type { Typing } from '../hooks/use-conversation';
import { useNow } from '../hooks/use-live-status';
import { useI18n } from '../i18n/i18n-context';
import type { Timeline } from '../state/messages';
import { MessageItem, PendingItem } from './MessageItem';

export interface MessageListProps {
  timeline: Timeline;
  loaded: boolean;
  contactName: string | null;
  typing: Typing | null;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  /** Email conversations: each message's mail, by message id. */
  emails?: ReadonlyMap<string, EmailView>;
  onRetryDelivery?: (deliveryId: string) => Promise<void>;
}

/** The conversation's timeline, oldest first; stays scrolled to the newest unless the agent scrolled up to read. */
export function MessageList({ timeline, loaded, contactName, typing, onRetry, onDiscard, emails, onRetryDelivery }: MessageListProps) {
  const { t } = useI18n();
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const count = timeline.messages.length + timeline.pending.length;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  }, [count, typing, emails]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
  };

  const typingText = typing
    ? typing.who.type === 'contact'
      ? typing.who.name
        ? t('typing.contact', { name: typing.who.name })
        : t('typing.customer')
      : t('typing.agent', { name: typing.who.name ?? t('message.agent') })
    : null;

  return (
    <div className="messages" ref={scroller} onScroll={onScroll} tabIndex={0} aria-labelledby="messages-title">
      <h2 id="messages-title" className="visually-hidden">
        {t('messages.label')}
      </h2>
      {!loaded && count === 0 && (
        <p className="centered-note" role="status">
          {t('messages.loading')}
        </p>
      )}
      {loaded && count === 0 && <p className="centered-note">{t('messages.empty')}</p>}
      <ol className="messages__list" role="log" aria-live="polite" aria-relevant="additions" data-testid="message-list">
        {timeline.messages.map((m) => (
          <MessageItem key={m.seq} message={m} contactName={contactName} now={now} email={emails?.get(m.id)} onRetryDelivery={onRetryDelivery} />
        ))}
        {timeline.pending.map((p) => (
          <PendingItem key={p.clientId} pending={p} onRetry={onRetry} onDiscard={onDiscard} />
        ))}
      </ol>
      <p className="typing" aria-live="polite" data-testid="typing-indicator">
        {typingText}
      </p>
    </div>
  );
}
