import { useState } from 'react';
import type { RoutingAgentLoad } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { channelName, statusName } from '../i18n/routing-names';
import { agentChannels, occupancyPercent } from '../state/routing';
import { DataTable, HiddenColumn } from './DataTable';
import { conversationDragType } from './WaitingTable';

interface AgentsTableProps {
  agents: readonly RoutingAgentLoad[];
  busy: boolean;
  onDropConversation: (conversationId: string, agentId: string) => void;
  onSchedule: (agent: { id: string; name: string }) => void;
}

/** Agents with status, load per channel and occupancy; each row takes a waiting conversation dropped on it. */
export function AgentsTable({ agents, busy, onDropConversation, onSchedule }: AgentsTableProps) {
  const { t } = useI18n();
  const [over, setOver] = useState<string | null>(null);
  if (agents.length === 0) return <p className="muted">{t('supervisor.agents.empty')}</p>;
  return (
    <DataTable
      testId="agent-table"
      columns={[
        t('supervisor.agent.name'), t('supervisor.agent.status'), t('supervisor.agent.load'), t('supervisor.agent.occupancy'),
        <HiddenColumn key="actions">{t('rules.actionsCol')}</HiddenColumn>,
      ]}
    >
      {agents.map((a) => {
        const channels = agentChannels(a.load, a.capacity);
        const percent = occupancyPercent(a.occupancy);
        return (
          <tr
            key={a.id} data-testid="agent-row" data-agent-id={a.id} data-status={a.status}
            className={`drop-target${over === a.id ? ' drop-target--over' : ''}`} title={t('supervisor.dropHere', { name: a.name })}
            onDragOver={(event) => {
              if (busy || !event.dataTransfer.types.includes(conversationDragType)) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              setOver(a.id);
            }}
            onDragLeave={() => setOver((v) => (v === a.id ? null : v))}
            onDrop={(event) => {
              event.preventDefault();
              setOver(null);
              const id = event.dataTransfer.getData(conversationDragType);
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
    </DataTable>
  );
}
