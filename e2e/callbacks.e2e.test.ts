import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSanad } from '../src/main.ts';
import { hasChromium, withScreenshots } from '../src/testing/index.ts';
import { saveScreenshot, signInInPage, signInOverApi, startDemoDesk, type DemoDesk, type Session } from './support/demo-desk.ts';

let desk: DemoDesk;
let sanad: RunningSanad;
let browser: Browser;

interface CallbackView {
  id: string;
  conversationId: string;
  contactId: string;
  phone: string;
  windowStart: string;
  windowEnd: string;
  timeZone: string;
  note: string | null;
  status: string;
}

const signIn = (email: string): Promise<Session> => signInOverApi(sanad, email);

async function get<T>(session: Session, path: string): Promise<T> {
  const answer = await fetch(`${sanad.url}${path}`, { headers: { cookie: session.cookie } });
  expect(answer.status, path).toBe(200);
  return (await answer.json()) as T;
}

const screenshot = (page: Page, name: string) => saveScreenshot(page, 'callbacks', name);

const signInInBrowser = (page: Page, path: string, email: string) => signInInPage(sanad, page, path, email);

/** 'YYYY-MM-DD' of tomorrow on a wall clock in `timeZone`. */
const tomorrowIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 86_400_000));

describe.runIf(hasChromium)('callbacks in the console, in a real browser', () => {
  beforeAll(async () => {
    desk = await startDemoDesk('callbacks');
    ({ sanad, browser } = desk);
  }, 180_000);
  afterAll(async () => desk?.stop());

  it('an agent schedules a callback from a conversation, finds it on the Callbacks screen in both time zones, and marks it done', async () => {
    const omar = await signIn('omar@sanad.test');
    // Demo conversation #3: Karim on WhatsApp, Omar's, with a phone number on the contact.
    const listed = await get<{ items: { id: string; number: number; contactId: string }[] }>(
      omar, '/api/v1/conversations?status=open&status=pending&status=resolved&status=closed&sort=newest&limit=200',
    );
    const karim = listed.items.find((c) => c.number === 3)!;
    expect(karim).toBeDefined();
    const summaryBefore = await get<Record<string, number>>(omar, '/api/v1/callbacks/summary');

    // The agent's browser is in London; Karim is in Cairo (UTC+2 in November, London UTC+0).
    const page = await (await browser.newContext({ locale: 'en', timezoneId: 'Europe/London', viewport: { width: 1400, height: 1000 } })).newPage();
    await withScreenshots('callbacks', { omar: page }, async () => {
      await signInInBrowser(page, `/console/conversations/${karim.id}`, 'omar@sanad.test');
      await page.locator(`[data-testid="conversation"][data-conversation-id="${karim.id}"]`).waitFor();
      await page.getByTestId('contact-identities').waitFor();

      // Open the dialog by keyboard: the phone comes from the contact, the zone is the browser's.
      await page.getByTestId('schedule-callback-button').focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByTestId('callback-dialog');
      await dialog.waitFor();
      const phone = dialog.getByTestId('callback-phone');
      expect((await phone.inputValue()).replace(/\s/g, '')).toBe('+201005550199');
      expect(await phone.getAttribute('dir')).toBe('ltr');
      expect(await dialog.getByTestId('callback-zone').inputValue()).toBe('Europe/London');

      // The end must be after the start: said before anything is sent.
      const date = tomorrowIn('Africa/Cairo');
      await dialog.getByTestId('callback-date').fill(date);
      await dialog.getByTestId('callback-from').fill('11:00');
      await dialog.getByTestId('callback-to').fill('10:00');
      await dialog.getByTestId('callback-submit').click();
      await dialog.getByTestId('callback-problem').filter({ hasText: 'end time must be after the start time' }).waitFor();
      expect(await dialog.getByTestId('callback-from').getAttribute('aria-invalid')).toBe('true');

      // A number the server cannot read: its own message is shown.
      await dialog.getByTestId('callback-from').fill('10:00');
      await dialog.getByTestId('callback-to').fill('10:30');
      await phone.fill('call me maybe');
      await dialog.getByTestId('callback-submit').click();
      await dialog.getByTestId('callback-error').filter({ hasText: 'not a phone number' }).waitFor();
      await screenshot(page, 'dialog-error');

      // Karim's number, 10:00–10:30 Cairo time: the dialog says it is 08:00–08:30 for the agent.
      await phone.fill('+20 100 555 0199');
      await dialog.getByTestId('callback-zone').selectOption('Africa/Cairo');
      await dialog.getByTestId('callback-preview').filter({ hasText: '08:00–08:30' }).waitFor();
      await dialog.getByTestId('callback-note').fill('Call about the app crash — بخصوص تعطل التطبيق');
      await screenshot(page, 'dialog');
      await dialog.getByTestId('callback-submit').focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('transfer-notice').filter({ hasText: 'Callback scheduled' }).filter({ hasText: '10:00–10:30' }).filter({ hasText: 'Africa/Cairo' }).waitFor();

      const scheduled = await get<{ items: CallbackView[] }>(omar, '/api/v1/callbacks?status=scheduled');
      const callback = scheduled.items.find((c) => c.contactId === karim.contactId && c.note?.startsWith('Call about the app crash'))!;
      expect(callback).toMatchObject({ phone: '+201005550199', timeZone: 'Africa/Cairo', status: 'scheduled' });
      expect(new Date(callback.windowEnd).getTime() - new Date(callback.windowStart).getTime()).toBe(30 * 60_000);
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Cairo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(callback.windowStart))).toBe('10:00');
      // The customer panel is refreshed: the new callback conversation is in Karim's timeline.
      await page.locator(`[data-testid="contact-timeline"] [data-conversation-id="${callback.conversationId}"]`).waitFor({ timeout: 15_000 });

      // The Callbacks screen, from the header: counts, both zones, the number left to right.
      await page.getByTestId('callbacks-button').click();
      await page.getByTestId('callbacks').waitFor();
      expect(page.url()).toMatch(/\/console\/callbacks$/);
      await page.locator(`[data-testid="callbacks-count-scheduled"][data-count="${summaryBefore.scheduled! + 1}"]`).waitFor();
      for (const s of ['done', 'missed', 'cancelled']) await page.getByTestId(`callbacks-count-${s}`).waitFor();
      const row = page.locator(`[data-testid="callback-row"][data-callback-id="${callback.id}"]`);
      await row.waitFor();
      expect(await row.getByTestId('callback-agent-time').textContent()).toContain('08:00–08:30');
      const customerTime = (await row.getByTestId('callback-customer-time').textContent())!;
      expect(customerTime).toContain('Africa/Cairo');
      expect(customerTime).toContain('10:00–10:30');
      expect(await row.getByTestId('callback-phone').getAttribute('dir')).toBe('ltr');
      expect(await row.getByTestId('callback-phone').textContent()).toBe('+201005550199');
      expect((await row.getByTestId('callback-owner').textContent())!.trim()).not.toBe('');
      expect(await row.getByTestId('callback-status').textContent()).toContain('Scheduled');
      await screenshot(page, 'list-en');

      // Arabic: right to left, translated, the number still left to right.
      await page.getByTestId('language-switcher').selectOption('ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.getByRole('heading', { name: 'طلبات معاودة الاتصال' }).waitFor();
      expect(await row.getByTestId('callback-status').textContent()).toContain('مجدولة');
      await screenshot(page, 'list-ar');
      await row.getByTestId('callback-agent-time').screenshot({ path: join('test-results', 'callbacks-time-ar.png') });
      await page.getByTestId('language-switcher').selectOption('en');

      // Filters: it is among the scheduled ones, not the missed ones.
      await page.getByTestId('callbacks-filter').selectOption('missed');
      await row.waitFor({ state: 'detached' });
      await page.getByTestId('callbacks-filter').selectOption('scheduled');
      await row.waitFor();
      await page.getByTestId('callbacks-filter').selectOption('');
      await row.waitFor();

      // Done, by keyboard: the row says so, the buttons go, the counts move, its conversation is resolved.
      await row.getByTestId('callback-done').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('callbacks-notice').filter({ hasText: 'marked done' }).waitFor();
      await page.locator(`[data-testid="callback-row"][data-callback-id="${callback.id}"][data-status="done"]`).waitFor();
      expect(await row.getByTestId('callback-done').count()).toBe(0);
      await page.locator(`[data-testid="callbacks-count-done"][data-count="${summaryBefore.done! + 1}"]`).waitFor();
      expect((await get<{ items: CallbackView[] }>(omar, '/api/v1/callbacks?status=done')).items.map((c) => c.id)).toContain(callback.id);
      expect((await get<{ status: string }>(omar, `/api/v1/conversations/${callback.conversationId}`)).status).toBe('resolved');

      // Among the done ones now; the link opens the callback's conversation.
      await page.getByTestId('callbacks-filter').selectOption('done');
      await page.locator(`[data-testid="callback-row"][data-callback-id="${callback.id}"][data-status="done"]`).waitFor();
      await row.getByTestId('callback-open').click();
      await page.locator(`[data-testid="conversation"][data-conversation-id="${callback.conversationId}"]`).waitFor();
    });
  }, 180_000);
});

describe.skipIf(hasChromium)('callbacks in the console, in a real browser', () => {
  it.skip('needs Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run installs it)', () => {});
});
