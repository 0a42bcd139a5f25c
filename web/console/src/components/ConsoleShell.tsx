import { useEffect, useMemo, useRef, useState } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { Agent } from '../api/types';
import { ConsoleContext, type ConsoleServices } from '../console-context';
import { useContactCache } from '../hooks/use-contacts';
import { useDirectory } from '../hooks/use-directory';
import { useInbox } from '../hooks/use-inbox';
import { useLiveEvents, useLiveStatus } from '../hooks/use-live-status';
import { useShortcuts } from '../hooks/use-shortcuts';
import { useInboxSort, useSoonestDeadlines } from '../hooks/use-sla';
import { SlaApi } from '../api/sla-api';
import { useStoredFilter } from '../hooks/use-stored-filter';
import { usePendingTransfers } from '../hooks/use-transfers';
import { useI18n } from '../i18n/i18n-context';
import { agentSocketUrl, LiveHub } from '../live/live-hub';
import { useRoute } from '../routing/use-route';
import { neighbour } from '../state/inbox';
import { matchesSearch } from '../state/search';
import { sortByTimeLeft } from '../state/sla-time';
import type { ComposerHandle } from './Composer';
import { CallbacksScreen } from './CallbacksScreen';
import { EmailSettingsScreen } from './EmailSettingsScreen';
import { ConversationScreen, type ConversationHandle } from './ConversationScreen';
import { Header } from './Header';
import { IncomingTransfers } from './IncomingTransfers';
import { RoutingRulesScreen } from './RoutingRulesScreen';
import { SupervisorScreen } from './SupervisorScreen';
import { InboxPanel } from './InboxPanel';
import { ShortcutHelp } from './ShortcutHelp';
import { SlaSettingsScreen } from './SlaSettingsScreen';
import { TriageSettingsScreen } from './TriageSettingsScreen';

