import type { Conversation } from '../api/types';
import { useNow } from '../hooks/use-live-status';
import { useConversationClocks } from '../hooks/use-sla';
import { useI18n } from '../i18n/i18n-context';
import { clockState, currentClocks } from '../state/sla-time';
import { useClockWords } from './SlaChip';

/**
 * The conversation's promises under its header: each running one counting down every second,
 * "paused" while waiting on the customer, red and flagged once breached, met ones quiet.
 * Fetched again when the conversation or its timeline changes (a reply, a status change, an
 * "SLA …" note from the scheduler), when the socket names one of its `sla.*` events, and every 15 s
 * while the socket is not live.
 */
export function ConversationSla({ conversation }: { conversation: Conversation }) {
  const { t, dateTime } = useI18n();
  const version = `${conversation.status}|${conversation.lastSeq}|${conversation.updatedAt}`;
  const clocks = useConversationClocks(conversation.id, version);
  const now = useNow(1000);
  const words = useClockWords();
  const shown = clocks ? currentClocks(clocks) : [];
  if (shown.length === 0) return null;

  return (
    <section className="sla-clocks" aria-label={t('sla.title')} data-testid="sla-clocks">
      <ul>
        {shown.map((clock) => {
          const state = clockState(clock, now);
          const tone = state.state === 'running' && state.soon ? 'soon' : state.state;
          return (
            <li
              key={clock.id} className={`sla-clock sla-clock--${tone}`} data-testid="sla-clock" data-kind={clock.kind} data-state={state.state}
              data-clock-id={clock.id}
            >
              <span className="sla-clock__kind">
                {state.state === 'breached' && <span className="sla-clock__flag" aria-hidden="true">!</span>}
                {t(`sla.kind.${clock.kind}`)}
              </span>{' '}
              <span className="sla-clock__time" data-testid="sla-clock-time">
                {words(state, true)}
              </span>
              {clock.dueAt && state.state !== 'met' && (
                <span className="sla-clock__due muted">
                  {' · '}
                  <time dateTime={clock.dueAt}>{t('sla.dueAt', { time: dateTime(clock.dueAt) })}</time>
                </span>
              )}
              {clock.policyName && (
                <span className="sla-clock__policy muted">
                  {' · '}
                  <bdi>{clock.policyName}</bdi>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
