/**
 * SLAs in the console, end to end: a promise made by a policy counts down in the inbox and the
 * conversation, the inbox sorts by time left, a reply meets the promise, and an admin adds a
 * calendar and a policy through the settings screen (a server refusal shown beside the form).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSanad } from '../src/main.ts';
import { hasChromium, withScreenshots } from '../src/testing/index.ts';
import { saveScreenshot, signInInPage, signInOverApi, startDemoDesk, type DemoDesk, type Session } from './support/demo-desk.ts';

let desk: DemoDesk;
let sanad: RunningSanad;
let browser: Browser;
let admin: Session;

const screenshot = (page: Page, name: string) => saveScreenshot(page, 'sla', name);

async function call<T>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
  const answer = await fetch(`${sanad.url}${path}`, {
    method, headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await answer.text();
  expect(expected, `${method} ${path}: ${text}`).toContain(answer.status);
  return (text ? JSON.parse(text) : null) as T;
}

interface Clock { kind: string; outcome: string; dueAt: string | null }
interface Policy { id: string; name: string; targets: Record<string, number | null>; escalation: { kind: string; offsetSeconds: number; action: string }[]; conditions: Record<string, string[]>; calendarId: string | null }
interface Calendar { id: string; name: string; calendar: { timeZone: string; weekly?: { day: number }[]; holidays?: { date: string; name: string }[] } }

/** A customer writes in through an integration's token (agents cannot post customer lines). */
async function customerConversation(token: string, channel: string, priority: string, name: string, body: string): Promise<{ id: string; number: number }> {
  const answer = await fetch(`${sanad.url}/api/v1/conversations`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ channel, priority, subject: body, contact: { name, language: 'en' }, message: { kind: 'customer', body } }),
  });
  expect(answer.status).toBe(201);
  return (await answer.json()) as { id: string; number: number };
}

