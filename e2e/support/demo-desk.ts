/**
 * What the console browser tests share: Sanad started on a fresh data directory with the demo
 * workspace, Chromium, signing in over the API or in a page, and screenshots under test-results/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { startSanad, type RunningSanad } from '../../src/main.ts';
import { launchChromium } from '../../src/testing/index.ts';

/** The demo workspace gives every demo agent the admin's password. */
export const demoPassword = 'e2e-password-123';

export interface Session {
  cookie: string;
  csrfToken: string;
  agentId: string;
}

export interface DemoDesk {
  sanad: RunningSanad;
  browser: Browser;
  stop(): Promise<void>;
}

/** `env` adds to (or overrides) the settings every desk starts with, e.g. `{ SANAD_SMTP_PORT: '0' }`. */
export async function startDemoDesk(name: string, env: Record<string, string> = {}): Promise<DemoDesk> {
  execSync('node scripts/ensure-built.mjs', { stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), `sanad-e2e-${name}-`));
  const sanad = await startSanad(
    readConfig({ PORT: '0', HOST: '127.0.0.1', SANAD_DATA_DIR: dataDir, LOG_LEVEL: 'silent', SANAD_ADMIN_PASSWORD: demoPassword, ...env }),
    { log: () => {} },
  );
  const browser = await launchChromium();
  return {
    sanad, browser,
    async stop() {
      await browser.close();
      await sanad.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function signInOverApi(sanad: RunningSanad, email: string, password = demoPassword): Promise<Session> {
  const login = await fetch(`${sanad.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const { agent, csrfToken } = (await login.json()) as { agent: { id: string }; csrfToken: string };
  return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, csrfToken, agentId: agent.id };
}

export async function signInInPage(sanad: RunningSanad, page: Page, path: string, email: string, password = demoPassword): Promise<void> {
  await page.goto(`${sanad.url}${path}`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function saveScreenshot(page: Page, prefix: string, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: join('test-results', `${prefix}-${name}.png`), fullPage: true });
}
