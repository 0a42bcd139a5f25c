import type { Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useTriage } from '../hooks/use-triage';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { BriefCard } from './BriefCard';
import { FactChips } from './FactChips';
import { IntentEditor } from './IntentEditor';
import { ReadingSummary } from './ReadingSummary';
import { TriageLanguage } from './TriageLanguage';

export interface TriagePanelProps {
  conversation: Conversation;
  onSetIntent: (intent: string) => Promise<void>;
}

/**
 * What triage read in the open conversation: language, intent (re-categorisable), mood and urgency,
 * key facts and the hand-off brief. Follows the conversation live (throttled refetches).
 */
export function TriagePanel({ conversation, onSetIntent }: TriagePanelProps) {
  const { t, lang } = useI18n();
  const { api } = useConsole();
  const version = `${conversation.lastSeq}|${conversation.updatedAt}|${conversation.intent ?? ''}`;
  const { triage, triageError, brief, briefError, loading, refresh } = useTriage(api, conversation.id, lang, version);

  return (
    <section className="triage" aria-labelledby="triage-title" data-testid="triage-panel">
      <h2 id="triage-title">{t('triage.title')}</h2>
      <IntentEditor conversation={conversation} onSetIntent={onSetIntent} />
      <ReadingSummary conversation={conversation} />
      {triageError !== null && (
        <p className="form-error" role="alert">
          {describeError(t, triageError)}
        </p>
      )}
      {!triage && triageError === null && <p role="status">{t('triage.loading')}</p>}
      {triage && (
        <>
          <TriageLanguage triage={triage} />
          <h3>{t('triage.facts')}</h3>
          <FactChips facts={triage.facts} />
        </>
      )}
      <BriefCard brief={brief} error={briefError} loading={loading} onRefresh={refresh} />
    </section>
  );
}