async function waitForClock(conversationId: string, kind: string): Promise<Clock> {
  for (let i = 0; i < 100; i += 1) {
    const { items } = await call<{ items: Clock[] }>('GET', `/api/v1/conversations/${conversationId}/sla`);
    const clock = items.find((c) => c.kind === kind && c.outcome === 'running' && c.dueAt);
    if (clock) return clock;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no running ${kind} clock on ${conversationId}`);
}

describe.runIf(hasChromium)('SLAs in the console, in a real browser', () => {
  beforeAll(async () => {
    desk = await startDemoDesk('sla');
    ({ sanad, browser } = desk);
    admin = await signInOverApi(sanad, 'admin@sanad.test');
  }, 180_000);
  afterAll(async () => desk?.stop());

  it('a promise counts down, sorts the inbox, is met by a reply; an admin adds a calendar and a policy', async () => {
    // The demo's own conversations are resolved first, so "time left" order is ours alone to check.
    const open = await call<{ items: { id: string }[] }>('GET', '/api/v1/conversations?status=open&status=pending&limit=200');
    for (const c of open.items) await call('POST', `/api/v1/conversations/${c.id}/status`, { status: 'resolved' });

    // A policy for high-priority API conversations: first response in 2 minutes, a warning a minute before, counted 24/7.
    const calendars = await call<{ items: Calendar[] }>('GET', '/api/v1/sla/calendars');
    const always = calendars.items.find((c) => c.name === '24/7')!;
    const policy = await call<Policy>('POST', '/api/v1/sla/policies', {
      name: 'E2E urgent API', conditions: { channels: ['api'], priorities: ['high'] },
      targets: { firstResponseSeconds: 120, nextResponseSeconds: null, resolutionSeconds: 3600 },
      escalation: [{ kind: 'first_response', offsetSeconds: -60, action: 'notify_owner' }], calendarId: always.id, enabled: true,
    });
    const { token } = await call<{ token: string }>('POST', '/api/v1/tokens', { name: 'e2e-sla', scopes: ['conversations:read', 'conversations:write'] });

    // Three customers write: a 2-minute promise, an email (hours, office calendar) and one with no promise.
    const urgent = await customerConversation(token, 'api', 'high', 'Rana Haddad', 'My payment failed twice');
    const email = await customerConversation(token, 'email', 'normal', 'Tom Baker', 'Invoice copy please');
    const none = await customerConversation(token, 'api', 'normal', 'Mona Saleh', 'Just saying thanks');
    const clock = await waitForClock(urgent.id, 'first_response');
    expect(Date.parse(clock.dueAt!) - Date.now()).toBeLessThanOrEqual(120_000);

    const page = await (await browser.newContext({ locale: 'en', viewport: { width: 1400, height: 1000 } })).newPage();
    await withScreenshots('sla', { admin: page }, async () => {
      await signInInPage(sanad, page, '/console/', 'admin@sanad.test');
      const item = (id: string) => page.locator(`[data-testid="inbox-item"][data-conversation-id="${id}"]`);
      const chip = item(urgent.id).getByTestId('inbox-sla');
      await chip.waitFor({ timeout: 20_000 });
      expect(await chip.getAttribute('data-state')).toBe('running');
      expect(await chip.getAttribute('data-kind')).toBe('first_response');
      const before = (await chip.textContent())!;
      expect(before).toMatch(/\d+m \d\ds left|\d+s left/);
      // It ticks down on its own, every second, between fetches.
      await page.waitForFunction(
        ({ id, text }) => {
          const el = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document
            .querySelector(`[data-conversation-id="${id}"] [data-testid="inbox-sla"]`);
          return el !== null && el.textContent !== text;
        },
        { id: urgent.id, text: before }, { timeout: 5_000 },
      );
      expect(await item(none.id).getByTestId('inbox-sla').count()).toBe(0);

      // Recent activity puts the newest first; time left puts the 2-minute promise first and the promise-less one last.
      const order = async () => page.getByTestId('inbox-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-conversation-id')));
      expect((await order())[0]).toBe(none.id);
      await page.getByTestId('inbox-sort').selectOption('time_left');
      await item(email.id).getByTestId('inbox-sla').waitFor({ timeout: 20_000 });
      await expect.poll(order, { timeout: 10_000 }).toEqual([urgent.id, email.id, none.id]);
      await screenshot(page, 'inbox-time-left-en');

      // The conversation's header counts down too.
      await item(urgent.id).locator('a').click();
      const first = page.locator('[data-testid="sla-clock"][data-kind="first_response"]');
      await first.waitFor({ timeout: 15_000 });
      expect(await first.getAttribute('data-state')).toBe('running');
      await page.locator('[data-testid="sla-clock"][data-kind="resolution"][data-state="running"]').waitFor();
      const headerBefore = (await first.getByTestId('sla-clock-time').textContent())!;
      await expect.poll(async () => first.getByTestId('sla-clock-time').textContent(), { timeout: 5_000 }).not.toBe(headerBefore);

      // Arabic: right to left, the countdown in Arabic words.
      await page.getByTestId('language-switcher').selectOption('ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expect.poll(async () => first.getByTestId('sla-clock-time').textContent()).toMatch(/\d+ (د|ث)/);
      await screenshot(page, 'conversation-countdown-ar');
      await page.getByTestId('language-switcher').selectOption('en');

      // A reply meets the first-response promise; the resolution promise keeps running.
      await page.getByTestId('reply-textarea').fill('Sorry about that — I am checking your payment now.');
      await page.getByTestId('send-button').click();
      await page.locator('[data-testid="sla-clock"][data-kind="first_response"][data-state="met"]').waitFor({ timeout: 20_000 });
      expect(await first.textContent()).toContain('Met');
      await page.locator('[data-testid="sla-clock"][data-kind="resolution"][data-state="running"]').waitFor();
      await screenshot(page, 'conversation-met-en');
      // With nothing left to answer, the inbox chip counts the resolution promise instead.
      await expect.poll(async () => item(urgent.id).getByTestId('inbox-sla').getAttribute('data-kind'), { timeout: 20_000 }).toBe('resolution');

      // A 1-second promise is broken at once: red and flagged in the inbox (first by time left) and the
      // header, and the scheduler's breach note arrives on the timeline.
      await call('POST', '/api/v1/sla/policies', {
        name: 'E2E instant', conditions: { channels: ['api'], priorities: ['urgent'] },
        targets: { firstResponseSeconds: 1, nextResponseSeconds: null, resolutionSeconds: null },
        escalation: [{ kind: 'first_response', offsetSeconds: 0, action: 'notify_supervisors' }], calendarId: always.id, enabled: true,
      });
      const late = await customerConversation(token, 'api', 'urgent', 'Omar Nasser', 'Still waiting for my refund!');
      await item(late.id).locator('[data-testid="inbox-sla"][data-state="breached"]').waitFor({ timeout: 20_000 });
      await expect.poll(async () => (await order())[0], { timeout: 10_000 }).toBe(late.id);
      await item(late.id).locator('a').click();
      const broken = page.locator('[data-testid="sla-clock"][data-kind="first_response"][data-state="breached"]');
      await broken.waitFor({ timeout: 15_000 });
      expect(await broken.textContent()).toContain('Overdue by');
      await page.locator('[data-testid="message"][data-kind="note"]').filter({ hasText: /^.*SLA/ }).first().waitFor({ timeout: 20_000 });
      await screenshot(page, 'conversation-breached-en');

      // Settings: the policies in order, with the one made over the API.
      await page.getByTestId('sla-settings-button').click();
      await page.getByTestId('sla-settings').waitFor();
      await page.locator(`[data-testid="sla-policy-row"][data-policy-id="${policy.id}"]`).waitFor();
      await page.getByTestId('sla-report').waitFor();

      // A calendar through the form: an unknown time zone is refused by the server, shown beside the form.
      await page.getByTestId('sla-calendar-new').click();
      const calendarForm = page.getByTestId('sla-calendar-form');
      await calendarForm.getByTestId('sla-calendar-name').fill('Cairo support');
      await calendarForm.getByTestId('sla-calendar-timezone').fill('Mars/Olympus_Mons');
      await calendarForm.getByTestId('sla-calendar-save').click();
      await calendarForm.getByTestId('sla-calendar-error').filter({ hasText: 'timeZone' }).waitFor();
      expect(await calendarForm.getByTestId('sla-calendar-timezone').getAttribute('aria-invalid')).toBe('true');
      await calendarForm.getByTestId('sla-calendar-timezone').fill('Africa/Cairo');
      // Sunday gets hours too (Monday to Friday are there already), and a holiday.
      await calendarForm.locator('[data-testid="sla-calendar-day"][data-day="0"]').getByTestId('sla-window-add').click();
      await calendarForm.locator('[data-testid="sla-calendar-day"][data-day="0"]').getByTestId('sla-window-end').fill('13:00');
      await calendarForm.getByTestId('sla-holiday-add').click();
      await calendarForm.getByTestId('sla-holiday-date').fill('2026-04-20');
      await calendarForm.getByTestId('sla-holiday-name').fill('Sham El-Nessim');
      await screenshot(page, 'calendar-form-en');
      await calendarForm.getByTestId('sla-calendar-save').click();
      await page.getByTestId('sla-calendar-notice').filter({ hasText: 'Cairo support' }).waitFor();
      const cairo = (await call<{ items: Calendar[] }>('GET', '/api/v1/sla/calendars')).items.find((c) => c.name === 'Cairo support')!;
      expect(cairo.calendar.timeZone).toBe('Africa/Cairo');
      expect(cairo.calendar.weekly?.map((w) => w.day)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(cairo.calendar.holidays).toEqual([{ date: '2026-04-20', name: 'Sham El-Nessim' }]);

      // A policy through the form: targets in minutes and hours, a warning step, the new calendar.
      await page.getByTestId('sla-policy-new').click();
      const policyForm = page.getByTestId('sla-policy-form');
      await policyForm.getByTestId('sla-form-name').fill('VIP WhatsApp');
      await policyForm.getByTestId('sla-form-channel-whatsapp').check();
      await policyForm.getByTestId('sla-form-tiers').fill('vip, gold');
      await policyForm.getByTestId('sla-form-target-firstResponse').fill('15');
      await policyForm.getByTestId('sla-form-target-resolution').fill('4');
      await policyForm.getByTestId('sla-step-add').click();
      await policyForm.getByTestId('sla-step-minutes').fill('5');
      await policyForm.getByTestId('sla-form-calendar').selectOption(cairo.id);
      await screenshot(page, 'policy-form-en');
      await policyForm.getByTestId('sla-form-save').click();
      await page.getByTestId('sla-policy-notice').filter({ hasText: 'VIP WhatsApp' }).waitFor();
      const policies = (await call<{ items: Policy[] }>('GET', '/api/v1/sla/policies')).items;
      const vip = policies.find((p) => p.name === 'VIP WhatsApp')!;
      expect(vip.targets).toEqual({ firstResponseSeconds: 900, nextResponseSeconds: null, resolutionSeconds: 14_400 });
      expect(vip.escalation).toEqual([{ kind: 'first_response', offsetSeconds: -300, action: 'notify_owner' }]);
      expect(vip.conditions).toEqual({ channels: ['whatsapp'], tiers: ['vip', 'gold'] });
      expect(vip.calendarId).toBe(cairo.id);
      expect(policies.at(-1)!.id).toBe(vip.id);

      // Moved up one place: the order endpoint is called with every id.
      await page.locator(`[data-testid="sla-policy-row"][data-policy-id="${vip.id}"]`).getByTestId('sla-policy-up').click();
      await page.getByTestId('sla-policy-notice').filter({ hasText: 'VIP WhatsApp moved' }).waitFor();
      const reordered = (await call<{ items: Policy[] }>('GET', '/api/v1/sla/policies')).items.map((p) => p.id);
      expect(reordered.at(-2)).toBe(vip.id);
      await screenshot(page, 'settings-en');
      await page.getByTestId('language-switcher').selectOption('ar');
      await page.getByRole('heading', { name: 'اتفاقيات الخدمة' }).waitFor();
      await screenshot(page, 'settings-ar');
    });
  }, 180_000);
});
