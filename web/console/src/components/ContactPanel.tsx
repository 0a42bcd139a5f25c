import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import type { Contact, Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useNow } from '../hooks/use-live-status';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { languageName } from '../i18n/language-name';
import { isPlainLeftClick } from '../routing/plain-click';
import { routeBase, routePath } from '../routing/use-route';
import { ChannelLabel, StatusBadge } from './Badges';

export interface ContactPanelProps {
  contactId: string;
  currentId: string;
  /** Changes when the open conversation changes, so the timeline is fetched again. */
  version: string;
  onOpen: (id: string) => void;
}

/**
 * The customer: who they are (identities) and every conversation they have had with us; `children`
 * (the triage panel) comes first.
 */
export function ContactPanel({ contactId, currentId, version, onOpen, children }: ContactPanelProps & { children?: ReactNode }) {
  const { t, dateTime, lang } = useI18n();
  const { api, rememberContact } = useConsole();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api.contact(contactId, abort.signal).then(
      (c) => {
        setContact(c);
        rememberContact(c, contactId);
      },
      (e: unknown) => !abort.signal.aborted && setError(describeError(t, e)),
    );
    return () => abort.abort();
  }, [api, contactId, rememberContact, t]);

  return (
    <aside className="contact" aria-labelledby="contact-title" data-testid="contact-panel" data-contact-id={contactId}>
      {children}
      <h2 id="contact-title">{t('contact.title')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!contact && !error && <p role="status">{t('contact.loading')}</p>}
      {contact && (
        <>
          <p className="contact__name" dir="auto" data-testid="contact-name">
            {contact.name ?? t('contact.unnamed')}
          </p>
          <dl className="contact__facts">
            {contact.language && (
              <div>
                <dt>{t('contact.language')}</dt>
                <dd>{languageName(contact.language, lang)}</dd>
              </div>
            )}
            <div>
              <dt>{t('contact.since')}</dt>
              <dd>{dateTime(contact.createdAt)}</dd>
            </div>
          </dl>
          <h3>{t('contact.identities')}</h3>
          {contact.identities.length === 0 ? (
            <p className="muted">{t('contact.noIdentities')}</p>
          ) : (
            <dl className="identities" data-testid="contact-identities">
              {contact.identities.map((identity) => (
                <div key={`${identity.kind}:${identity.value}`}>
                  <dt>{t(`contact.identity.${identity.kind}`)}</dt>
                  <dd>
                    <bdi dir="ltr">{identity.value}</bdi>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {contact.mergedFrom.length > 0 && <p className="muted">{t('contact.merged', { count: contact.mergedFrom.length })}</p>}
        </>
      )}
      <ContactTimeline contactId={contactId} currentId={currentId} version={version} onOpen={onOpen} />
    </aside>
  );
}

function ContactTimeline({ contactId, currentId, version, onOpen }: ContactPanelProps) {
  const { t, ago, dateTime } = useI18n();
  const { api } = useConsole();
  const now = useNow();
  const [items, setItems] = useState<Conversation[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api.contactConversations(contactId, null, abort.signal).then(
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
      },
      () => undefined,
    );
    return () => abort.abort();
  }, [api, contactId, version]);

  const more = () => {
    if (!nextCursor) return;
    api.contactConversations(contactId, nextCursor).then(
      (page) => {
        setItems((current) => [...current, ...page.items.filter((c) => !current.some((x) => x.id === c.id))]);
        setNextCursor(page.nextCursor);
      },
      () => undefined,
    );
  };

  const click = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (!isPlainLeftClick(event)) return;
    event.preventDefault();
    onOpen(id);
  };

  return (
    <section className="timeline" aria-labelledby="contact-timeline-title">
      <h3 id="contact-timeline-title">{t('contact.timeline')}</h3>
      <ol className="timeline__list" data-testid="contact-timeline">
        {items.map((c) => (
          <li key={c.id} className={c.id === currentId ? 'timeline__item timeline__item--current' : 'timeline__item'} data-conversation-id={c.id}>
            <a href={routePath({ conversationId: c.id }, routeBase)} onClick={(e) => click(e, c.id)} aria-current={c.id === currentId ? 'page' : undefined}>
              <span className="timeline__top">
                <span>#{c.number}</span>
                <StatusBadge status={c.status} />
                <ChannelLabel channel={c.channel} />
                {c.id === currentId && <span className="muted">({t('contact.current')})</span>}
              </span>
              {c.subject && (
                <span className="timeline__subject" dir="auto">
                  {c.subject}
                </span>
              )}
              <time dateTime={c.lastActivityAt} title={dateTime(c.lastActivityAt)} className="muted">
                {ago(c.lastActivityAt, now)}
              </time>
            </a>
          </li>
        ))}
      </ol>
      {nextCursor && (
        <button type="button" className="button button--small" onClick={more}>
          {t('inbox.loadMore')}
        </button>
      )}
    </section>
  );
}
