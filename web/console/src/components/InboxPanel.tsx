import { useEffect, useId, useState, type RefObject } from 'react';
import type { SlaClock } from '../api/sla-types';
import type { Contact, Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useNow } from '../hooks/use-live-status';
import { useI18n } from '../i18n/i18n-context';
import type { InboxFilter } from '../state/filters';
import type { InboxState } from '../state/inbox';
import type { InboxSort } from '../state/sla-time';
import { InboxFilters } from './InboxFilters';
import { InboxItem } from './InboxItem';

export interface InboxPanelProps {
  state: InboxState;
  /** The loaded items that match the search box. */
  visible: readonly Conversation[];
  filter: InboxFilter;
  onFilter: (next: InboxFilter) => void;
  search: string;
  onSearch: (text: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onLoadMore: () => void;
  onRetry: () => void;
  /** Recent activity, or soonest SLA deadline first. */
  sort: InboxSort;
  onSort: (sort: InboxSort) => void;
  /** Each conversation's soonest running SLA deadline. */
  deadlines: ReadonlyMap<string, SlaClock>;
}

export function InboxPanel(props: InboxPanelProps) {
  const { state, visible, filter, onFilter, search, onSearch, searchRef, selectedId, onOpen, onLoadMore, onRetry, sort, onSort, deadlines } = props;
  const { t } = useI18n();
  const { requestContacts, contact } = useConsole();
  const now = useNow();
  const searchId = useId();
  const sortId = useId();

  // The list carries contact ids only; fetch the names of what is shown.
  useEffect(() => {
    requestContacts(state.items.map((c) => c.contactId));
  }, [state.items, requestContacts]);

  const narrowedTo = filter.contactId ? contact(filter.contactId) : undefined;

  return (
    <nav className="inbox" aria-labelledby="inbox-title">
      <div className="inbox__head">
        <h2 id="inbox-title">{t('inbox.title')}</h2>
        <InboxFilters filter={filter} onFilter={onFilter} />
        <div className="filters__row">
          <label htmlFor={sortId}>{t('inbox.sort')}</label>
          <select id={sortId} data-testid="inbox-sort" value={sort} onChange={(e) => onSort(e.target.value === 'time_left' ? 'time_left' : 'recent')}>
            <option value="recent">{t('inbox.sort.recent')}</option>
            <option value="time_left">{t('inbox.sort.time_left')}</option>
          </select>
        </div>
        <div className="search">
          <label htmlFor={searchId} className="visually-hidden">
            {t('inbox.search')}
          </label>
          <input
            id={searchId} ref={searchRef} type="search" dir="auto" data-testid="inbox-search" aria-keyshortcuts="/"
            placeholder={t('inbox.searchPlaceholder')} value={search} onChange={(e) => onSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                if (search) onSearch('');
                else e.currentTarget.blur();
              }
            }}
          />
        </div>
        <ContactMatches
          query={search}
          onPick={(picked) => {
            onSearch('');
            onFilter({ ...filter, contactId: picked.id });
          }}
        />
        {filter.contactId && (
          <p className="chip" data-testid="contact-filter">
            <span dir="auto">{t('inbox.contactFilter', { name: narrowedTo?.name ?? t('contact.unnamed') })}</span>
            <button type="button" className="chip__clear" onClick={() => onFilter({ ...filter, contactId: null })} aria-label={t('inbox.clearContact')}>
              ×
            </button>
          </p>
        )}
      </div>
      <div className="inbox__list-wrap">
        {state.status === 'loading' && state.items.length === 0 && (
          <p className="centered-note" role="status">
            {t('inbox.loading')}
          </p>
        )}
        {state.error && (
          <div className="form-error" role="alert">
            {t('inbox.error', { message: state.error })}{' '}
            <button type="button" className="button button--small" onClick={onRetry}>
              {t('inbox.retry')}
            </button>
          </div>
        )}
        <ul className="inbox__list" data-testid="inbox-list" aria-label={t('inbox.listLabel')} aria-busy={state.status === 'loading'}>
          {visible.map((c) => (
            <InboxItem key={c.id} conversation={c} selected={c.id === selectedId} now={now} onOpen={onOpen} deadline={deadlines.get(c.id)} />
          ))}
        </ul>
        {state.status === 'ready' && state.items.length === 0 && <p className="centered-note">{t('inbox.empty')}</p>}
        {state.items.length > 0 && visible.length === 0 && <p className="centered-note">{t('inbox.noMatch', { q: search })}</p>}
        {state.nextCursor && (
          <button type="button" className="button inbox__more" data-testid="inbox-load-more" onClick={onLoadMore}>
            {t('inbox.loadMore')}
          </button>
        )}
      </div>
    </nav>
  );
}

/** Customers whose name, email or phone match the search box (server search), to narrow the inbox to one of them. */
function ContactMatches({ query, onPick }: { query: string; onPick: (contact: Contact) => void }) {
  const { t } = useI18n();
  const { api, rememberContact } = useConsole();
  const [found, setFound] = useState<{ q: string; items: Contact[] }>({ q: '', items: [] });
  const q = query.trim();

  useEffect(() => {
    if (q.length < 2 || /^#?\d{1,6}$/.test(q)) return;
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      api.searchContacts(q, abort.signal).then(
        (page) => {
          page.items.forEach((c) => rememberContact(c));
          setFound({ q, items: page.items });
        },
        () => undefined,
      );
    }, 250);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [api, q, rememberContact]);

  if (found.q !== q || found.items.length === 0 || q.length < 2) return null;
  return (
    <div className="contact-matches" data-testid="contact-matches">
      <p className="contact-matches__title">{t('inbox.contactsFound', { q })}</p>
      <ul>
        {found.items.map((c) => (
          <li key={c.id}>
            <button type="button" className="link-button" dir="auto" onClick={() => onPick(c)}>
              {c.name ?? t('contact.unnamed')}
              {c.identities[0] && <span className="muted"> · <bdi>{c.identities[0].value}</bdi></span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
