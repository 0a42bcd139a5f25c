/**
 * Reading the benchmark's datasets: labelled examples as training reads them, and the optional
 * `dialect` of each row (which `readJsonl` leaves out), so a dev set can be broken down by it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonl, type IntentExample } from '../../src/triage/index.ts';

export interface DevSlice {
  name: string;
  examples: IntentExample[];
}

export function intentsIn(datasets: string) {
  const path = (name: string) => join(datasets, 'intents', `${name}.jsonl`);
  return {
    read: (name: string): IntentExample[] => readJsonl(path(name)),
    /** Slices of a dev set by its rows' `dialect` field; none when no row carries one. */
    byDialect(name: string): DevSlice[] {
      const examples = readJsonl(path(name));
      const dialects = readFileSync(path(name), 'utf8')
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line) => (JSON.parse(line) as { dialect?: unknown }).dialect);
      if (!dialects.some((d) => typeof d === 'string')) return [];
      const slices = new Map<string, IntentExample[]>();
      examples.forEach((e, i) => {
        const dialect = typeof dialects[i] === 'string' ? dialects[i] : 'unmarked';
        slices.set(dialect, [...(slices.get(dialect) ?? []), e]);
      });
      return [...slices.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([dialect, slice]) => ({ name: `${name} · ${dialect}`, examples: slice }));
    },
  };
}
