import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ShiftWindow } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { checkShifts } from '../state/routing';
import { DialogSaveFooter } from './DialogSaveFooter';
import { TeamOptions } from './TeamOptions';
import { WideDialog } from './WideDialog';
import { WindowsEditor } from './WindowsEditor';

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
    <WideDialog title={t('teamRouting.title', { team: teamName(teamId) ?? t('team.unknown') })} testId="team-routing-dialog" onClose={onClose}>
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
                  <TeamOptions teams={others} />
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
                  <TeamOptions teams={others} />
                </select>
              </div>
            </>
          )}
          <DialogSaveFooter
            notice={notice} error={error} errorTestId="team-routing-error" canSave saveDisabled={busy || !form} saveTestId="team-routing-save" onClose={onClose}
          />
        </form>
      )}
    </WideDialog>
  );
}