/** The signed-in console: header, inbox, the open conversation and its customer. */
export function ConsoleShell({ api, me, onLogout }: { api: SanadApi; me: Agent; onLogout: () => void }) {
  const { t } = useI18n();
  const [live] = useState(() => new LiveHub({ url: agentSocketUrl(window.location) }));
  const liveStatus = useLiveStatus(live);

  useEffect(() => {
    live.start();
    const online = () => live.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      live.stop();
    };
  }, [live]);

  const directory = useDirectory(api);
  const contacts = useContactCache(api);
  useLiveEvents(live, (event) => {
    if (event.type === 'resync') directory.reload();
  });

  const [filter, setFilter] = useStoredFilter();
  const inbox = useInbox(api, live, filter, me.id);
  const [route, navigate] = useRoute();
  const isManager = me.role === 'admin' || me.role === 'supervisor';
  const settingsOpen = isManager && route.screen === 'triage-settings';
  const supervisorOpen = isManager && route.screen === 'supervisor';
  const rulesOpen = route.screen === 'routing-rules';
  const callbacksOpen = route.screen === 'callbacks';
  const emailSettingsOpen = me.role === 'admin' && route.screen === 'email-settings';
  const slaOpen = isManager && route.screen === 'sla-settings';
  const transfers = usePendingTransfers(api, live);
  const [search, setSearch] = useState('');
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const composerRef = useRef<ComposerHandle>(null);
  const conversationRef = useRef<ConversationHandle>(null);
  const lastIndex = useRef<number | undefined>(undefined);

  // Deadlines are fetched again whenever the inbox changes (a reply may meet one), a second after any
  // live `sla.*` event, and every 15 s while the socket is not live.
  const [sla] = useState(() => new SlaApi(api.http));
  const [sort, setSort] = useInboxSort();
  const inboxVersion = useMemo(() => inbox.state.items.map((c) => `${c.id}:${c.lastSeq}:${c.status}`).join(','), [inbox.state.items]);
  const deadlines = useSoonestDeadlines(sla, live, inboxVersion);

  const visible = useMemo(() => {
    const matching = inbox.state.items.filter((c) => matchesSearch(c, contacts.contact(c.contactId)?.name ?? null, search));
    return sort === 'time_left' ? sortByTimeLeft(matching, deadlines) : matching;
  }, [inbox.state.items, contacts, search, sort, deadlines]);

  useEffect(() => {
    const index = visible.findIndex((c) => c.id === route.conversationId);
    if (index >= 0) lastIndex.current = index;
  }, [visible, route.conversationId]);

  const openConversation = (id: string) => {
    navigate({ conversationId: id });
    window.requestAnimationFrame(() => {
      document.querySelector(`[data-conversation-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
    });
  };

  useShortcuts((action) => {
    if (helpOpen) {
      if (action === 'closeHelp') setHelpOpen(false);
      return action === 'closeHelp' || action === 'help';
    }
    switch (action) {
      case 'focusReply':
        return composerRef.current?.focus('agent') ?? false;
      case 'noteMode':
        return composerRef.current?.focus('note') ?? false;
      case 'attach':
        return composerRef.current?.attach() ?? false;
      case 'toggleResolved':
        return conversationRef.current?.toggleResolved() ?? false;
      case 'next':
      case 'previous': {
        const target = neighbour(visible, route.conversationId, action === 'next' ? 1 : -1, lastIndex.current);
        if (!target) return false;
        openConversation(target.id);
        return true;
      }
      case 'focusSearch':
        searchRef.current?.focus();
        searchRef.current?.select();
        return true;
      case 'help':
        setHelpOpen(true);
        return true;
      case 'closeHelp':
        return false;
    }
  });

  const services = useMemo<ConsoleServices>(
    () => ({
      api, live, me, agents: directory.agents, teams: directory.teams, agentName: directory.agentName, teamName: directory.teamName,
      contact: contacts.contact, requestContacts: contacts.requestContacts, rememberContact: contacts.rememberContact, transfers,
    }),
    [api, live, me, directory, contacts, transfers],
  );

  return (
    <ConsoleContext.Provider value={services}>
      <div className="console">
        <a className="skip-link" href="#conversation-main">
          {t('app.skipToConversation')}
        </a>
        <Header
          me={me} liveStatus={liveStatus} onLogout={onLogout} onHelp={() => setHelpOpen(true)} settingsOpen={settingsOpen}
          onTriageSettings={isManager ? () => navigate({ conversationId: null, screen: 'triage-settings' }) : undefined}
          supervisorOpen={supervisorOpen} onSupervisor={isManager ? () => navigate({ conversationId: null, screen: 'supervisor' }) : undefined}
          rulesOpen={rulesOpen} onRoutingRules={() => navigate({ conversationId: null, screen: 'routing-rules' })}
          callbacksOpen={callbacksOpen} onCallbacks={() => navigate({ conversationId: null, screen: 'callbacks' })}
          emailSettingsOpen={emailSettingsOpen}
          onEmailSettings={me.role === 'admin' ? () => navigate({ conversationId: null, screen: 'email-settings' }) : undefined}
          slaSettingsOpen={slaOpen} onSlaSettings={isManager ? () => navigate({ conversationId: null, screen: 'sla-settings' }) : undefined}
          transfers={<IncomingTransfers onOpen={openConversation} />}
        />
        {settingsOpen ? (
          <div className="console__body console__body--settings">
            <TriageSettingsScreen onBack={() => navigate({ conversationId: null })} />
          </div>
        ) : supervisorOpen ? (
          <div className="console__body console__body--settings">
            <SupervisorScreen onBack={() => navigate({ conversationId: null })} onOpen={openConversation} />
          </div>
        ) : callbacksOpen ? (
          <div className="console__body console__body--settings">
            <CallbacksScreen onBack={() => navigate({ conversationId: null })} onOpen={openConversation} />
          </div>
        ) : emailSettingsOpen ? (
          <div className="console__body console__body--settings">
            <EmailSettingsScreen onBack={() => navigate({ conversationId: null })} />
          </div>
        ) : slaOpen ? (
          <div className="console__body console__body--settings">
            <SlaSettingsScreen onBack={() => navigate({ conversationId: null })} />
          </div>
        ) : rulesOpen ? (
          <div className="console__body console__body--settings">
            <RoutingRulesScreen onBack={() => navigate({ conversationId: null })} />
          </div>
        ) : (
          <div className="console__body">
            <InboxPanel
              state={inbox.state} visible={visible} filter={filter} onFilter={setFilter} search={search} onSearch={setSearch}
              searchRef={searchRef} selectedId={route.conversationId} onOpen={openConversation} onLoadMore={inbox.loadMore} onRetry={inbox.refresh}
              sort={sort} onSort={setSort} deadlines={deadlines}
            />
            {route.conversationId ? (
              <ConversationScreen
                key={route.conversationId} ref={conversationRef} composerRef={composerRef} id={route.conversationId}
                onConversation={inbox.applyChange} onActivity={inbox.applyActivity} onOpen={openConversation}
              />
            ) : (
              <main id="conversation-main" className="conversation conversation--empty" tabIndex={-1}>
                <p className="centered-note">{t('conversation.none')}</p>
              </main>
            )}
          </div>
        )}
        {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      </div>
    </ConsoleContext.Provider>
  );
}
