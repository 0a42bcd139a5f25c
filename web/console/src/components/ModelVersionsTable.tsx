import type { ModelScore, ModelVersion } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { accuracyDelta, canRollBackTo, decisionKey, percent } from '../state/triage';
import { DataTable, HiddenColumn } from './DataTable';

export interface ModelVersionsTableProps {
  versions: readonly ModelVersion[];
  busy: boolean;
  onRollBack: (version: ModelVersion) => void;
}

/** Every intent model version, newest first: its held-out accuracy next to the model in use when it was judged. */
export function ModelVersionsTable({ versions, busy, onRollBack }: ModelVersionsTableProps) {
  const { t, dateTime } = useI18n();
  if (versions.length === 0) return <p className="muted">{t('models.empty')}</p>;
  return (
    <DataTable
      testId="model-table"
      columns={[
        t('models.version'), t('models.status'), t('models.decision'), t('models.accuracy'), t('models.vsActive'), t('models.trainedOn'),
        t('models.when'), <HiddenColumn key="actions">{t('models.actions')}</HiddenColumn>,
      ]}
    >
      {versions.map((v) => (
        <tr key={v.id} data-testid="model-row" data-version={v.version} data-status={v.status}>
          <th scope="row">{v.version}</th>
          <td>
            <span className={`badge badge--model-${v.status}`}>{t(`models.status.${v.status}`)}</span>
          </td>
          <td className="cell-wrap" data-decision={v.decision}>
            <Decision code={v.decision} />
          </td>
          <td>
            <Accuracy score={v.score} />
          </td>
          <td>
            <ActiveComparison score={v.score} active={v.activeScore} />
          </td>
          <td>
            {t('models.examples', { count: v.trainedOn })}
            <br />
            <span className="muted">{t('models.heldOut', { count: v.heldOut })}</span>
          </td>
          <td>
            <time dateTime={v.createdAt}>{dateTime(v.createdAt)}</time>
          </td>
          <td>
            {canRollBackTo(v) && (
              <button
                type="button" className="button button--small" disabled={busy} onClick={() => onRollBack(v)}
                aria-label={t('models.rollBackLabel', { version: v.version })} data-testid="model-rollback"
              >
                {t('models.rollBack')}
              </button>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function Decision({ code }: { code: string }) {
  const { t } = useI18n();
  const key = decisionKey(code);
  return key ? <>{t(key)}</> : <bdi dir="auto">{code}</bdi>;
}

function Accuracy({ score }: { score: ModelScore }) {
  const { t } = useI18n();
  const value = percent(score.accuracy);
  return <>{value === null ? t('models.none') : t('models.percent', { percent: value })}</>;
}

/** The model in use at the time, and how many points better (+) or worse (−) this one scored. */
function ActiveComparison({ score, active }: { score: ModelScore; active: ModelScore | null }) {
  const { t } = useI18n();
  const delta = accuracyDelta(score, active);
  if (!active || delta === null) return <>{t('models.none')}</>;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return (
    <>
      <Accuracy score={active} />{' '}
      <span className={delta < 0 ? 'delta delta--worse' : 'delta'}>({t('models.delta', { delta: `${sign}${Math.abs(delta)}` })})</span>
    </>
  );
}
