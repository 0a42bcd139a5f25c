import { useId, useState, type DragEvent, type FormEvent } from 'react';
import type { RoutingAgentLoad, WaitingConversation } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { statusName } from '../i18n/routing-names';
import { occupancyPercent, waitReasonLabel } from '../state/routing';
import { DataTable } from './DataTable';

/** The drag data type of a waiting conversation dragged onto an agent's row. */
export const conversationDragType = 'application/x-sanad-conversation';

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

/** Waiting conversations with their wait and why; each row drags onto an agent, or assigns with its select. */
export function WaitingTable({ waiting, agents, busy, numberOf, nameOf, elapsed, onAssign, onOpen }: WaitingTableProps) {
  const { t } = useI18n();
  if (waiting.length === 0) return <p className="muted">{t('supervisor.waiting.empty')}</p>;
  return (
    <DataTable
      testId="waiting-table"
      columns={[t('supervisor.waiting.conversation'), t('supervisor.waiting.waited'), t('supervisor.waiting.reason'), t('supervisor.waiting.assign')]}
    >
      {waiting.map((w) => (
        <WaitingRow
          key={w.conversationId} item={w} number={numberOf(w.conversationId)} agents={agents} busy={busy} nameOf={nameOf} elapsed={elapsed}
          onAssign={onAssign} onOpen={onOpen}
        />
      ))}
    </DataTable>
  );
}

function WaitingRow({ item, number, agents, busy, nameOf, elapsed, onAssign, onOpen }: Omit<WaitingTableProps, 'waiting' | 'numberOf'> & { item: WaitingConversation; number: number | null }) {
  const { t } = useI18n();
  const [target, setTarget] = useState('');
  const selectId = useId();
  const shown = number === null ? '…' : number;
  const onDragStart = (event: DragEvent<HTMLTableRowElement>) => {
    event.dataTransfer.setData(conversationDragType, item.conversationId);
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
