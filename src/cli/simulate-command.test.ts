import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './sanad.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-simulate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shipped = new URL('../../bench/routing/scenarios/bilingual-evening-peak.json', import.meta.url).pathname;

async function sanad(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env: {}, cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) };
  return { code: await runCli(argv, io), out: out.join('\n'), err: err.join('\n') };
}

describe('sanad simulate', () => {
  it('given a shipped scenario, when simulated, then it prints one table row per policy', async () => {
    const result = await sanad('simulate', '--scenario', shipped, '--seed', '3');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('| policy | chats ≤ 30 s | chats reaching any agent ≤ 30 s | emails ≤ 15 min |');
    for (const policy of ['round_robin', 'least_loaded', 'sanad']) expect(result.out).toMatch(new RegExp(`^\\| ${policy} \\| \\d`, 'm'));
  });

  it('when --json and --policies are given, then it prints JSON for those policies only', async () => {
    const result = await sanad('simulate', '--scenario', shipped, '--policies', 'sanad,round_robin', '--json');
    expect(result.code, result.err).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.policies.map((p: { policy: string }) => p.policy)).toEqual(['sanad', 'round_robin']);
    expect(json.policies[0]).toMatchObject({ wrongSkillTransfers: 0, chatWithin30s: expect.any(Number) });
  });

  it('given a scenario with a bad shift time, when simulated, then it exits 2 and names the field', async () => {
    const scenario = JSON.parse(readFileSync(shipped, 'utf8'));
    scenario.agents[3].shifts[0].start = '8am';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(scenario));
    const result = await sanad('simulate', '--scenario', bad);
    expect(result.code).toBe(2);
    expect(result.err).toContain('agents[3].shifts[0].start: expected HH:MM, got "8am"');
  });

  it('when the file, a policy or the seed is wrong, then it exits 2 with what to give', async () => {
    expect((await sanad('simulate')).err).toContain('--scenario is required');
    expect((await sanad('simulate', '--scenario', 'missing.json')).err).toContain('no file at');
    expect((await sanad('simulate', '--scenario', shipped, '--policies', 'fifo'))).toMatchObject({ code: 2, err: expect.stringContaining('unknown fifo') });
    expect((await sanad('simulate', '--scenario', shipped, '--seed', 'x')).code).toBe(2);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect((await sanad('simulate', '--scenario', 'broken.json'))).toMatchObject({ code: 2, err: expect.stringContaining('not valid JSON') });
    expect((await sanad('simulate', '--help')).out).toContain('sanad simulate --scenario');
  });
});
