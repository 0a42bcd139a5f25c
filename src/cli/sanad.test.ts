import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './sanad.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sanad-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function sanad(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env: { SANAD_DATA_DIR: dataDir }, cwd: dataDir, out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the sanad command', () => {
  it('when asked for help, then it lists every command, and each command explains itself', async () => {
    const help = await sanad('--help');
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'agent add', 'token create']) {
      expect(help.out).toContain(command);
      const own = await sanad(...command.split(' '), '--help');
      expect(own.code).toBe(0);
      expect(own.out).toContain(`sanad ${command}`);
    }
  });

  it('when the command is unknown or a flag is wrong, then it exits 2 with a message', async () => {
    expect((await sanad('launch')).code).toBe(2);
    const badFlag = await sanad('migrate', '--colour');
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toContain('--colour');
    const missing = await sanad('agent', 'add', '--name', 'Nobody');
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('--email is required') });
    const badRole = await sanad('agent', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'king');
    expect(badRole.code).toBe(2);
    const badLevel = await sanad('agent', 'add', '--email', 'x@example.com', '--name', 'X', '--languages', 'ar:9');
    expect(badLevel.err).toContain('level from 1 to 5');
  });

  it('when migrate runs twice, then the second run has nothing to apply', async () => {
    const first = await sanad('migrate');
    expect(first).toMatchObject({ code: 0, out: expect.stringMatching(/Applied \d+ migration/) });
    expect((await sanad('migrate')).out).toContain('Nothing to apply');
  });

  it('when an agent is added without a password, then one is generated and shown once; adding the same email again fails with exit 1', async () => {
    const added = await sanad('agent', 'add', '--email', 'Lina@Example.com', '--name', 'Lina', '--role', 'admin', '--languages', 'ar:5,en:4', '--skills', 'billing:3');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/Added admin Lina <lina@example.com>/);
    expect(added.out).toMatch(/Password \(shown once\): \S{12,}/);
    const again = await sanad('agent', 'add', '--email', 'lina@example.com', '--name', 'Lina 2');
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('EMAIL_TAKEN') });
  });

  it('when a token is created, then it is printed once with its scopes; an unknown scope exits 2', async () => {
    const created = await sanad('token', 'create', '--name', 'crm', '--scopes', 'contacts:read,conversations:write', '--expires-in-days', '30');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Token \(shown once\): sanad_\S+/);
    expect(created.out).toContain('contacts:read conversations:write');
    const bad = await sanad('token', 'create', '--name', 'x', '--scopes', 'everything');
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('unknown scope everything') });
  });

  it('when an agent password is set, then it is accepted and a short one is refused', async () => {
    expect((await sanad('agent', 'password', '--email', 'lina@example.com', '--password', 'a-long-enough-one')).code).toBe(0);
    expect((await sanad('agent', 'password', '--email', 'lina@example.com', '--password', 'short')).code).toBe(1);
    expect((await sanad('agent', 'password', '--email', 'nobody@example.com')).code).toBe(2);
  });

  it('when the environment is wrong, then it says which setting and exits 2', async () => {
    const io: CliIo = { env: { SANAD_DATA_DIR: dataDir, PORT: 'eighty' }, cwd: dataDir, out: () => {}, err: (l) => errors.push(l) };
    const errors: string[] = [];
    expect(await runCli(['migrate'], io)).toBe(2);
    expect(errors.join('')).toContain('PORT must be a number');
  });
});
