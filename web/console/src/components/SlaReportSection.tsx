import { useEffect, useState } from 'react';
import type { SlaReport } from '../api/sla-types';
import { useConsole } from '../console-context';
import { useSlaApi } from '../hooks/use-sla';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { reportRange, sharePercent } from '../state/sla-time';
import { DataTable } from './DataTable';
import { useDuration } from './SlaChip';

const ranges = [7, 30] as const;

/**
 * How promises were kept over the last 7 or 30 days, per policy, team and kind: share met on time,
 * breaches, still running, and the median time in business hours (first/next response, resolution).
 */
export function SlaReportSection() {
  const { t } = useI18n();
  const { teamName } = useConsole();
  const sla = useSlaApi();
  const duration = useDuration(true);
  const [days, setDays] = useState<(typeof ranges)[number]>(7);
  const [report, setReport] = useState<SlaReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setReport(null);
    setError(null);
    const { from, to } = reportRange(days, new Date().getTime());
    sla.report(from, to, abort.signal).then(setReport, (e: unknown) => !abort.signal.aborted && setError(describeError(t, e)));
    return () => abort.abort();
  }, [sla, t, days]);

  return (
    <section className="settings__section" aria-labelledby="sla-report-title" data-testid="sla-report">
      <div className="settings__section-head">
        <h2 id="sla-report-title">{t('slaReport.title')}</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('slaReport.range')}</legend>
          {ranges.map((d) => (
            <label key={d} className="segmented__option">
              <input type="radio" name="sla-report-range" checked={days === d} onChange={() => setDays(d)} data-testid={`sla-report-${d}`} />
              <span>{t('slaReport.lastDays', { days: d })}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p className="hint">{t('slaReport.hint')}</p>
      {error && <p className="form-error" role="alert" data-testid="sla-report-error">{error}</p>}
      {report === null && !error && <p role="status">{t('slaSettings.loading')}</p>}
      {report?.rows.length === 0 && <p data-testid="sla-report-empty">{t('slaReport.empty')}</p>}
      {report && report.rows.length > 0 && (
        <DataTable
          testId="sla-report-table"
          columns={[
            t('slaReport.col.policy'), t('slaReport.col.team'), t('slaReport.col.kind'), t('slaReport.col.shareMet'), t('slaReport.col.breached'),
            t('slaReport.col.decided'), t('slaReport.col.running'), t('slaReport.col.median'),
          ]}
        >
          {report.rows.map((r) => (
            <tr key={`${r.policyId}|${r.teamId}|${r.kind}`} data-testid="sla-report-row" data-policy-id={r.policyId ?? ''} data-kind={r.kind}>
              <td><bdi dir="auto">{r.policyName ?? t('slaReport.noPolicy')}</bdi></td>
              <td><bdi dir="auto">{r.teamId ? (teamName(r.teamId) ?? t('team.unknown')) : t('conversation.noTeam')}</bdi></td>
              <td>{t(`sla.kind.${r.kind}`)}</td>
              <td data-testid="sla-report-share">{sharePercent(r.shareMet) ?? '—'}</td>
              <td className={r.breached > 0 ? 'sla-report__breached' : undefined}>{r.breached}</td>
              <td>{t('slaReport.metOf', { met: r.metOnTime, decided: r.decided })}</td>
              <td>{r.running}</td>
              <td>{r.medianSeconds === null ? '—' : duration(r.medianSeconds)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
