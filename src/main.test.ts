import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { startSanad } from './main.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sanad-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const config = () => readConfig({ PORT: '0', HOST: '127.0.0.1', SANAD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

async function json(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

describe('starting Sanad on the embedded database', () => {
  it('when started twice on one data directory, then the demo is made once and everything written survives the restart', async () => {
    const lines: string[] = [];
    const first = await startSanad(config(), { log: (l) => lines.push(l) });
    let conversationCount: number;
    try {
      expect((await json(`${first.url}/healthz`)).status).toBe(200);
      expect((await json(`${first.url}/readyz`)).status).toBe(200);
      expect(first.demo).not.toBeNull();
      expect(lines.join('\n')).toContain(first.demo!.adminPassword);
      expect(lines.join('\n')).toContain('/console');

      const login = await json(`${first.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: first.demo!.adminEmail, password: first.demo!.adminPassword }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
      const headers = { cookie, 'content-type': 'application/json', 'x-csrf-token': login.body.csrfToken as string };
      const created = await json(`${first.url}/api/v1/contacts`, { method: 'POST', headers, body: JSON.stringify({ name: 'Survivor · ناجية' }) });
      expect(created.status).toBe(201);
      const list = await json(`${first.url}/api/v1/conversations?limit=200`, { headers });
      conversationCount = (list.body.items as unknown[]).length;
      expect(conversationCount).toBeGreaterThanOrEqual(4);
    } finally {
      await first.stop();
    }

    const second = await startSanad(config(), { log: () => {} });
    try {
      expect(second.demo).toBeNull();
      const login = await json(`${second.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: first.demo!.adminEmail, password: first.demo!.adminPassword }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const contacts = await json(`${second.url}/api/v1/contacts?q=Survivor`, { headers: { cookie } });
      expect((contacts.body.items as { name: string }[]).map((c) => c.name)).toEqual(['Survivor · ناجية']);
      const list = await json(`${second.url}/api/v1/conversations?limit=200`, { headers: { cookie } });
      expect((list.body.items as unknown[]).length).toBe(conversationCount);
    } finally {
      await second.stop();
    }
  });

  it('when the secrets file is made, then only its owner can read it', () => {
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });
});
