/**
 * SLA clocks derived from what happened in a conversation. Pure: the same ordered history always
 * gives the same clocks, so events arriving twice or late change nothing, and reports can be
 * rebuilt from the log.
 *
 * - The first customer message starts the first-response and resolution clocks.
 * - Only a human agent's reply meets a response clock: a bot's answer or an automatic
 *   acknowledgement is not a response (Chatwoot counted bot replies; PR #12058).
 * - A customer message after a response starts a next-response clock (one per round).
 * - Waiting on the customer (pending) pauses every running clock; back to open resumes them.
 * - Resolving meets the resolution clock and ends response clocks still running (nothing is owed).
 * - Reopening starts a new resolution round; it never restarts the first response.
 */
import type { ClockKind } from '../policies/policy-rules.ts';

export type SlaHistoryEvent =
  | { type: 'customer_message'; at: Date }
  | { type: 'agent_reply'; at: Date }
  | { type: 'status'; at: Date; to: 'open' | 'pending' | 'resolved' | 'closed' };

export interface DerivedClock {
  kind: ClockKind;
  /** 1 for the first round of its kind. */
  cycle: number;
  startedAt: Date;
  pauses: { from: Date; to: Date | null }[];
  /** met: answered/resolved; ended: no longer owed (resolved before a reply); running: still counting (maybe paused). */
  outcome: 'running' | 'met' | 'ended';
  endedAt: Date | null;
}

export function deriveClocks(history: readonly SlaHistoryEvent[]): DerivedClock[] {
  const clocks: DerivedClock[] = [];
  let paused: Date | null = null;
  const open = () => clocks.filter((c) => c.outcome === 'running');
  const latest = (kind: ClockKind) => [...clocks].reverse().find((c) => c.kind === kind) ?? null;
  const start = (kind: ClockKind, at: Date) => {
    const cycle = (latest(kind)?.cycle ?? 0) + 1;
    clocks.push({ kind, cycle, startedAt: at, pauses: paused ? [{ from: at, to: null }] : [], outcome: 'running', endedAt: null });
  };
  const finish = (clock: DerivedClock, outcome: 'met' | 'ended', at: Date) => {
    const pause = clock.pauses.at(-1);
    if (pause && pause.to === null) pause.to = at;
    clock.outcome = outcome;
    clock.endedAt = at;
  };

  for (const event of history) {
    const at = event.at;
    if (event.type === 'customer_message') {
      const first = latest('first_response');
      if (!first) {
        start('first_response', at);
        if (!latest('resolution')) start('resolution', at);
      } else if (first.outcome !== 'running' && latest('next_response')?.outcome !== 'running') {
        start('next_response', at);
      }
      continue;
    }
    if (event.type === 'agent_reply') {
      for (const clock of open()) if (clock.kind !== 'resolution') finish(clock, 'met', at);
      continue;
    }
    // Status changes.
    if (event.to === 'pending' && !paused) {
      paused = at;
      for (const clock of open()) clock.pauses.push({ from: at, to: null });
    } else if (event.to === 'open') {
      if (paused) {
        for (const clock of open()) {
          const pause = clock.pauses.at(-1);
          if (pause && pause.to === null) pause.to = at;
        }
        paused = null;
      }
      // Reopened after resolving: a new promise to resolve it.
      const resolution = latest('resolution');
      if (resolution && resolution.outcome !== 'running') start('resolution', at);
    } else if (event.to === 'resolved' || event.to === 'closed') {
      paused = null;
      for (const clock of open()) finish(clock, clock.kind === 'resolution' ? 'met' : 'ended', at);
    }
  }
  return clocks;
}
