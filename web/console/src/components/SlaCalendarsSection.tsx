import { useEffect, useState } from 'react';
import type { SlaCalendar } from '../api/sla-types';
import { useConsole } from '../console-context';
import { useSlaApi } from '../hooks/use-sla';
import { describeServerError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { DataTable } from './DataTable';
import { NoticeLines } from './NoticeLines';
import { SlaCalendarForm, useDayName } from './SlaCalendarForm';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; calendar: SlaCalendar };

export interface SlaCalendarsSectionProps {
  calendars: SlaCalendar[] | null;
  error: string | null;
  onCalendars: (calendars: SlaCalendar[]) => void;
}

/** Business calendars (admins add and edit; supervisors read) and which calendar each team counts in. */
export function SlaCalendarsSection({ calendars, error, onCalendars }: SlaCalendarsSectionProps) {
  const { t, lang } = useI18n();
  const { me } = useConsole();
  const isAdmin = me.role === 'admin';
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const dayName = useDayName('short');

  // Each "09:00–17:00" is isolated left to right: in Arabic text the bidi algorithm would otherwise show it as "17:00–09:00".
  const hours = (c: SlaCalendar) => {
    if (c.calendar.alwaysOpen) return t('slaCalendars.alwaysOpen');
    return (c.calendar.weekly ?? []).map((w, i) => (
      <span key={i}>
        {i > 0 && (lang === 'ar' ? '، ' : ', ')}
        {dayName(w.day)} <bdi dir="ltr" className="nowrap">{`${w.start}–${w.end}`}</bdi>
      </span>
    ));
  };

  const saved = (calendar: SlaCalendar, created: boolean) => {
    // Only one calendar is the default: the server moves the mark, so show it moved here too.
    const rest = (calendars ?? []).filter((c) => c.id !== calendar.id).map((c) => (calendar.isDefault ? { ...c, isDefault: false } : c));
    onCalendars([...rest, calendar].sort((a, b) => a.name.localeCompare(b.name)));
    setEditing({ kind: 'none' });
    setNotice(t(created ? 'slaCalendars.created' : 'slaCalendars.saved', { name: calendar.name }));
  };

  return (
    <section className="settings__section" aria-labelledby="sla-calendars-title" data-testid="sla-calendars">
      <div className="settings__section-head">
        <h2 id="sla-calendars-title">{t('slaCalendars.title')}</h2>
        {isAdmin && editing.kind === 'none' && (
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'new' })} data-testid="sla-calendar-new">
            {t('slaCalendars.new')}
          </button>
        )}
      </div>
      <p className="hint">{t('slaCalendars.hint')}</p>
      <NoticeLines notice={notice} error={error} noticeTestId="sla-calendar-notice" errorTestId="sla-calendars-error" />
      {calendars === null && !error && <p role="status">{t('slaSettings.loading')}</p>}
      {calendars?.length === 0 && <p data-testid="sla-calendars-empty">{t('slaCalendars.empty')}</p>}
      {calendars && calendars.length > 0 && (
        <DataTable
          testId="sla-calendar-table"
          columns={[
            t('slaCalendars.col.name'), t('slaCalendars.col.timeZone'), t('slaCalendars.col.hours'), t('slaCalendars.col.holidays'),
            isAdmin && t('slaCalendars.col.actions'),
          ]}
        >
          {calendars.map((c) => (
            <tr key={c.id} data-testid="sla-calendar-row" data-calendar-id={c.id} data-name={c.name} data-default={c.isDefault}>
              <td>
                <bdi dir="auto">{c.name}</bdi> {c.isDefault && <span className="badge badge--open">{t('slaCalendars.default')}</span>}
              </td>
              <td><bdi dir="ltr">{c.calendar.timeZone}</bdi></td>
              <td className="cell-wrap">{hours(c)}</td>
              <td>{(c.calendar.holidays ?? []).length}</td>
              {isAdmin && (
                <td>
                  <button
                    type="button" className="button button--small" disabled={editing.kind !== 'none'} onClick={() => setEditing({ kind: 'edit', calendar: c })}
                    aria-label={t('slaCalendars.editLabel', { name: c.name })} data-testid="sla-calendar-edit"
                  >
                    {t('slaCalendars.edit')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {editing.kind !== 'none' && (
        <SlaCalendarForm
          key={editing.kind === 'edit' ? editing.calendar.id : 'new'} calendar={editing.kind === 'edit' ? editing.calendar : null}
          onCancel={() => setEditing({ kind: 'none' })} onSaved={saved}
        />
      )}
      {isAdmin && calendars && <TeamCalendars calendars={calendars} />}
    </section>
  );
}

/** Which calendar each team counts in; a team with none counts in the workspace default. */
function TeamCalendars({ calendars }: { calendars: readonly SlaCalendar[] }) {
  const { t } = useI18n();
  const { teams } = useConsole();
  const sla = useSlaApi();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  useEffect(() => {
    const controller = new AbortController();
    sla.teamCalendars(controller.signal)
      .then((r) => setChosen(Object.fromEntries(teams.map((team) => [team.id, r.items.find((i) => i.teamId === team.id)?.calendarId ?? 'default']))))
      .catch(() => undefined);
    return () => controller.abort();
  }, [sla, teams]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const assign = async (teamId: string, teamName: string, value: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await sla.setTeamCalendar(teamId, value === 'default' ? null : value);
      setChosen((c) => ({ ...c, [teamId]: value }));
      const name = value === 'default' ? t('slaCalendars.workspaceDefault') : (calendars.find((c) => c.id === value)?.name ?? value);
      setMessage({ ok: true, text: t('slaCalendars.teamSaved', { team: teamName, calendar: name }) });
    } catch (e) {
      setMessage({ ok: false, text: t('slaCalendars.teamFailed', { message: describeServerError(t, e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sla-teams" data-testid="sla-team-calendars">
      <h3>{t('slaCalendars.teamsTitle')}</h3>
      <p className="hint">{t('slaCalendars.teamsHint')}</p>
      {message && <p className={message.ok ? 'notice-line' : 'form-error'} role={message.ok ? 'status' : 'alert'} data-testid="sla-team-message">{message.text}</p>}
      <ul className="sla-teams__list">
        {teams.map((team) => (
          <li key={team.id} data-testid="sla-team-row" data-team-id={team.id}>
            <label htmlFor={`sla-team-${team.id}`}><bdi dir="auto">{team.name}</bdi></label>{' '}
            <select
              id={`sla-team-${team.id}`} disabled={busy} value={chosen[team.id] ?? ''} data-testid="sla-team-calendar"
              onChange={(e) => e.target.value && void assign(team.id, team.name, e.target.value)}
            >
              <option value="" disabled>{t('slaCalendars.choose')}</option>
              <option value="default">{t('slaCalendars.workspaceDefault')}</option>
              {calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </li>
        ))}
      </ul>
    </div>
  );
}
