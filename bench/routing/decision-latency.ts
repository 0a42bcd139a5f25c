/**
 * bench/routing — decision latency of the pure routing function on a synthetic contact centre.
 *
 *   npx tsx bench/routing/decision-latency.ts [agents] [items] [diverse|narrow]
 *
 * diverse (the default, and the harder case): items need any of 5 languages and 0–2 of 7 skills,
 * so there are tens of thousands of distinct needs; narrow: 3 languages and at most 1 of 3 skills.
 *
 * Builds 10,000 agents and 100,000 waiting items (seeded, so every run sees the same data) and prints
 * the time of one full batch (decideAssignments) and of single bestItemForAgent / bestAgentForItem
 * calls. Prints only; nothing here asserts a time. bench/routing/run.ts calls measureDecisionLatency.
 */
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { bestAgentForItem, bestItemForAgent, decideAssignments, type AgentState, type TeamRouting, type WaitingItem } from '../../src/routing/index.ts';

// mulberry32: a tiny seeded generator, so the data is identical across runs and machines.
function seeded(start: number): () => number {
  let seed = start;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const zones = ['Asia/Riyadh', 'Africa/Cairo', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Asia/Dubai'];
const languages = ['ar', 'en', 'fr', 'ar-eg', 'ur'];
const skills = ['billing', 'returns', 'technical', 'shipping', 'accounts', 'fraud', 'vip'];
const channels = ['chat', 'chat', 'chat', 'email', 'whatsapp', 'sms', 'telegram', 'callback'];
const priorities = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;
const now = new Date('2026-11-23T12:00:00Z'); // a Monday: most weekday shifts are on

export interface LatencyOptions {
  agents: number;
  items: number;
  narrow: boolean;
}

export interface LatencyRow {
  call: string;
  runs: number;
  medianWallMs: number;
  maxWallMs: number;
  medianCpuMs: number;
}

export interface LatencyResult extends LatencyOptions {
  teams: number;
  rows: LatencyRow[];
  assigned: number;
  unassigned: Record<string, number>;
}

/** The synthetic contact centre: seeded, so every run sees the same data. */
function fixture({ agents: agentCount, items: itemCount, narrow }: LatencyOptions) {
  const random = seeded(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const teams: TeamRouting[] = Array.from({ length: 40 }, (_, i) => ({
    id: `team-${i}`,
    overflowTo: i % 4 === 3 ? null : `team-${i + 1}`,
    overflowAfterSeconds: 120,
    hours: i % 5 === 0 ? { timeZone: pick(zones), windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '20:00' })) } : null,
    onCallTeamId: i % 10 === 0 ? 'team-39' : null,
  }));

  const agents: AgentState[] = Array.from({ length: agentCount }, (_, i) => ({
    id: `agent-${i}`,
    teamIds: random() < 0.2 ? [pick(teams).id, pick(teams).id] : [pick(teams).id],
    status: random() < 0.75 ? 'online' : pick(['away', 'offline', 'on_call'] as const),
    languages: [{ code: pick(languages), proficiency: int(3, 5) }, ...(random() < 0.6 ? [{ code: pick(languages), proficiency: int(1, 5) }] : [])],
    skills: Array.from({ length: int(1, 4) }, () => ({ name: pick(skills), proficiency: int(1, 5) })),
    capacity: { chat: int(2, 4), email: 10, messaging: 5, callback: 1 },
    load: { chat: int(0, 2), email: int(0, 5) },
    lastAssignedAt: random() < 0.1 ? null : new Date(now.getTime() - int(0, 3600) * 1000),
    timeZone: pick(zones),
    shifts: random() < 0.3 ? [] : [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: pick(['06:00', '09:00', '14:00', '22:00']), end: pick(['14:00', '17:00', '23:00', '06:00']) })),
    isOnCallExpert: random() < 0.05,
  }));

  const waiting: WaitingItem[] = Array.from({ length: itemCount }, (_, i) => ({
    id: `item-${i}`,
    channel: pick(channels),
    priority: pick(priorities),
    enqueuedAt: new Date(now.getTime() - int(0, 1800) * 1000),
    teamId: random() < 0.1 ? null : pick(teams).id,
    requiredLanguage: random() < 0.1 ? null : pick(narrow ? languages.slice(0, 3) : languages),
    requiredSkills: narrow ? (random() < 0.5 ? [] : [pick(skills.slice(0, 3))]) : Array.from({ length: int(0, 2) }, () => pick(skills)),
    urgency: random(),
    previousAgentIds: random() < 0.2 ? [`agent-${int(0, agentCount - 1)}`] : [],
    customerTier: random() < 0.05 ? 'vip' : null,
  }));
  return { teams, agents, waiting };
}

// Wall time and this process's CPU time: on a shared machine the CPU time is the steadier figure.
function time<T>(call: string, runs: number, f: () => T, rows: LatencyRow[]): T {
  let result = f(); // warm-up: JIT and the Intl formatter caches
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    result = f();
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  rows.push({ call, runs, medianWallMs: median(wall), maxWallMs: Math.max(...wall), medianCpuMs: median(cpu) });
  return result;
}

/** One full batch (5 runs) and single freed-agent and new-item calls (20 runs each). */
export function measureDecisionLatency(options: LatencyOptions): LatencyResult {
  const { teams, agents, waiting } = fixture(options);
  const rows: LatencyRow[] = [];
  const batch = time('decideAssignments (full batch)', 5, () => decideAssignments({ now, waiting, agents, teams }), rows);
  const freed = agents.find((a) => a.status === 'online')?.id ?? 'agent-0';
  time('bestItemForAgent (one freed agent)', 20, () => bestItemForAgent({ now, agentId: freed, waiting, agents, teams }), rows);
  let next = 0;
  time('bestAgentForItem (one new item)', 20, () => bestAgentForItem({ now, item: waiting[next++ % waiting.length] as WaitingItem, agents, teams }), rows);
  const unassigned: Record<string, number> = {};
  for (const u of batch.unassigned) unassigned[u.reason] = (unassigned[u.reason] ?? 0) + 1;
  return { ...options, teams: teams.length, rows, assigned: batch.assignments.length, unassigned };
}

export function formatLatency(r: LatencyResult): string {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  return [
    `routing decision latency: ${r.agents} agents, ${r.items} waiting items (${r.narrow ? 'narrow' : 'diverse'} needs), ${r.teams} teams; node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    '',
    '| call | runs | median wall | max wall | median CPU |',
    '|---|---:|---:|---:|---:|',
    ...r.rows.map((row) => `| ${row.call} | ${row.runs} | ${ms(row.medianWallMs)} | ${ms(row.maxWallMs)} | ${ms(row.medianCpuMs)} |`),
    '',
    `batch: ${r.assigned} assigned, ${Object.values(r.unassigned).reduce((a, b) => a + b, 0)} unassigned (${Object.entries(r.unassigned).map(([reason, n]) => `${reason} ${n}`).join(', ')})`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatLatency(measureDecisionLatency({ agents: Number(process.argv[2] ?? 10_000), items: Number(process.argv[3] ?? 100_000), narrow: process.argv[4] === 'narrow' })));
}
