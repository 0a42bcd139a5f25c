import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { startSanad, type RunningSanad } from '../src/main.ts';
import { hasChromium, launchChromium, withScreenshots } from '../src/testing/index.ts';

const password = 'e2e-password-123';
const dataDir = mkdtempSync(join(tmpdir(), 'sanad-e2e-offer-'));
let sanad: RunningSanad;
let browser: Browser;

type Session = { agentId: string; call: (method: string, path: string, body?: unknown) => Promise<Response> };

async function signIn(email: string): Promise<Session> {
  const login = await fetch(`${sanad.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const { agent, csrfToken } = (await login.json()) as { agent: { id: string }; csrfToken: string };
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return {
    agentId: agent.id,
    call: (method, path, body) => fetch(`${sanad.url}${path}`, {
      method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  };
}

describe.runIf(hasChromium)('instead of a long wait, a callback from the widget', () => {
  beforeAll(async () => {
    execSync('node scripts/ensure-built.mjs', { stdio: 'inherit' });
    sanad = await startSanad(readConfig({ PORT: '0', HOST: '127.0.0.1', SANAD_DATA_DIR: dataDir, LOG_LEVEL: 'silent', SANAD_ADMIN_PASSWORD: password }), { log: () => {} });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await sanad?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the predicted wait passes the threshold, then an Arabic visitor is offered a call, picks a time and reads the confirmation', async (test) => {
    // Active once src/app.ts serves the routes of src/routing/wait and src/routing/callbacks.
    const wired = (await fetch(`${sanad.url}/api/v1/chat/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status !== 404;
    if (!wired) test.skip();
    const admin = await signIn('admin@sanad.test');
    const layla = await signIn('layla@sanad.test');
    // Layla takes one chat at a time and holds one already; the threshold is 0 s, so any known wait is "long".
    const patched = await admin.call('PATCH', `/api/v1/agents/${layla.agentId}`, { capacity: { chat: 1 } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect((await layla.call('PUT', `/api/v1/agents/${layla.agentId}/status`, { status: 'online' })).status).toBe(200);
    expect((await layla.call('PUT', '/api/v1/routing/wait-settings', { offerAfterSeconds: { chat: 0 } })).status).toBe(200);
    // One chat handled in about two seconds gives the predictor a recent handle time.
    const created = await layla.call('POST', '/api/v1/conversations', { channel: 'chat', language: 'ar', contact: { name: 'Earlier' } });
    expect(created.status, await created.clone().text()).toBe(201);
    const handled = (await created.json()) as { id: string };
    const assigned = await layla.call('POST', `/api/v1/conversations/${handled.id}/assign`, { ownerId: layla.agentId });
    expect(assigned.status, await assigned.clone().text()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await layla.call('POST', `/api/v1/conversations/${handled.id}/status`, { status: 'resolved' })).status).toBe(200);

    const page = await (await browser.newContext({ locale: 'ar', timezoneId: 'Asia/Riyadh' })).newPage();
    await withScreenshots('offer', { visitor: page }, async () => {
      await page.goto(`${sanad.url}/demo?lang=ar`);
      await page.getByTestId('sanad-launcher').click();
      const widget = page.frameLocator('[data-testid="sanad-frame"]');
      await widget.getByTestId('sanad-composer').fill('أريد المساعدة في فاتورتي');
      await widget.getByTestId('sanad-send').click();
      await widget.getByTestId('sanad-offer').waitFor({ timeout: 20_000 });
      await widget.getByTestId('sanad-offer-callback').click();
      await widget.getByTestId('sanad-offer-phone').fill('٠٥٥١٢٣٤٥٦٧');
      await widget.locator('.offer-form button[type="submit"]').click();
      await widget.getByTestId('sanad-offer-done').getByText('سنتصل بك').waitFor();
      await widget.locator('[data-testid="sanad-message"][data-kind="system"]').getByText('سنتصل بك').waitFor();
    });
    const callbacks = (await (await layla.call('GET', '/api/v1/callbacks')).json()) as { items: { phone: string; timeZone: string; status: string }[] };
    expect(callbacks.items).toEqual([expect.objectContaining({ phone: '0551234567', timeZone: 'Asia/Riyadh', status: 'scheduled' })]);
  }, 90_000);
});
