import type { HandoffBrief } from '../api/types';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';

export interface BriefCardProps {
  brief: HandoffBrief | null;
  error: unknown;
  loading: boolean;
  onRefresh: () => void;
}

/** The hand-off brief: what the conversation is about, what was tried and promised, what is still open. */
export function BriefCard({ brief, error, loading, onRefresh }: BriefCardProps) {
  const { t } = useI18n();
  return (
    <section className="brief" aria-labelledby="brief-title" data-testid="brief" aria-busy={loading}>
      <div className="brief__head">
        <h3 id="brief-title">{t('brief.title')}</h3>
        <button type="button" className="button button--small" onClick={onRefresh} disabled={loading} data-testid="brief-refresh">
          {loading ? t('brief.refreshing') : t('brief.refresh')}
        </button>
      </div>
      {error !== null && error !== undefined && (
        <p className="form-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      {!brief && !error && <p role="status">{t('brief.loading')}</p>}
      {brief && (
        <>
          <p className="brief__summary" dir="auto" data-testid="brief-summary">
            {brief.summary}
          </p>
          <BriefList title={t('brief.tried')} items={brief.tried} testId="brief-tried" />
          <BriefList title={t('brief.promised')} items={brief.promised} testId="brief-promised" />
          <h4>{t('brief.openQuestion')}</h4>
          {brief.openQuestion ? (
            <p dir="auto" data-testid="brief-open-question">
              {brief.openQuestion}
            </p>
          ) : (
            <p className="muted">{t('brief.nothing')}</p>
          )}
          <p className="brief__source muted" data-testid="brief-source" data-source={brief.source}>
            <small>{t(`brief.source.${brief.source}`)}</small>
            {brief.fallbackReason && (
              <>
                {' · '}
                <small dir="auto">{t('brief.fallback', { reason: brief.fallbackReason })}</small>
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}

function BriefList({ title, items, testId }: { title: string; items: readonly string[]; testId: string }) {
  const { t } = useI18n();
  return (
    <>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('brief.nothing')}</p>
      ) : (
        <ul className="brief__list" data-testid={testId}>
          {items.map((item, i) => (
            <li key={i} dir="auto">
              {item}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
