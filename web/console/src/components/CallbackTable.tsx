import type { MouseEvent } from 'react';
import type { Callback } from '../api/types';
import { useConsole } from '../console-context';
import { useConversationLookup } from '../hooks/use-conversation-lookup';
import { useI18n } from '../i18n/i18n-context';
import { isPlainLeftClick } from '../routing/plain-click';
import { routeBase, routePath } from '../routing/use-route';
import { callbackIsOpen, callbackWindowTimes } from '../state/callbacks';
import { DataTable } from './DataTable';

interface CallbackTableProps {
  items: readonly Callback[];
  myZone: string;
  busyId: string | null;
  onOpen: (conversationId: string) => void;
  onChange: (callback: Callback, to: 'done' | 'cancelled') => void;
}

/** Callbacks with their window (the agent's time and the customer's), phone, status, owner and conversation; open ones can be marked done or cancelled. */
export function CallbackTable({ items, myZone, busyId, onOpen, onChange }: CallbackTableProps) {
  const { t, lang } = useI18n();
  const { api, agentName } = useConsole();
  const lookup = useConversationLookup(api, items.flatMap((c) => (c.sourceConversationId ? [c.conversationId, c.sourceConversationId] : [c.conversationId])));
  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (!isPlainLeftClick(event)) return;
    event.preventDefault();
    onOpen(id);
  };
  const numberOf = (id: string) => {
    const n = lookup.get(id)?.number;
    return n === undefined ? '…' : n;
  };
  return (
    <DataTable
      testId="callbacks-table"
      columns={[
        t('callbacks.col.window'), t('callbacks.col.phone'), t('callbacks.col.status'), t('callbacks.col.owner'), t('callbacks.col.conversation'),
        t('callbacks.col.actions'),
      ]}
    >
      {items.map((c) => {
        const times = callbackWindowTimes(c, myZone, lang);
        const isolatedPhone = `\u2066${c.phone}\u2069`;
        return (
          <tr
            key={c.id} className={`callback-row callback-row--${c.status}`} data-testid="callback-row" data-callback-id={c.id}
            data-conversation-id={c.conversationId} data-status={c.status} data-phone={c.phone}
          >
            <td>
              <span className="callback-time" data-testid="callback-agent-time">
                {t('callbacks.yourTime', { window: times.agent })}
              </span>
              <br />
              <span className="callback-time muted" data-testid="callback-customer-time">
                {t('callbacks.customerTime', { zone: c.timeZone, window: times.customer })}
              </span>
              {times.same && <span className="visually-hidden"> {t('callbacks.sameZone')}</span>}
              {c.note && (
                <p className="callback-note" dir="auto">
                  {t('callbacks.note', { note: c.note })}
                </p>
              )}
            </td>
            <td dir="ltr" className="callback-phone" data-testid="callback-phone">
              <a href={`tel:${c.phone}`}>{c.phone}</a>
            </td>
            <td data-testid="callback-status">
              <span className={`badge badge--callback-${c.status}`}>{t(`callbacks.status.${c.status}`)}</span>
              {c.status === 'missed' && (
                <p className="callback-missed" data-testid="callback-missed">
                  <span aria-hidden="true">⚠ </span>
                  {t('callbacks.missedFlag')}
                </p>
              )}
            </td>
            <td data-testid="callback-owner">
              <bdi dir="auto">{c.ownerId ? (agentName(c.ownerId) ?? t('agent.unknown')) : t('callbacks.unassigned')}</bdi>
            </td>
            <td>
              <a
                href={routePath({ conversationId: c.conversationId }, routeBase)} onClick={(e) => open(e, c.conversationId)}
                data-testid="callback-open"
              >
                {t('supervisor.number', { number: numberOf(c.conversationId) })}
                <span className="visually-hidden"> {t('callbacks.openLabel', { phone: isolatedPhone })}</span>
              </a>
              {c.sourceConversationId && (
                <>
                  <br />
                  <span className="muted">
                    {t('callbacks.source')}{' '}
                    <a href={routePath({ conversationId: c.sourceConversationId }, routeBase)} onClick={(e) => open(e, c.sourceConversationId!)}>
                      {t('supervisor.number', { number: numberOf(c.sourceConversationId) })}
                    </a>
                  </span>
                </>
              )}
            </td>
            <td>
              {callbackIsOpen(c.status) && (
                <div className="row-buttons">
                  <button
                    type="button" className="button button--small button--primary" disabled={busyId !== null} onClick={() => onChange(c, 'done')}
                    aria-label={t('callbacks.doneLabel', { phone: isolatedPhone })} data-testid="callback-done"
                  >
                    {t('callbacks.done')}
                  </button>
                  <button
                    type="button" className="button button--small" disabled={busyId !== null} onClick={() => onChange(c, 'cancelled')}
                    aria-label={t('callbacks.cancelLabel', { phone: isolatedPhone })} data-testid="callback-cancel"
                  >
                    {t('callbacks.cancel')}
                  </button>
                </div>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
