import { useId, useState } from 'react';
import type { EmailAddress, EmailDelivery, EmailView } from '../api/types';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { deliveryState } from '../state/email';
import { EmailFrame } from './EmailFrame';

export interface EmailMessageProps {
  email: EmailView;
  /** The message's body: the visible (folded) text of the mail. */
  body: string;
  now: number;
  onRetryDelivery: (deliveryId: string) => Promise<void>;
}

/**
 * A message that is an email: its headers, the mail itself (HTML in a sandboxed frame, else its
 * text) laid out in the mail's own direction, the folded quote, held-back remote images, and for
 * our replies whether they were sent.
 */
export function EmailMessage({ email, body, now, onRetryDelivery }: EmailMessageProps) {
  const { t } = useI18n();
  const [showQuoted, setShowQuoted] = useState(false);
  const [remoteImages, setRemoteImages] = useState(false);
  const quotedId = useId();
  const subject = email.subject || t('email.noSubject');
  const replyTo = email.replyTo && email.replyTo !== email.from?.address ? email.replyTo : null;

  return (
    <div className="email" data-testid="email" data-direction={email.direction} data-automatic={email.automatic} data-text-direction={email.textDirection}>
      {email.automatic && (
        <p className="email__automatic" data-testid="email-automatic">
          <span className="badge badge--automatic">{t('email.automaticBadge')}</span> {t('email.automatic')}
        </p>
      )}
      <dl className="email__headers">
        <div>
          <dt>{t('email.subject')}</dt>
          <dd>
            <bdi dir="auto" data-testid="email-subject">
              {subject}
            </bdi>
          </dd>
        </div>
        {email.from && <AddressRow label={t('email.from')} list={[email.from]} testId="email-from" />}
        {email.to.length > 0 && <AddressRow label={t('email.to')} list={email.to} testId="email-to" />}
        {email.cc.length > 0 && <AddressRow label={t('email.cc')} list={email.cc} testId="email-cc" />}
        {replyTo && <AddressRow label={t('email.replyTo')} list={[{ address: replyTo, name: '' }]} testId="email-reply-to" />}
      </dl>
      {email.html !== null ? (
        <>
          {email.blockedImages > 0 && (
            <p className="email__remote" data-testid="email-remote">
              {remoteImages ? (
                <span role="status">{t('email.remoteImagesShown')}</span>
              ) : (
                <>
                  <span className="hint">{t('email.remoteImagesHint')}</span>{' '}
                  <button type="button" className="button button--small" onClick={() => setRemoteImages(true)} data-testid="email-remote-images">
                    {t('email.remoteImages', { count: email.blockedImages })}
                  </button>
                </>
              )}
            </p>
          )}
          <div className="email__html" dir={email.textDirection}>
            <EmailFrame
              html={email.html} dir={email.textDirection} remoteImages={remoteImages} foldQuotes={email.htmlQuoteFoldable && !showQuoted}
              title={t('email.frameTitle', { subject })}
            />
          </div>
          {email.htmlQuoteFoldable && (
            <div className="email__quote">
              <button type="button" className="link-button" aria-expanded={showQuoted} onClick={() => setShowQuoted((v) => !v)} data-testid="email-quoted-toggle">
                {showQuoted ? t('email.hideQuoted') : t('email.showQuoted')}
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="msg__body email__text" dir={email.textDirection} data-testid="email-text">
          {body}
        </p>
      )}
      {/* Text mails fold the server's quoted part; HTML mails fold the blocks it marked, inside the frame. */}
      {email.html === null && email.quoted && (
        <div className="email__quote">
          <button
            type="button" className="link-button" aria-expanded={showQuoted} aria-controls={quotedId} onClick={() => setShowQuoted((v) => !v)}
            data-testid="email-quoted-toggle"
          >
            {showQuoted ? t('email.hideQuoted') : t('email.showQuoted')}
          </button>
          <pre id={quotedId} className="email__quoted" dir={email.textDirection} hidden={!showQuoted} data-testid="email-quoted">
            {email.quoted}
          </pre>
        </div>
      )}
      {email.delivery && <DeliveryStatus delivery={email.delivery} now={now} onRetry={onRetryDelivery} />}
    </div>
  );
}

function AddressRow({ label, list, testId }: { label: string; list: readonly EmailAddress[]; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {list.map((a, i) => (
          <span key={`${a.address}-${i}`} className="email__address">
            {i > 0 && ', '}
            {a.name && a.name !== a.address && (
              <>
                <bdi dir="auto">{a.name}</bdi>{' '}
              </>
            )}
            {/* An address reads left to right in either language. */}
            <bdi dir="ltr">{a.name && a.name !== a.address ? `<${a.address}>` : a.address}</bdi>
          </span>
        ))}
      </dd>
    </div>
  );
}

function DeliveryStatus({ delivery, now, onRetry }: { delivery: EmailDelivery; now: number; onRetry: (deliveryId: string) => Promise<void> }) {
  const { t, ago, dateTime } = useI18n();
  const [busy, setBusy] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  const state = deliveryState(delivery);
  const label =
    state.status === 'retrying'
      ? delivery.nextAttemptAt
        ? t('email.delivery.retryingAt', { time: ago(delivery.nextAttemptAt, now) })
        : t('email.delivery.retrying')
      : t(`email.delivery.${state.status}`);

  const retry = async () => {
    setBusy(true);
    setRetryError(null);
    try {
      await onRetry(delivery.id);
    } catch (e) {
      setRetryError(t('email.delivery.retryFailed', { message: describeError(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`email__delivery email__delivery--${state.status}`} data-testid="email-delivery" data-status={state.status} data-delivery-id={delivery.id}>
      <span className={`badge badge--delivery-${state.status}`} data-testid="email-delivery-status" title={delivery.sentAt ? dateTime(delivery.sentAt) : undefined}>
        {label}
      </span>
      {delivery.recipients.length > 0 && (
        <span className="email__recipients">
          {t('email.delivery.to')} <bdi dir="ltr">{delivery.recipients.join(', ')}</bdi>
        </span>
      )}
      {state.error && (
        <span className="email__delivery-error" data-testid="email-delivery-error">
          {t('email.delivery.error')} <bdi dir="auto">{state.error}</bdi>
        </span>
      )}
      {state.canRetry && (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void retry()} data-testid="email-delivery-retry">
          {busy ? t('email.delivery.resending') : t('email.delivery.retry')}
        </button>
      )}
      {retryError && (
        <p className="form-error" role="alert" data-testid="email-delivery-retry-error">
          {retryError}
        </p>
      )}
    </div>
  );
}
