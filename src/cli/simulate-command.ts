import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatSimulationTable, isPolicyName, parseScenarioText, policyNames, ScenarioError, simulateScenario, type PolicyName } from '../routing/index.ts';
import { UsageError } from './parse-list.ts';

export interface SimulateIo {
  cwd: string;
  out(line: string): void;
}

export interface SimulateOptions {
  scenario?: string | undefined;
  seed?: string | undefined;
  policies?: string | undefined;
  json?: boolean | undefined;
}

function policiesFrom(list: string | undefined): PolicyName[] {
  if (list === undefined) return [...policyNames];
  const names = list.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = names.filter((n) => !isPolicyName(n));
  if (names.length === 0 || unknown.length > 0) throw new UsageError(`--policies: unknown ${unknown.join(', ') || '(empty)'}; known: ${policyNames.join(', ')}`);
  return names as PolicyName[];
}

/**
 * `sanad simulate`: one contact-centre day per policy on the same arrivals. A scenario that cannot
 * be read is the caller's input error (exit 2), reported with the path of each bad field.
 */
export function simulateCommand(options: SimulateOptions, io: SimulateIo): void {
  if (!options.scenario) throw new UsageError('--scenario is required, e.g. --scenario bench/routing/scenarios/bilingual-evening-peak.json');
  const path = resolve(io.cwd, options.scenario);
  if (!existsSync(path)) throw new UsageError(`no file at ${path}`);
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  const policies = policiesFrom(options.policies);
  let scenario;
  try {
    scenario = parseScenarioText(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof ScenarioError) throw new UsageError(`${options.scenario}: ${error.message}`);
    throw error;
  }
  const result = simulateScenario(scenario, { policies, ...(seed === undefined ? {} : { seed }), clock: () => performance.now() });
  io.out(options.json ? JSON.stringify(result, null, 2) : formatSimulationTable(result));
}
