import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ShiftWindow } from '../api/types';
import { weekdays } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { checkShifts } from '../state/routing';

/** A modal dialog shell: opens on mount, Escape closes it. */
function Dialog({ title, testId, onClose, children }: { title: string; testId: string; onClose: () => void; children: (titleId: string) => ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="dialog dialog--wide" aria-labelledby={titleId} onCancel={(event) => {
        event.preventDefault();
        onClose();
      }} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children(titleId)}
    </dialog>
  );
}

/** Weekly windows: a row per window with day, start and end (HH:MM), add and remove. */
function WindowsEditor({ windows, onChange, rowLabel, addLabel, testId }: {
  windows: ShiftWindow[]; onChange: (next: ShiftWindow[]) => void; rowLabel: (n: number) => string; addLabel: string; testId: string;
}) {
  const { t } = useI18n();
  const base = useId();
  const set = (index: number, patch: Partial<ShiftWindow>) => onChange(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <div className="windows" data-testid={testId}>
      {windows.length === 0 && <p className="muted">{t('schedule.none')}</p>}
      {windows.map((w, i) => (
        <fieldset key={i} className="window-row" data-testid={`${testId}-row`}>
          <legend className="visually-hidden">{rowLabel(i + 1)}</legend>
          <label htmlFor={`${base}-d${i}`}>{t('schedule.day')}</label>
          <select id={`${base}-d${i}`} value={w.day} onChange={(e) => set(i, { day: Number(e.target.value) })} data-testid="window-day">
            {weekdays.map((d, n) => (
              <option key={d} value={n}>
                {t(`weekday.${d}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${base}-s${i}`}>{t('schedule.start')}</label>
          <input
            id={`${base}-s${i}`} className="clock-input" dir="ltr" inputMode="numeric" placeholder="09:00" maxLength={5} value={w.start}
            onChange={(e) => set(i, { start: e.target.value.trim() })} data-testid="window-start"
          />
          <label htmlFor={`${base}-e${i}`}>{t('schedule.end')}</label>
          <input
            id={`${base}-e${i}`} className="clock-input" dir="ltr" inputMode="numeric" placeholder="17:00" maxLength={5} value={w.end}
            onChange={(e) => set(i, { end: e.target.value.trim() })} data-testid="window-end"
          />
          <button type="button" className="button button--small button--ghost" aria-label={t('schedule.removeLabel', { n: i + 1 })} onClick={() => onChange(windows.filter((_, j) => j !== i))}>
            {t('schedule.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange([...windows, { day: 0, start: '09:00', end: '17:00' }])} data-testid={`${testId}-add`}>
        {addLabel}
      </button>
      <p className="hint">{t('schedule.overnight')}</p>
    </div>
  );
}

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
    <Dialog title={t('schedule.title', { name: agentName })} testId="schedule-dialog" onClose={onClose}>
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
          <p className="notice-line" role="status">
            {notice}
          </p>
          {error && (
            <p className="form-error" role="alert" data-testid="schedule-error">
              {error}
            </p>
          )}
          <div className="dialog__buttons">
            <button type="button" className="button" onClick={onClose}>
              {t('schedule.close')}
            </button>
            {canEdit && (
              <button type="submit" className="button button--primary" disabled={busy || shifts === null} data-testid="schedule-save">
                {t('schedule.save')}
              </button>
            )}
          </div>
        </form>
      )}
    </Dialog>
  );
}

interface TeamForm {
  overflowTo: string;
  overflowAfterSeconds: string;
  hasHours: boolean;
  timeZone: string;
  windows: ShiftWindow[];
  onCallTeamId: string;
}

/** A manager edits a team's overflow, opening hours and on-call team. */
export function TeamRoutingDialog({ teamId, onClose }: { teamId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { api, teams, teamName } = useConsole();
  const [form, setForm] = useState<TeamForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { overflow: useId(), after: useId(), zone: useId(), onCall: useId(), hours: useId() };
  const others = teams.filter((x) => x.id !== teamId);

  useEffect(() => {
    const controller = new AbortController();
    api.teamRouting(teamId, controller.signal).then(
      (r) =>
        setForm({
          overflowTo: r.overflowTo ?? '', overflowAfterSeconds: String(r.overflowAfterSeconds), hasHours: r.hours !== null,
          timeZone: r.hours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, windows: r.hours?.windows ?? [], onCallTeamId: r.onCallTeamId ?? '',
        }),
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(describeError(t, failure));
      },
    );
    return () => controller.abort();
  }, [api, teamId, t]);

  const patch = (p: Partial<TeamForm>) => setForm((f) => (f ? { ...f, ...p } : f));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const seconds = Number(form.overflowAfterSeconds);
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
      setError(t('error.generic', { message: `${t('teamRouting.overflowAfter')}: 0–86400` }));
      return;
    }
    let windows: ShiftWindow[] = [];
    if (form.hasHours) {
      const check = checkShifts(form.windows);
      if (!check.ok) {
        setError(t('teamRouting.badWindow', { n: check.index + 1 }));
        return;
      }
      windows = check.shifts;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await api.saveTeamRouting(teamId, {
        overflowTo: form.overflowTo || null, overflowAfterSeconds: seconds,
        hours: form.hasHours ? { timeZone: form.timeZone.trim(), windows } : null, onCallTeamId: form.onCallTeamId || null,
      });
      setNotice(t('schedule.saved'));
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('teamRouting.title', { team: teamName(teamId) ?? t('team.unknown') })} testId="team-routing-dialog" onClose={onClose}>
      {() => (
        <form onSubmit={save} noValidate>
          {!form ? (
            <p className="muted" role="status">
              {t('settings.loading')}
            </p>
          ) : (
            <>
              <div className="field">
                <label htmlFor={ids.overflow}>{t('teamRouting.overflowTo')}</label>
                <select id={ids.overflow} value={form.overflowTo} onChange={(e) => patch({ overflowTo: e.target.value })} data-testid="team-overflow-to">
                  <option value="">{t('teamRouting.noTeam')}</option>
                  {others.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.after}>{t('teamRouting.overflowAfter')}</label>
                <input
                  id={ids.after} type="number" min={0} max={86400} step={1} dir="ltr" value={form.overflowAfterSeconds}
                  onChange={(e) => patch({ overflowAfterSeconds: e.target.value })} data-testid="team-overflow-after"
                />
              </div>
              <fieldset className="plain-fieldset">
                <legend>{t('teamRouting.hours')}</legend>
                <div className="check-field">
                  <input id={ids.hours} type="checkbox" checked={form.hasHours} onChange={(e) => patch({ hasHours: e.target.checked })} data-testid="team-has-hours" />
                  <label htmlFor={ids.hours}>{t('teamRouting.hasHours')}</label>
                </div>
                {form.hasHours ? (
                  <>
                    <div className="field">
                      <label htmlFor={ids.zone}>{t('teamRouting.timeZone')}</label>
                      <input id={ids.zone} dir="ltr" value={form.timeZone} onChange={(e) => patch({ timeZone: e.target.value })} data-testid="team-time-zone" />
                    </div>
                    <WindowsEditor
                      windows={form.windows} onChange={(windows) => patch({ windows })} rowLabel={(n) => t('teamRouting.window', { n })}
                      addLabel={t('teamRouting.addWindow')} testId="team-windows"
                    />
                  </>
                ) : (
                  <p className="muted">{t('teamRouting.alwaysOpen')}</p>
                )}
              </fieldset>
              <div className="field">
                <label htmlFor={ids.onCall}>{t('teamRouting.onCallTeam')}</label>
                <select id={ids.onCall} value={form.onCallTeamId} onChange={(e) => patch({ onCallTeamId: e.target.value })} data-testid="team-on-call">
                  <option value="">{t('teamRouting.noTeam')}</option>
                  {others.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          <p className="notice-line" role="status">
            {notice}
          </p>
          {error && (
            <p className="form-error" role="alert" data-testid="team-routing-error">
              {error}
            </p>
          )}
          <div className="dialog__buttons">
            <button type="button" className="button" onClick={onClose}>
              {t('schedule.close')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy || !form} data-testid="team-routing-save">
              {t('schedule.save')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
