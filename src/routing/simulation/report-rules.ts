import type { SimulationResult } from './simulate.ts';

/** The comparison as a markdown table: one row per policy, waits as "mean / p90". */

export function formatSeconds(s: number | null): string {
  if (s === null) return '–';
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);

export function formatSimulationTable(result: SimulationResult): string {
  const channels = [...new Set(result.policies.flatMap((p) => Object.keys(p.byChannel)))].sort();
  const header = ['policy', 'chats ≤ 30 s', 'chats reaching any agent ≤ 30 s', 'emails ≤ 15 min', ...channels.map((c) => `wait ${c} mean / p90`), 'wait all mean / p90', 'abandoned', 'wrong-skill/lang transfers', 'peak occupancy max / mean', 'handled'];
  const rows = result.policies.map((p) => [
    p.policy,
    pct(p.chatWithin30s),
    pct(p.chatFirstTouchWithin30s),
    pct(p.emailWithin15min),
    ...channels.map((c) => {
      const w = p.byChannel[c];
      return w ? `${formatSeconds(w.meanWait)} / ${formatSeconds(w.p90Wait)}` : '–';
    }),
    `${formatSeconds(p.overall.meanWait)} / ${formatSeconds(p.overall.p90Wait)}`,
    `${pct(p.abandonmentRate)} (${p.overall.abandoned})`,
    String(p.wrongSkillTransfers),
    `${pct(p.peakOccupancyMax)} / ${pct(p.peakOccupancyMean)}`,
    `${p.handled}${p.unfinished ? ` (+${p.unfinished} unfinished)` : ''}`,
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `${result.scenario}: seed ${result.seed}, ${result.arrivals} contacts, ${result.agents} agents`,
    '',
    line(header),
    line(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map(line),
  ].join('\n');
}
