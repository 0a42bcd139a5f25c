import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ShiftWindow } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { checkShifts } from '../state/routing';
import { DialogSaveFooter } from './DialogSaveFooter';
import { WideDialog } from './WideDialog';
import { WindowsEditor } from './WindowsEditor';

/** A manager edits an agent's weekly shifts and on-call role. */
export function AgentScheduleDialog({ agentId, agentName, onClose }: { agentId: string; agentName: string; onClose: () => void }) {
  const { t } = useI18n();
  const { api, me } = useConsole();
  const [shifts, setShifts] = useState<ShiftWindow[] | null>(null);
  const [onCall, setOnCall] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onCallId = useId();
  const canEdit = me.role === 'admin' || me.role === 'supervisor';

  useEffect(() => {
    const controller = new AbortController();
    api.agentSchedule(agentId, controller.signal).then(
      (s) => {
        setShifts(s.shifts);
        setOnCall(s.onCallExpert);
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(describeError(t, failure));
      },
    );
    return () => controller.abort();
  }, [api, agentId, t]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!shifts) return;
    const check = checkShifts(shifts);
    if (!check.ok) {
      setError(t('schedule.badShift', { n: check.index + 1 }));
      return;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await api.saveAgentSchedule(agentId, { shifts: check.shifts, onCallExpert: onCall });
      setShifts(saved.shifts);
      setOnCall(saved.onCallExpert);
      setNotice(t('schedule.saved'));
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <WideDialog title={t('schedule.title', { name: agentName })} testId="schedule-dialog" onClose={onClose}>
      {() => (
        <form onSubmit={save} noValidate>
          <p className="hint">{t('schedule.hint')}</p>
          {shifts === null ? (
            <p className="muted" role="status">
              {t('settings.loading')}
            </p>
          ) : (
            <fieldset className="plain-fieldset" disabled={!canEdit}>
              <legend>{t('schedule.shifts')}</legend>
              <WindowsEditor windows={shifts} onChange={setShifts} rowLabel={(n) => t('schedule.shift', { n })} addLabel={t('schedule.add')} testId="shifts" />
              <div className="check-field">
                <input id={onCallId} type="checkbox" checked={onCall} onChange={(e) => setOnCall(e.target.checked)} data-testid="schedule-on-call" />
                <label htmlFor={onCallId}>{t('schedule.onCallExpert')}</label>
              </div>
            </fieldset>
          )}
          <DialogSaveFooter
            notice={notice} error={error} errorTestId="schedule-error" canSave={canEdit} saveDisabled={busy || shifts === null} saveTestId="schedule-save" onClose={onClose}
          />
        </form>
      )}
    </WideDialog>
  );
}

