/**
 * bench/routing — routing policies on simulated contact-centre days, and decision latency.
 *
 *   npx tsx bench/routing/run.ts [--seed N] [--skip-latency]
 *
 * 1. Each scenario in bench/routing/scenarios/ is simulated once per policy (round_robin,
 *    least_loaded, sanad), every policy on the same seeded arrivals (docs/simulation.md).
 *    Then seeds 1–5 of each, to show how much of a difference is one lucky day.
 * 2. The pure decision with 10,000 agents and 100,000 waiting items (decision-latency.ts).
 * Prints markdown tables and writes bench/results/routing.json (not with --skip-latency).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatSimulationTable } from '../../src/routing/simulation/report-rules.ts';
import { parseScenarioText } from '../../src/routing/simulation/scenario-parse.ts';
import { simulateScenario, type SimulationResult } from '../../src/routing/simulation/simulate.ts';
import { formatLatency, measureDecisionLatency, type LatencyResult } from './decision-latency.ts';

const args = parseArgs({ options: { seed: { type: 'string' }, 'skip-latency': { type: 'boolean' } } }).values;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scenarioDir = join(root, 'bench/routing/scenarios');
const seed = args.seed === undefined ? undefined : Number(args.seed);

const sweepSeeds = [1, 2, 3, 4, 5];
const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const range = (xs: number[], f: (x: number) => string) => `${f(Math.min(...xs))} – ${f(Math.max(...xs))}`;

/** Per policy, the range over seeds of the headline measures. */
function sweepTable(name: string, runs: SimulationResult[]): string {
  const policies = runs[0]?.policies.map((p) => p.policy) ?? [];
  const of = (policy: string) => runs.map((r) => r.policies.find((p) => p.policy === policy)).filter((p) => p !== undefined);
  return [
    `${name}, seeds ${sweepSeeds.join(', ')} (min – max over seeds)`,
    '',
    '| policy | chats ≤ 30 s | emails ≤ 15 min | abandoned | wrong-skill/lang transfers | mean peak occupancy |',
    '|---|---:|---:|---:|---:|---:|',
    ...policies.map((policy) => {
      const ps = of(policy);
      return `| ${policy} | ${range(ps.map((p) => p.chatWithin30s ?? 0), pct)} | ${range(ps.map((p) => p.emailWithin15min ?? 0), pct)} | ${range(ps.map((p) => p.abandonmentRate), pct)} | ${range(ps.map((p) => p.wrongSkillTransfers), String)} | ${range(ps.map((p) => p.peakOccupancyMean), pct)} |`;
    }),
  ].join('\n');
}

const simulations: SimulationResult[] = [];
const sweeps: { scenario: string; seeds: number[]; runs: SimulationResult[] }[] = [];
for (const file of readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort()) {
  const scenario = parseScenarioText(readFileSync(join(scenarioDir, file), 'utf8'));
  const result = simulateScenario(scenario, { ...(seed === undefined ? {} : { seed }), clock: () => performance.now() });
  simulations.push(result);
  console.log(`${formatSimulationTable(result)}\n`);
  console.error(`simulated ${file}: ${result.policies.map((p) => `${p.policy} ${p.seconds.toFixed(1)} s`).join(', ')}`);
  const runs = sweepSeeds.map((s) => simulateScenario(scenario, { seed: s }));
  sweeps.push({ scenario: scenario.name, seeds: sweepSeeds, runs });
  console.log(`${sweepTable(scenario.name, runs)}\n`);
}

let latency: LatencyResult[] = [];
if (!args['skip-latency']) {
  latency = [measureDecisionLatency({ agents: 10_000, items: 100_000, narrow: false })];
  console.log(formatLatency(latency[0] as LatencyResult));
  const results = {
    bench: 'routing',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version },
    simulations,
    sweeps: sweeps.map((s) => ({ scenario: s.scenario, seeds: s.seeds, policies: s.runs.map((r) => r.policies.map(({ byChannel: _byChannel, ...p }) => p)) })),
    latency,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/routing.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.error('wrote bench/results/routing.json');
}
