import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMail, arabicWindows1256Mail, hasDovecot, startDovecot, textMail, type DovecotServer } from '../../platform/mail/index.ts';
import { testApp, type TestApp } from '../../testing/index.ts';

describe.skipIf(!hasDovecot)('an existing mailbox fetched over IMAP, end to end', () => {
  let server: DovecotServer;
  let t: TestApp;

  beforeAll(async () => {
    server = await startDovecot({ users: ['desk', 'second'] });
    t = await testApp({ jobs: { pollMs: 20 } });
  });
  afterAll(async () => {
    await t?.app.close();
    await server?.destroy();
  });

  async function conversationsBySubject() {
    const items = (await t.call(t.as.agent, 'GET', '/api/v1/conversations?limit=100')).json().items as { id: string; subject: string | null; channel: string }[];
    return new Map(items.filter((c) => c.channel === 'email').map((c) => [c.subject, c.id]));
  }

  it('when an admin adds an IMAP mailbox, then mail already there and mail arriving later become conversations, Arabic windows-1256 included, and the password is never shown', async () => {
    await appendMail(server, 'desk', [arabicWindows1256Mail((s) => iconv.encode(s, 'windows-1256'))]);
    const created = await t.call(t.as.admin, 'POST', '/api/v1/email/mailboxes', {
      address: 'desk@sanad.test', name: 'Desk', inbound: 'imap', imap: { host: server.host, port: server.port, secure: false, user: 'desk', password: server.password, pollSeconds: 5 },
    });
    expect(created.statusCode).toBe(201);
    expect(JSON.stringify(created.json())).not.toContain(server.password);
    expect(created.json()).toMatchObject({ inbound: 'imap', hasImapPassword: true, imap: { host: server.host, user: 'desk' } });

    await expect.poll(async () => (await conversationsBySubject()).has('استرجاع المبلغ'), { timeout: 20_000 }).toBe(true);
    const id = (await conversationsBySubject()).get('استرجاع المبلغ')!;
    const messages = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/messages`)).json().items as { body: string }[];
    // windows-1256 has no Arabic-Indic digits: the sender's encoder wrote them as '?'.
    expect(messages[0]?.body).toContain('مرحباً، أريد استرجاع المبلغ للطلب');
    const emails = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/email`)).json().items;
    expect(emails[0]).toMatchObject({ textDirection: 'rtl', from: { address: 'huda@customer.example', name: 'هدى' } });

    // Arriving while the fetcher idles.
    await appendMail(server, 'desk', [textMail('Card never arrived')]);
    await expect.poll(async () => (await conversationsBySubject()).has('Card never arrived'), { timeout: 20_000 }).toBe(true);
    const stored = await t.ctx.db.query("select count(*)::int as n from email_inbound where source = 'imap'");
    expect(stored[0]).toEqual({ n: 2 });
  });

  it('when a mailbox is given a wrong password, then it is refused by the server and nothing is imported, and fixing it starts the import', async () => {
    await appendMail(server, 'second', [textMail('Second desk mail')]);
    const created = await t.call(t.as.admin, 'POST', '/api/v1/email/mailboxes', {
      address: 'desk2@sanad.test', name: 'Desk 2', inbound: 'imap', imap: { host: server.host, port: server.port, secure: false, user: 'second', password: 'wrong', pollSeconds: 5 },
    });
    expect(created.statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 1500));
    const before = await t.ctx.db.query('select count(*)::int as n from email_inbound where mailbox_id = $1', [created.json().id]);
    expect(before[0]).toEqual({ n: 0 });
    const fixed = await t.call(t.as.admin, 'PATCH', `/api/v1/email/mailboxes/${created.json().id}`, { imap: { host: server.host, port: server.port, secure: false, user: 'second', password: server.password, pollSeconds: 5 } });
    expect(fixed.statusCode).toBe(200);
    await expect.poll(async () => (await conversationsBySubject()).has('Second desk mail'), { timeout: 30_000 }).toBe(true);
  });
});
