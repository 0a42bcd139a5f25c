import type { EmailView, Message } from '../api/types';
import { useConsole } from '../console-context';
import { useI18n } from '../i18n/i18n-context';
import { hasKey } from '../i18n/translate';
import { AttachmentList } from './AttachmentList';
import { EmailMessage } from './EmailMessage';
import type { PendingMessage } from '../state/messages';

export interface MessageItemProps {
  message: Message;
  contactName: string | null;
  now: number;
  /** The mail this message is, in an email conversation. */
  email?: EmailView | undefined;
  onRetryDelivery?: ((deliveryId: string) => Promise<void>) | undefined;
}

/** One committed line. Each kind looks different; an internal note is yellow and says so. */
export function MessageItem({ message, contactName, now, email, onRetryDelivery }: MessageItemProps) {
  const { t, ago, dateTime } = useI18n();
  const { agentName, me } = useConsole();
  const time = (
    <time className="msg__time" dateTime={message.createdAt} title={dateTime(message.createdAt)}>
      {ago(message.createdAt, now)}
    </time>
  );

  if (message.kind === 'system') {
    return (
      <li className="msg msg--system" data-testid="message" data-seq={message.seq} data-kind="system">
        <span className="visually-hidden">{t('message.system')}: </span>
        <span className="msg__body" dir="auto">
          {message.body}
        </span>{' '}
        · {time}
        <AttachmentList attachments={message.attachments} />
      </li>
    );
  }

  const kindLabel = t(`message.${message.kind}`);
  const author =
    message.kind === 'customer'
      ? (message.author.name ?? contactName)
      : message.author.id === me.id
        ? t('message.you')
        : (message.author.name ?? agentName(message.author.id));

  return (
    <li
      className={`msg msg--${message.kind}${email ? ' msg--email' : ''}`} data-testid="message" data-seq={message.seq} data-kind={message.kind}
      data-message-id={message.id}
    >
      <div className="msg__meta">
        <span className={`msg__label msg__label--${message.kind}`}>{kindLabel}</span>
        {email && <span className="msg__channel">{t('email.label')}</span>}
        {author && author !== kindLabel && (
          <span className="msg__author" dir="auto">
            {author}
          </span>
        )}
        {time}
      </div>
      {email ? (
        <EmailMessage email={email} body={message.body} now={now} onRetryDelivery={onRetryDelivery ?? (async () => undefined)} />
      ) : (
        <p className="msg__body" dir="auto">
          {message.body}
        </p>
      )}
      <AttachmentList attachments={email ? message.attachments.filter((a) => !email.inlineAttachmentIds.includes(a.id)) : message.attachments} />
    </li>
  );
}

/** A reply or note on its way: shown at once, marked pending until the POST returns. */
export function PendingItem({ pending, onRetry, onDiscard }: { pending: PendingMessage; onRetry: (clientId: string) => void; onDiscard: (clientId: string) => void }) {
  const { t } = useI18n();
  const failed = pending.state === 'failed';
  const errorKey = `error.${pending.error ?? ''}`;
  const errorText = hasKey(errorKey) ? t(errorKey) : (pending.error ?? '');
  return (
    <li
      className={`msg msg--${pending.kind === 'note' ? 'note' : 'agent'} msg--pending${failed ? ' msg--failed' : ''}`}
      data-testid="message-pending" data-kind={pending.kind} data-client-id={pending.clientId} data-state={pending.state} aria-busy={!failed}
    >
      <div className="msg__meta">
        <span className={`msg__label msg__label--${pending.kind}`}>{t(`message.${pending.kind}`)}</span>
        <span className="msg__author">{t('message.you')}</span>
        <span className="msg__state" role={failed ? 'alert' : undefined}>
          {failed ? t('message.failed', { error: errorText }) : t('message.sending')}
        </span>
      </div>
      <p className="msg__body" dir="auto">
        {pending.body}
      </p>
      <AttachmentList attachments={pending.attachments} />
      {failed && (
        <div className="msg__actions">
          <button type="button" className="button button--small" onClick={() => onRetry(pending.clientId)} data-testid="message-retry">
            {t('message.retry')}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => onDiscard(pending.clientId)}>
            {t('message.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
