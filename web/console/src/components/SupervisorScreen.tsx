import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoutingOverview } from '../api/types';
import { useConsole } from '../console-context';
import { useConversationLookup } from '../hooks/use-conversation-lookup';
import { useInterval, useLiveEvents, useNow } from '../hooks/use-live-status';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { formatDuration, tickingSeconds } from '../state/routing';
import { throttleDelay } from '../state/triage';
import { AgentScheduleDialog } from './AgentScheduleDialog';
import { AgentsTable } from './AgentsTable';
import { AssignReasonDialog, type PendingAssign } from './AssignReasonDialog';
import { BackLink } from './BackLink';
import { NoticeLines } from './NoticeLines';
import { QueueTable } from './QueueTable';
import { TeamRoutingDialog } from './TeamRoutingDialog';
import { WaitingTable } from './WaitingTable';

/** How often the overview refreshes, and the least gap between refreshes caused by live frames. */
export const overviewRefreshMs = 5_000;
const liveRefreshGapMs = 1_500;

/** Supervisors' live picture: queues, agents' load, waiting conversations and why, and direct assignment. */
export function SupervisorScreen({ onBack, onOpen }: { onBack: () => void; onOpen: (conversationId: string) => void }) {
  const { t } = useI18n();
  const { api, live, teams, agentName } = useConsole();
  const [overview, setOverview] = useState<RoutingOverview | null>(null);
  const [fetchedAt, setFetchedAt] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [askReason, setAskReason] = useState<PendingAssign | null>(null);
  const [schedule, setSchedule] = useState<{ id: string; name: string } | null>(null);
  const [teamEditor, setTeamEditor] = useState<string | null>(null);
  const now = useNow(1_000);
  const lastFetch = useRef<number | null>(null);
  const timer = useRef<number | null>(null);
  const lookup = useConversationLookup(api, overview?.waiting.map((w) => w.conversationId) ?? []);

  const refresh = useCallback(() => {
    lastFetch.current = performance.now();
    api.routingOverview().then(
      (next) => {
        setOverview(next);
        setFetchedAt(new Date().getTime());
        setLoadError(null);
      },
      (failure: unknown) => setLoadError(describeError(t, failure)),
    );
  }, [api, t]);

  useEffect(() => {
    refresh();
    return () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [refresh]);
  useInterval(refresh, overviewRefreshMs, true);
  useLiveEvents(live, (event) => {
    if (event.type !== 'conversation' && event.type !== 'resync') return;
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      refresh();
    }, throttleDelay(lastFetch.current, performance.now(), liveRefreshGapMs));
  });

  const numberOf = (id: string) => lookup.get(id)?.number ?? null;
  const nameOf = (id: string) => overview?.agents.find((a) => a.id === id)?.name ?? agentName(id) ?? t('agent.unknown');

  const assign = async (conversationId: string, agentId: string, reason?: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const current = await api.conversation(conversationId);
      if (current.ownerId && current.ownerId !== agentId && !reason) {
        setAskReason({ conversationId, number: current.number, agentId, ownerId: current.ownerId });
        return;
      }
      await api.assign(conversationId, reason ? { ownerId: agentId, reason } : { ownerId: agentId });
      setAskReason(null);
      setNotice(t('supervisor.assigned', { number: current.number, name: nameOf(agentId) }));
      refresh();
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const elapsed = (seconds: number) => formatDuration(t, tickingSeconds(seconds, fetchedAt, Math.max(now, fetchedAt)));

  return (
    <main id="conversation-main" className="settings supervisor" aria-labelledby="supervisor-title" tabIndex={-1} data-testid="supervisor">
      <div className="settings__head">
        <h1 id="supervisor-title">{t('supervisor.title')}</h1>
        <div className="row-buttons">
          <button type="button" className="button button--small" onClick={refresh} data-testid="supervisor-refresh">
            {t('supervisor.refresh')}
          </button>
          <BackLink onBack={onBack} testId="supervisor-back" />
        </div>
      </div>
      <p className="muted">{t('supervisor.autoRefresh')}</p>
      <NoticeLines notice={notice} error={error} noticeTestId="supervisor-notice" errorTestId="supervisor-error" />
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}
      {!overview ? (
        <p className="muted" role="status">
          {t('settings.loading')}
        </p>
      ) : (
        <>
          <section className="settings__section" aria-labelledby="supervisor-waiting">
            <h2 id="supervisor-waiting">{t('supervisor.waiting')}</h2>
            <p className="hint">{t('supervisor.waiting.hint')}</p>
            <WaitingTable
              waiting={overview.waiting} agents={overview.agents} busy={busy} numberOf={numberOf} nameOf={nameOf} elapsed={elapsed}
              onAssign={(conversationId, agentId) => void assign(conversationId, agentId)} onOpen={onOpen}
            />
          </section>
          <section className="settings__section" aria-labelledby="supervisor-agents">
            <h2 id="supervisor-agents">{t('supervisor.agents')}</h2>
            <AgentsTable agents={overview.agents} busy={busy} onDropConversation={(conversationId, agentId) => void assign(conversationId, agentId)} onSchedule={setSchedule} />
          </section>
          <section className="settings__section" aria-labelledby="supervisor-queues">
            <h2 id="supervisor-queues">{t('supervisor.queues')}</h2>
            <QueueTable queues={overview.queues} elapsed={elapsed} />
          </section>
          <section className="settings__section" aria-labelledby="supervisor-teams">
            <h2 id="supervisor-teams">{t('supervisor.teams')}</h2>
            <ul className="team-list">
              {teams.map((team) => (
                <li key={team.id} data-testid="team-routing-row" data-team-id={team.id}>
                  <bdi dir="auto">{team.name}</bdi>{' '}
                  <button
                    type="button" className="button button--small" aria-label={t('supervisor.teamRoutingLabel', { team: team.name })}
                    onClick={() => setTeamEditor(team.id)} data-testid="team-routing-open"
                  >
                    {t('supervisor.teamRouting')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      {askReason && (
        <AssignReasonDialog
          pending={askReason} ownerName={nameOf(askReason.ownerId)} targetName={nameOf(askReason.agentId)} busy={busy}
          onClose={() => setAskReason(null)} onSubmit={(reason) => void assign(askReason.conversationId, askReason.agentId, reason)}
        />
      )}
      {schedule && <AgentScheduleDialog agentId={schedule.id} agentName={schedule.name} onClose={() => setSchedule(null)} />}
      {teamEditor && <TeamRoutingDialog teamId={teamEditor} onClose={() => setTeamEditor(null)} />}
    </main>
  );
}
