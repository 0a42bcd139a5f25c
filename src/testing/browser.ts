import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs; browser tests skip with a message where it is missing. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Runs a browser step and, when it fails, saves a screenshot of every page under test-results/. */
export async function withScreenshots<T>(name: string, pages: Record<string, Page>, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    mkdirSync('test-results', { recursive: true });
    for (const [label, page] of Object.entries(pages)) {
      await page.screenshot({ path: join('test-results', `${name}-${label}.png`), fullPage: true }).catch(() => {});
    }
    throw error;
  }
}
