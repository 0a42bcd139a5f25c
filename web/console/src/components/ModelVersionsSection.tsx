import { useState } from 'react';
import type { ModelVersion } from '../api/types';
import { useConsole } from '../console-context';
import { useModelVersions } from '../hooks/use-model-versions';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { decisionKey } from '../state/triage';
import { ModelVersionsTable } from './ModelVersionsTable';
import { NoticeLines } from './NoticeLines';

/** Intent model versions with "Train now" and "Roll back to this". */
export function ModelVersionsSection() {
  const { t } = useI18n();
  const { api } = useConsole();
  const models = useModelVersions(api);
  const [busy, setBusy] = useState<'train' | 'rollback' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (kind: 'train' | 'rollback', action: () => Promise<string>) => {
    setBusy(kind);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(null);
      models.reload();
    }
  };

  const train = () =>
    run('train', async () => {
      const v = await api.trainModel();
      const key = decisionKey(v.decision);
      return t(v.status === 'refused' ? 'models.refused' : 'models.shipped', { version: v.version, decision: key ? t(key) : v.decision });
    });

  const rollBack = (version: ModelVersion) =>
    run('rollback', async () => {
      const v = await api.activateModel(version.id);
      return t('models.rolledBack', { version: v.version });
    });

  return (
    <section className="settings__section" aria-labelledby="models-title" data-testid="models-section">
      <div className="settings__section-head">
        <h2 id="models-title">{t('models.title')}</h2>
        <button type="button" className="button button--primary" onClick={() => void train()} disabled={busy !== null} data-testid="model-train">
          {busy === 'train' ? t('models.training') : t('models.train')}
        </button>
      </div>
      <NoticeLines notice={notice} error={error} noticeTestId="model-notice" errorTestId="model-error" />
      {models.error !== null && !models.versions && (
        <p className="form-error" role="alert">
          {describeError(t, models.error)}
        </p>
      )}
      {!models.versions && models.error === null && <p role="status">{t('settings.loading')}</p>}
      {models.versions && <ModelVersionsTable versions={models.versions} busy={busy !== null} onRollBack={(v) => void rollBack(v)} />}
      {models.hasMore && (
        <button type="button" className="button button--small" onClick={models.loadMore}>
          {t('models.loadMore')}
        </button>
      )}
    </section>
  );
}
