/**
 * The promise behind SMTP's 250: once Sanad says it has a mail, the mail survives anything. Sanad
 * runs as a real child process on the embedded database; it is killed (SIGKILL, no chance to
 * flush or close) the moment the client hears 250, then started again on the same data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.ts';
import { startSanad } from '../../main.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sanad-kill-250-'));
const admin = { email: 'admin@kill.test', password: 'kill-test-password-1' };
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function startChild(): Promise<{ url: string; smtpPort: number }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: '0', HOST: '127.0.0.1', SANAD_DATA_DIR: dataDir, SANAD_SMTP_PORT: '0', SANAD_SMTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent', SANAD_ADMIN_EMAIL: admin.email, SANAD_ADMIN_PASSWORD: admin.password,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const proc = spawn(process.execPath, ['bin/sanad.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Sanad did not start:\n${out}`)), 90_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /running at (\S+)/.exec(out)?.[1];
      const smtp = /SMTP listener on port (\d+)/.exec(out)?.[1];
      if (url && smtp) {
        clearTimeout(timer);
        resolve({ url, smtpPort: Number(smtp) });
      }
    };
    proc.stdout?.on('data', read);
    proc.stderr?.on('data', read);
    proc.once('exit', (code) => reject(new Error(`Sanad exited (${code}) before it started:\n${out}`)));
  });
}

async function signIn(url: string) {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

describe('killing Sanad right after a 250', () => {
  it('when Sanad is killed the moment a mail is acknowledged, then after a restart every acknowledged mail is stored and filed in a conversation', async () => {
    const first = await startChild();
    const headers = await signIn(first.url);
    const mailbox = await fetch(`${first.url}/api/v1/email/mailboxes`, { method: 'POST', headers, body: JSON.stringify({ address: 'help@kill.test', name: 'Help', inbound: 'smtp' }) });
    expect(mailbox.status).toBe(201);

    const client = nodemailer.createTransport({ host: '127.0.0.1', port: first.smtpPort, secure: false, ignoreTLS: true, pool: false });
    const acknowledged: string[] = [];
    // Several mails in flight at once; the process dies as soon as the third is acknowledged.
    const sends = Array.from({ length: 8 }, (_, i) => {
      const messageId = `kill-${i}-${Date.now()}@customer.test`;
      return client.sendMail({ from: `c${i}@customer.test`, to: 'help@kill.test', subject: `Killed after 250 #${i}`, text: `مرحبا ${i}`, messageId: `<${messageId}>` })
        .then((info) => {
          if (!/^250/.test(info.response)) return;
          acknowledged.push(messageId);
          if (acknowledged.length === 3) child?.kill('SIGKILL');
        })
        .catch(() => undefined);
    });
    await Promise.all(sends);
    await new Promise<void>((resolve) => (child?.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
    expect(acknowledged.length).toBeGreaterThanOrEqual(3);

    const second = await startSanad(readConfig({ PORT: '0', HOST: '127.0.0.1', SANAD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { log: () => {} });
    try {
      const again = await signIn(second.url);
      const inbound = async () => ((await (await fetch(`${second.url}/api/v1/email/inbound?limit=100`, { headers: again })).json()) as {
        items: { messageId: string; status: string; conversationId: string | null }[];
      }).items;
      // Stored: every acknowledged mail is there at once, whatever state its reading was in.
      const stored = await inbound();
      expect(acknowledged.filter((id) => stored.some((m) => m.messageId === id))).toEqual(acknowledged);
      // Filed: a reading the killed process had claimed is taken over when its lease runs out.
      await expect.poll(async () => {
        const now = await inbound();
        return acknowledged.filter((id) => now.some((m) => m.messageId === id && m.status === 'processed' && m.conversationId)).length;
      }, { timeout: 120_000, interval: 500 }).toBe(acknowledged.length);
    } finally {
      await second.stop();
    }
  }, 300_000);
});
