import { useCallback, useEffect, useId, useRef, useState, type DragEvent, type FormEvent, type MouseEvent } from 'react';
import type { RoutingAgentLoad, RoutingOverview, WaitingConversation } from '../api/types';
import { useConsole } from '../console-context';
import { useConversationLookup } from '../hooks/use-conversation-lookup';
import { useInterval, useLiveEvents, useNow } from '../hooks/use-live-status';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/dictionary';
import { hasKey } from '../i18n/translate';
import { routeBase, routePath } from '../routing/use-route';
import { agentChannels, formatDuration, occupancyPercent, tickingSeconds, waitReasonLabel } from '../state/routing';
import { throttleDelay } from '../state/triage';
import { AgentScheduleDialog, TeamRoutingDialog } from './RoutingEditors';

/** How often the overview refreshes, and the least gap between refreshes caused by live frames. */
export const overviewRefreshMs = 5_000;
const liveRefreshGapMs = 1_500;
const dragType = 'application/x-sanad-conversation';

interface PendingAssign {
  conversationId: string;
  number: number | null;
  agentId: string;
  ownerId: string;
}

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

  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onBack();
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
          <a href={routePath({ conversationId: null }, routeBase)} onClick={back} data-testid="supervisor-back">
            {t('settings.back')}
          </a>
        </div>
      </div>
      <p className="muted">{t('supervisor.autoRefresh')}</p>
      <p className="notice-line" role="status" data-testid="supervisor-notice">
        {notice}
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid="supervisor-error">
          {error}
        </p>
      )}
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
            {overview.queues.length === 0 ? (
              <p className="muted">{t('supervisor.queues.empty')}</p>
            ) : (
              <div className="table-scroll">
                <table className="table" data-testid="queue-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('supervisor.queue.team')}</th>
                      <th scope="col">{t('supervisor.queue.channel')}</th>
                      <th scope="col">{t('supervisor.queue.waiting')}</th>
                      <th scope="col">{t('supervisor.queue.oldest')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.queues.map((q) => (
                      <tr key={`${q.teamId ?? ''}|${q.channel}`} data-testid="queue-row" data-team-id={q.teamId ?? ''} data-channel={q.channel}>
                        <th scope="row">
                          <bdi dir="auto">{q.teamId ? (teams.find((x) => x.id === q.teamId)?.name ?? t('team.unknown')) : t('supervisor.queue.noTeam')}</bdi>
                        </th>
                        <td>{channelName(t, q.channel)}</td>
                        <td data-testid="queue-waiting">{q.waiting}</td>
                        <td>
                          <span className="ticking">{elapsed(q.oldestWaitSeconds)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
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
        <ReasonDialog
          pending={askReason} ownerName={nameOf(askReason.ownerId)} targetName={nameOf(askReason.agentId)} busy={busy}
          onClose={() => setAskReason(null)} onSubmit={(reason) => void assign(askReason.conversationId, askReason.agentId, reason)}
        />
      )}
      {schedule && <AgentScheduleDialog agentId={schedule.id} agentName={schedule.name} onClose={() => setSchedule(null)} />}
      {teamEditor && <TeamRoutingDialog teamId={teamEditor} onClose={() => setTeamEditor(null)} />}
    </main>
  );
}

function channelName(t: (key: MessageKey) => string, channel: string): string {
  const key = `channel.${channel}`;
  return hasKey(key) ? t(key) : channel;
}

function statusName(t: (key: MessageKey) => string, status: string): string {
  const key = `agentStatus.${status}`;
  return hasKey(key) ? t(key) : status;
}

interface WaitingTableProps {
  waiting: readonly WaitingConversation[];
  agents: readonly RoutingAgentLoad[];
  busy: boolean;
  numberOf: (id: string) => number | null;
  nameOf: (id: string) => string;
  elapsed: (seconds: number) => string;
  onAssign: (conversationId: string, agentId: string) => void;
  onOpen: (conversationId: string) => void;
}

function WaitingTable({ waiting, agents, busy, numberOf, nameOf, elapsed, onAssign, onOpen }: WaitingTableProps) {
  const { t } = useI18n();
  if (waiting.length === 0) return <p className="muted">{t('supervisor.waiting.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="waiting-table">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.waiting.conversation')}</th>
            <th scope="col">{t('supervisor.waiting.waited')}</th>
            <th scope="col">{t('supervisor.waiting.reason')}</th>
            <th scope="col">{t('supervisor.waiting.assign')}</th>
          </tr>
        </thead>
        <tbody>
          {waiting.map((w) => (
            <WaitingRow
              key={w.conversationId} item={w} number={numberOf(w.conversationId)} agents={agents} busy={busy} nameOf={nameOf} elapsed={elapsed}
              onAssign={onAssign} onOpen={onOpen}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WaitingRow({ item, number, agents, busy, nameOf, elapsed, onAssign, onOpen }: Omit<WaitingTableProps, 'waiting' | 'numberOf'> & { item: WaitingConversation; number: number | null }) {
  const { t } = useI18n();
  const [target, setTarget] = useState('');
  const selectId = useId();
  const shown = number === null ? '…' : number;
  const onDragStart = (event: DragEvent<HTMLTableRowElement>) => {
    event.dataTransfer.setData(dragType, item.conversationId);
    event.dataTransfer.setData('text/plain', item.conversationId);
    event.dataTransfer.effectAllowed = 'move';
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target) onAssign(item.conversationId, target);
  };
  return (
    <tr
      draggable onDragStart={onDragStart} className="waiting-row" data-testid="waiting-row" data-conversation-id={item.conversationId}
      data-reason={item.reason ?? ''} aria-label={t('supervisor.waiting.dragLabel', { number: shown })}
    >
      <th scope="row">
        <span className="drag-handle" aria-hidden="true">
          ⠿
        </span>{' '}
        <button type="button" className="link-button" onClick={() => onOpen(item.conversationId)} data-testid="waiting-open">
          {t('supervisor.number', { number: shown })}
        </button>
      </th>
      <td>
        <span className="ticking" data-testid="waiting-waited">
          {elapsed(item.waitedSeconds)}
        </span>
      </td>
      <td data-testid="waiting-reason">
        {waitReasonLabel(t, item.reason)}
        {item.wouldGoTo && (
          <>
            <br />
            <span className="muted">{t('supervisor.waiting.wouldGoTo', { name: nameOf(item.wouldGoTo) })}</span>
          </>
        )}
      </td>
      <td>
        <form className="assign-inline" onSubmit={submit}>
          <label htmlFor={selectId} className="visually-hidden">
            {t('supervisor.waiting.assignLabel', { number: shown })}
          </label>
          <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)} data-testid="waiting-assign-select">
            <option value="">{t('supervisor.waiting.assign')}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({statusName(t, a.status)}, {occupancyPercent(a.occupancy)}%)
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small" disabled={busy || !target} data-testid="waiting-assign-submit">
            {t('actions.assign')}
          </button>
        </form>
      </td>
    </tr>
  );
}

interface AgentsTableProps {
  agents: readonly RoutingAgentLoad[];
  busy: boolean;
  onDropConversation: (conversationId: string, agentId: string) => void;
  onSchedule: (agent: { id: string; name: string }) => void;
}

function AgentsTable({ agents, busy, onDropConversation, onSchedule }: AgentsTableProps) {
  const { t } = useI18n();
  const [over, setOver] = useState<string | null>(null);
  if (agents.length === 0) return <p className="muted">{t('supervisor.agents.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="agent-table">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.agent.name')}</th>
            <th scope="col">{t('supervisor.agent.status')}</th>
            <th scope="col">{t('supervisor.agent.load')}</th>
            <th scope="col">{t('supervisor.agent.occupancy')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('rules.actionsCol')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => {
            const channels = agentChannels(a.load, a.capacity);
            const percent = occupancyPercent(a.occupancy);
            return (
              <tr
                key={a.id} data-testid="agent-row" data-agent-id={a.id} data-status={a.status}
                className={`drop-target${over === a.id ? ' drop-target--over' : ''}`} title={t('supervisor.dropHere', { name: a.name })}
                onDragOver={(event) => {
                  if (busy || !event.dataTransfer.types.includes(dragType)) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                  setOver(a.id);
                }}
                onDragLeave={() => setOver((v) => (v === a.id ? null : v))}
                onDrop={(event) => {
                  event.preventDefault();
                  setOver(null);
                  const id = event.dataTransfer.getData(dragType);
                  if (id) onDropConversation(id, a.id);
                }}
              >
                <th scope="row">
                  <bdi dir="auto">{a.name}</bdi>
                  {over === a.id && <span className="drop-hint"> — {t('supervisor.dropHere', { name: a.name })}</span>}
                </th>
                <td>
                  <span className={`badge badge--agent-${a.status}`} data-testid="agent-status">
                    {statusName(t, a.status)}
                  </span>
                </td>
                <td>
                  {channels.length === 0 ? (
                    <span className="muted">{t('supervisor.agent.noCapacity')}</span>
                  ) : (
                    <ul className="load-list">
                      {channels.map((c) => (
                        <li key={c}>
                          {t('supervisor.agent.loadLine', { channel: channelName(t, c), load: a.load[c] ?? 0, capacity: a.capacity[c] ?? 0 })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <div className="occupancy">
                    <meter className="occupancy__bar" min={0} max={100} low={70} high={90} optimum={50} value={percent} aria-hidden="true" />
                    <span data-testid="agent-occupancy">
                      {t('supervisor.agent.occupancyValue', { percent })}
                      {percent >= 100 && ` · ${t('supervisor.agent.full')}`}
                    </span>
                  </div>
                </td>
                <td>
                  <button
                    type="button" className="button button--small" aria-label={t('supervisor.scheduleLabel', { name: a.name })}
                    onClick={() => onSchedule({ id: a.id, name: a.name })} data-testid="agent-schedule-open"
                  >
                    {t('supervisor.schedule')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ReasonDialog({ pending, ownerName, targetName, busy, onClose, onSubmit }: {
  pending: PendingAssign; ownerName: string; targetName: string; busy: boolean; onClose: () => void; onSubmit: (reason: string) => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const ids = { title: useId(), reason: useId() };
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={ids.title} onCancel={(event) => {
        event.preventDefault();
        onClose();
      }} data-testid="assign-reason-dialog">
      <form
        noValidate onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            return;
          }
          onSubmit(reason.trim());
        }}
      >
        <h2 id={ids.title}>{t('supervisor.reasonTitle', { number: pending.number ?? '…' })}</h2>
        <p>{t('supervisor.reasonPrompt', { name: ownerName, target: targetName })}</p>
        <div className="field">
          <label htmlFor={ids.reason}>{t('assign.reason')}</label>
          <textarea
            id={ids.reason} dir="auto" rows={3} maxLength={500} required value={reason} aria-invalid={missing}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }} data-testid="assign-reason-input"
          />
        </div>
        {missing && (
          <p className="form-error" role="alert">
            {t('transfer.reasonRequired')}
          </p>
        )}
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('transfer.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="assign-reason-submit">
            {t('actions.assign')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
