import type { SlaClock } from '../api/sla-types';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-context';
import { useNow } from '../hooks/use-live-status';
import { clockState, durationParts, type ClockState } from '../state/sla-time';

/** "4m 05s" / "4 د 05 ث" in the UI language; `compact` for fixed amounts ("4h" rather than "4h 00m"). */
export function useDuration(compact = false): (seconds: number) => string {
  const { t } = useI18n();
  return (seconds) => {
    const { unit, vars } = durationParts(seconds, compact);
    return t(`sla.duration.${unit}` as MessageKey, vars);
  };
}

/** The words for a promise's state, e.g. "4m 05s left", "Overdue by 1m 20s", "Paused", "Met". */
export function useClockWords(): (state: ClockState, long?: boolean) => string {
  const { t } = useI18n();
  const duration = useDuration();
  return (state, long = false) => {
    switch (state.state) {
      case 'running':
        return t('sla.left', { time: duration(state.secondsLeft) });
      case 'breached':
        return t('sla.overdue', { time: duration(state.secondsOver) });
      case 'paused':
        return t(long ? 'sla.pausedLong' : 'sla.paused');
      case 'met':
        return t(state.late ? 'sla.metLate' : 'sla.met');
      case 'ended':
        return t(state.late ? 'sla.missed' : 'sla.ended');
    }
  };
}

/**
 * A countdown chip that ticks each second on its own, so the list around it does not re-render.
 * The state is also in words and in `data-state`, never only in colour.
 */
export function SlaChip({ clock, testId, showKind = false }: { clock: SlaClock; testId: string; showKind?: boolean }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const words = useClockWords();
  const state = clockState(clock, now);
  const tone = state.state === 'running' && state.soon ? 'soon' : state.state;
  const kind = t(`sla.kind.${clock.kind}`);
  return (
    <span
      className={`sla-chip sla-chip--${tone}`} data-testid={testId} data-state={state.state} data-kind={clock.kind}
      data-due-at={clock.dueAt ?? ''} title={`${kind}: ${words(state, true)}`}
    >
      {state.state === 'breached' && <span aria-hidden="true" className="sla-chip__icon">!</span>}
      {showKind ? <span className="sla-chip__kind">{kind}</span> : <span className="visually-hidden">{kind}: </span>}
      <span className="sla-chip__time">{words(state)}</span>
    </span>
  );
}
