/**
 * bench/chat — end-to-end chat latency and throughput, beside a bare WebSocket relay (the floor).
 *
 *   npm run bench:chat -- [--visitors 50] [--agents 5] [--messages 20] [--window 1]
 *
 * Latency is from a visitor's send to the first agent socket receiving the message; in Sanad that
 * path includes validation, the database commit (the ack is sent only after it), the outbox and
 * ordered delivery. Storage is PGlite in a temporary directory, or PostgreSQL when DATABASE_URL is set.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/app.ts';
import { createAgentWithPassword } from '../../src/auth/index.ts';
import { readConfig } from '../../src/config.ts';
import { seedDemoWorkspace } from '../../src/demo/index.ts';
import { openRuntime } from '../../src/main.ts';
import { startBareRelay } from './bare-relay.ts';
import { drive, open, type LoadPlan, type LoadResult } from './load.ts';

const args = parseArgs({
  options: { visitors: { type: 'string', default: '50' }, agents: { type: 'string', default: '5' }, messages: { type: 'string', default: '20' }, window: { type: 'string', default: '1' } },
}).values;
const plan: LoadPlan = { visitors: Number(args.visitors), agents: Number(args.agents), messagesPerVisitor: Number(args.messages), window: Number(args.window) };

async function runSanad(): Promise<LoadResult & { storage: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanad-bench-chat-'));
  const runtime = await openRuntime(readConfig({ ...process.env, SANAD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  const app = await buildApp({ ctx: runtime.ctx, serveWeb: false });
  try {
    const demo = await seedDemoWorkspace(runtime.ctx, { adminPassword: 'bench-password-123' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`http://${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { json: (await response.json()) as Record<string, unknown>, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
    };
    const agents = [];
    for (let i = 0; i < plan.agents; i++) {
      const email = `bench-agent-${i}@sanad.test`;
      if (demo) await createAgentWithPassword(runtime.ctx, { workspaceId: demo.workspaceId, email, name: `Bench ${i}`, role: 'agent' }, 'bench-password-123', { type: 'system' });
      const { cookie } = await post('/api/v1/auth/login', { email, password: 'bench-password-123' });
      agents.push(await open(`ws://${base}/ws/agent`, { cookie, origin: `http://${base}` }));
    }
    const visitors = [];
    for (let i = 0; i < plan.visitors; i++) {
      const { json } = await post('/api/v1/chat/session', {});
      visitors.push(await open(`ws://${base}/ws/chat?token=${encodeURIComponent(json.visitorToken as string)}`));
    }
    const codec = {
      frameFor: (_v: number, _n: number, clientId: string) => JSON.stringify({ type: 'send', clientId, body: `bench message ${clientId}` }),
      clientIdOf: (raw: string) => {
        const frame = JSON.parse(raw) as { type: string; message?: { kind: string; clientId: string | null } };
        return frame.type === 'message' && frame.message?.kind === 'customer' ? frame.message.clientId : null;
      },
      ackOf: (raw: string) => {
        const frame = JSON.parse(raw) as { type: string; clientId?: string };
        return frame.type === 'ack' ? (frame.clientId ?? null) : null;
      },
    };
    // Warm-up: each visitor's first message opens its conversation; measured runs continue them.
    await drive({ ...plan, messagesPerVisitor: 1, window: 1 }, visitors, agents, {
      ...codec, frameFor: (v, n, id) => codec.frameFor(v, n, `warm-${id}`), clientIdOf: (raw) => codec.clientIdOf(raw)?.replace(/^warm-/, '') ?? null,
    });
    // Let the warm-up's after-effects (triage, routing, SLA clocks) settle before measuring.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const result = await drive(plan, visitors, agents, codec);
    for (const s of [...visitors, ...agents]) s.terminate();
    return { ...result, storage: process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (file)' };
  } finally {
    await app.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runBare(): Promise<LoadResult> {
  const relay = await startBareRelay();
  try {
    const agents = await Promise.all(Array.from({ length: plan.agents }, () => open(`${relay.url}/agent`)));
    const visitors = await Promise.all(Array.from({ length: plan.visitors }, () => open(`${relay.url}/visitor`)));
    const result = await drive(plan, visitors, agents, {
      frameFor: (_v, _n, clientId) => JSON.stringify({ clientId, body: `bench message ${clientId}` }),
      clientIdOf: (raw) => (JSON.parse(raw) as { message: { clientId: string } }).message.clientId,
      ackOf: (raw) => (JSON.parse(raw) as { clientId: string }).clientId,
    });
    for (const s of [...visitors, ...agents]) s.terminate();
    return result;
  } finally {
    await relay.close();
  }
}

const bare = await runBare();
const sanad = await runSanad();
const rows = [
  ['bare ws relay (floor)', bare],
  [`Sanad, durable (${sanad.storage})`, sanad],
] as const;
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 0) : '—');
console.log(`\nchat: ${plan.visitors} visitors, ${plan.agents} agents, ${plan.messagesPerVisitor} messages each, window ${plan.window}`);
console.log('| path | messages | msg/s | p50 ms | p90 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, r] of rows) {
  console.log(`| ${name} | ${r.messages} | ${fmt(r.perSecond)} | ${fmt(r.latencyMs.p50)} | ${fmt(r.latencyMs.p90)} | ${fmt(r.latencyMs.p99)} | ${fmt(r.latencyMs.max)} |`);
}
console.log(`\nSanad reaches ${((sanad.perSecond / bare.perSecond) * 100).toFixed(1)}% of the floor's throughput; p50 latency ×${(sanad.latencyMs.p50 / bare.latencyMs.p50).toFixed(1)}.`);
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/chat-${process.env.DATABASE_URL ? 'postgresql' : 'pglite'}.json`;
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, plan, bare, sanad }, null, 2) + '\n');
console.log(`wrote ${file}`);
process.exit(0);
