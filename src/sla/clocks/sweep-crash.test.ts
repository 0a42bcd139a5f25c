/**
 * Deadlines are data, not timers: a scheduler killed in the middle of a sweep (SIGKILL, the
 * process gone between two clocks) and a fresh one started afterwards fire every due escalation
 * exactly once — none lost, none twice. Runs on the embedded database in a real child process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.ts';
import { startConversation } from '../../conversations/index.ts';
import { openRuntime } from '../../main.ts';
import { createTestWorkspace } from '../../testing/index.ts';
import { createPolicy } from '../policies/policy-commands.ts';
import { startSla } from '../sla-runtime.ts';
import { sweepSla } from './sla-sweep.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sanad-sla-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const config = () => readConfig({ SANAD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const system = { type: 'system' } as const;
const conversations = 12;

function sweepInChildUntilKilled(afterFired: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sla/clocks/sweep-crash.fixture.ts'], {
      env: { ...process.env, SANAD_DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let fired = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      fired = out.split('\n').filter((l) => l.startsWith('fired ')).length;
      if (fired >= afterFired) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(fired) : reject(new Error(`the scheduler finished (${code}) before it was killed:\n${out}`))));
  });
}

describe('a scheduler killed mid-sweep', () => {
  it('when it is killed after a few clocks and another sweep runs after the restart, then every conversation gets its breach and each escalation step exactly once', async () => {
    const setup = await openRuntime(config());
    const sla = await startSla(setup.ctx, { sweepMs: 0 });
    const workspace = await createTestWorkspace(setup.ctx);
    await createPolicy(setup.ctx, workspace.id, {
      name: 'Tight', conditions: {}, targets: { firstResponseSeconds: 1, nextResponseSeconds: null, resolutionSeconds: null },
      escalation: [{ kind: 'first_response', offsetSeconds: 0, action: 'notify_supervisors' }, { kind: 'first_response', offsetSeconds: 1, action: 'raise_priority' }],
      calendarId: null, enabled: true,
    }, system);
    const ids: string[] = [];
    for (let i = 0; i < conversations; i++) {
      const c = await startConversation(setup.ctx, workspace.id, { channel: 'email', contact: { name: `C${i}` }, message: { kind: 'customer', body: `help ${i}` } }, system);
      ids.push(c.id);
    }
    await expect.poll(async () => (await setup.ctx.db.query<{ n: number }>("select count(*)::int as n from sla_clocks where kind = 'first_response'"))[0]?.n, { timeout: 10_000 }).toBe(conversations);
    await sla.stop();
    await setup.close();
    await new Promise((r) => setTimeout(r, 2500));

    const killedAfter = await sweepInChildUntilKilled(4);
    expect(killedAfter).toBeGreaterThanOrEqual(4);
    expect(killedAfter).toBeLessThan(conversations);

    const after = await openRuntime(config());
    try {
      await sweepSla(after.ctx);
      await sweepSla(after.ctx);
      const counts = await after.ctx.db.query<{ subject_id: string; breached: number; escalated: number }>(
        `select subject_id, count(*) filter (where type = 'sla.breached')::int as breached, count(*) filter (where type = 'sla.escalated')::int as escalated
         from events where subject_id = any($1::text[]) group by subject_id`, [ids],
      );
      expect(counts).toHaveLength(conversations);
      for (const row of counts) expect({ breached: row.breached, escalated: row.escalated }).toEqual({ breached: 1, escalated: 2 });
      const priorities = await after.ctx.db.query<{ priority: string }>('select priority from conversations where id = any($1::uuid[])', [ids]);
      expect(priorities.every((p) => p.priority === 'high')).toBe(true);
    } finally {
      await after.close();
    }
  }, 120_000);
});
