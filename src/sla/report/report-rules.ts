/**
 * SLA reporting from clocks (themselves derived from the event log). Pure. All times are business
 * seconds in each clock's own calendar, so a mail answered Sunday morning after a Thursday-evening
 * question is not a two-day wait for a team that is closed on Friday and Saturday.
 */
import type { ClockKind } from '../policies/policy-rules.ts';

export interface ReportClock {
  kind: ClockKind;
  policyId: string | null;
  policyName: string | null;
  teamId: string | null;
  outcome: 'running' | 'met' | 'ended';
  breachedAt: Date | null;
  businessSeconds: number | null;
}

export interface ReportRow {
  policyId: string | null;
  policyName: string | null;
  teamId: string | null;
  kind: ClockKind;
  /** Promises that are settled: answered (on time or late), or already broken while still running. */
  decided: number;
  metOnTime: number;
  breached: number;
  /** metOnTime / decided, or null with nothing decided. */
  shareMet: number | null;
  running: number;
  /** Median business seconds to answer (first and next response) or resolve, over answered clocks. */
  medianSeconds: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** One row per policy, team and kind of promise. Clocks that ended unanswered (resolved without a reply) count nowhere. */
export function summariseClocks(clocks: readonly ReportClock[]): ReportRow[] {
  const groups = new Map<string, ReportClock[]>();
  for (const c of clocks) {
    const key = JSON.stringify([c.policyId, c.teamId, c.kind]);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const rows: ReportRow[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const met = group.filter((c) => c.outcome === 'met');
    const metOnTime = met.filter((c) => !c.breachedAt).length;
    const breached = group.filter((c) => c.breachedAt && c.outcome !== 'ended').length;
    const decided = metOnTime + breached;
    rows.push({
      policyId: first.policyId, policyName: first.policyName, teamId: first.teamId, kind: first.kind, decided, metOnTime, breached,
      shareMet: decided ? metOnTime / decided : null, running: group.filter((c) => c.outcome === 'running').length,
      medianSeconds: median(met.map((c) => c.businessSeconds).filter((s): s is number => s !== null)),
    });
  }
  const order = { first_response: 0, next_response: 1, resolution: 2 };
  return rows.sort((a, b) => (a.policyName ?? '').localeCompare(b.policyName ?? '') || (a.teamId ?? '').localeCompare(b.teamId ?? '') || order[a.kind] - order[b.kind]);
}
