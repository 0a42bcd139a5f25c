import { useId, useRef, useState, type FormEvent } from 'react';
import type { Callback, Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useI18n } from '../i18n/i18n-context';
import { assignmentNeedsReason, checkAssign, type AssignBody } from '../state/assignment';
import { formatWindow } from '../state/callbacks';
import { PendingTransferBanner } from './PendingTransferBanner';
import { ScheduleCallbackDialog } from './ScheduleCallbackDialog';
import { TransferDialog } from './TransferDialog';

export interface ConversationActionsProps {
  conversation: Conversation;
  busy: boolean;
  onToggleResolved: () => void;
  onPending: () => void;
  /** Resolves true when the server accepted it. */
  onAssign: (body: AssignBody) => Promise<boolean>;
  /** A callback was scheduled for this customer (its conversation is new: the customer panel refreshes). */
  onCallbackScheduled?: (callback: Callback) => void;
}

export function ConversationActions({ conversation, busy, onToggleResolved, onPending, onAssign, onCallbackScheduled }: ConversationActionsProps) {
  const { t, lang } = useI18n();
  const { me, agents, agentName } = useConsole();
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);
  const [callbackOpen, setCallbackOpen] = useState(false);
  const scheduleButton = useRef<HTMLButtonElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const selectId = useId();
  const reasonId = useId();
  const closed = conversation.status === 'closed';
  const resolved = conversation.status === 'resolved';
  const needsReason = target !== '' && assignmentNeedsReason(conversation.ownerId, target);
  const others = agents.filter((a) => a.active && a.id !== me.id);

  const assign = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkAssign(conversation.ownerId, target, reason);
    if (!check.ok) {
      setProblem(check.problem === 'pickTarget' ? t('transfer.pickTarget') : t('assign.reasonRequired', { name: agentName(conversation.ownerId) ?? t('agent.unknown') }));
      return;
    }
    setProblem(null);
    if (await onAssign(check.body)) {
      setTarget('');
      setReason('');
    }
  };

  return (
    <section className="actions" aria-label={t('conversation.actions')}>
      <div className="actions__status">
        <button
          type="button" className={`button ${resolved ? '' : 'button--primary'}`} data-testid="resolve-button" data-action={resolved ? 'reopen' : 'resolve'}
          aria-keyshortcuts="e" disabled={busy || closed} onClick={onToggleResolved}
        >
          {resolved || closed ? t('actions.reopen') : t('actions.resolve')}
        </button>
        {conversation.status === 'open' && (
          <button type="button" className="button" data-testid="pending-button" disabled={busy} onClick={onPending}>
            {t('actions.pending')}
          </button>
        )}
      </div>
      <form className="actions__assign" onSubmit={assign} noValidate>
        <label htmlFor={selectId}>{t('actions.assignTo')}</label>
        <select
          id={selectId} data-testid="assign-select" value={target} disabled={closed}
          onChange={(e) => {
            setTarget(e.target.value);
            setProblem(null);
          }}
        >
          <option value="">{t('actions.chooseAgent')}</option>
          <option value={me.id}>{t('actions.me', { name: me.name })}</option>
          {others.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        {needsReason && (
          <>
            <label htmlFor={reasonId} className="visually-hidden">
              {t('assign.reason')}
            </label>
            <input
              id={reasonId} data-testid="assign-reason" dir="auto" required placeholder={t('assign.reason')} value={reason}
              aria-invalid={problem !== null && !reason.trim()} onChange={(e) => setReason(e.target.value)} maxLength={500}
            />
          </>
        )}
        <button type="submit" className="button" data-testid="assign-button" disabled={busy || closed || target === '' || target === conversation.ownerId}>
          {t('actions.assign')}
        </button>
        <button type="button" className="button" data-testid="transfer-button" disabled={busy || closed} onClick={() => {
            setNotice(null);
            setTransferOpen(true);
          }}>
          {t('actions.transfer')}
        </button>
        <button type="button" className="button" ref={scheduleButton} data-testid="schedule-callback-button" disabled={busy} onClick={() => {
            setNotice(null);
            setCallbackOpen(true);
          }}>
          {t('callbackForm.open')}
        </button>
        {problem && (
          <p className="form-error" role="alert" data-testid="assign-problem">
            {problem}
          </p>
        )}
      </form>
      {transferOpen && (
        <TransferDialog
          conversation={conversation}
          onClose={() => setTransferOpen(false)}
          onRequested={() => {
            setTransferOpen(false);
            setNotice(t('transfer.requested'));
          }}
        />
      )}
      {callbackOpen && (
        <ScheduleCallbackDialog
          conversation={conversation}
          onClose={() => {
            setCallbackOpen(false);
            scheduleButton.current?.focus();
          }}
          onScheduled={(callback) => {
            setCallbackOpen(false);
            setNotice(t('callbackForm.scheduled', { window: formatWindow(callback.windowStart, callback.windowEnd, callback.timeZone, lang), zone: callback.timeZone }));
            scheduleButton.current?.focus();
            onCallbackScheduled?.(callback);
          }}
        />
      )}
      <p className="notice-line" role="status" data-testid="transfer-notice">
        {notice}
      </p>
      <PendingTransferBanner conversation={conversation} onCancelled={() => setNotice(t('transferBanner.cancelled'))} />
    </section>
  );
}
