import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, testApp, type SmtpSink, type TestApp } from '../../testing/index.ts';
import { parseMail } from './parse/index.ts';

let t: TestApp;
let sink: SmtpSink;
let smtpPort: number;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await testApp({ email: { smtp: { port: 0, host: '127.0.0.1' }, relay: sink.url }, jobs: { pollMs: 20 } });
  smtpPort = t.app.emailSmtpPort ?? 0;
  const created = await t.call(t.as.admin, 'POST', '/api/v1/email/mailboxes', { address: 'Support@Acme.test', name: 'Acme Support', inbound: 'smtp' });
  expect(created.statusCode).toBe(201);
});

afterAll(async () => {
  await t?.app.close();
  await sink?.close();
});

function client() {
  return nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
}

async function emailsOf(conversationId: string) {
  return (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversationId}/email`)).json().items as {
    messageId: string; direction: string; subject: string; html: string | null; text: string; rfcMessageId: string; delivery: { status: string; lastError: string | null } | null;
  }[];
}

async function conversationWithSubject(subject: string): Promise<string> {
  let id = '';
  await expect.poll(async () => {
    const list = (await t.call(t.as.agent, 'GET', '/api/v1/conversations?limit=100')).json().items as { id: string; subject: string | null; channel: string }[];
    id = list.find((c) => c.channel === 'email' && c.subject === subject)?.id ?? '';
    return id;
  }, { timeout: 10_000 }).not.toBe('');
  return id;
}

describe('email through a real SMTP client, into a thread, and the reply out through a relay', () => {
  it('when a customer mails support, the agent replies and the customer answers that reply, then all three are one thread with correct headers', async () => {
    const sent = await client().sendMail({
      from: '"Layla Haddad" <layla@example.com>', to: 'support@acme.test', subject: 'Refund for order 5521',
      text: 'Hello, I was charged twice for order 5521.', html: '<p>Hello, I was <b>charged twice</b> for order 5521.</p><script>alert(1)</script>',
      messageId: '<first-5521@example.com>',
    });
    expect(sent.response).toMatch(/^250/);
    const id = await conversationWithSubject('Refund for order 5521');
    const [first] = await emailsOf(id);
    expect(first).toMatchObject({ direction: 'inbound', rfcMessageId: 'first-5521@example.com' });
    expect(first?.html).toContain('<b>charged twice</b>');
    expect(first?.html).not.toContain('script');
    const conversation = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}`)).json();
    const contact = (await t.call(t.as.agent, 'GET', `/api/v1/contacts/${conversation.contactId}`)).json();
    expect(contact.identities).toEqual(expect.arrayContaining([{ kind: 'email', value: 'layla@example.com' }]));

    const before = sink.mails.length;
    expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'agent', body: 'Sorry about that, Layla. The second charge is refunded.' })).statusCode).toBe(201);
    await expect.poll(() => sink.mails.length, { timeout: 10_000 }).toBe(before + 1);
    const caught = sink.mails[before]!;
    expect(caught.to).toEqual(['layla@example.com']);
    expect(caught.from).toBe('support@acme.test');
    const reply = await parseMail(caught.raw);
    expect(reply.inReplyTo).toBe('<first-5521@example.com>');
    expect(reply.references).toEqual(['<first-5521@example.com>']);
    expect(reply.subject).toMatch(/^Re: Refund for order 5521 \[#\d+-[0-9a-f]{12}\]$/);
    expect(reply.replyTo?.address).toMatch(/^support\+c-\d+-[0-9a-f]{12}@acme\.test$/);
    expect(reply.html).toContain('dir="ltr"');
    await expect.poll(async () => (await emailsOf(id)).find((e) => e.direction === 'outbound')?.delivery?.status).toBe('sent');

    // The customer's client answers the reply: In-Reply-To names Sanad's Message-ID.
    await client().sendMail({
      from: 'layla@example.com', to: 'support@acme.test', subject: reply.subject, text: 'Thank you!', inReplyTo: reply.messageId ?? '', references: [reply.messageId ?? ''],
    });
    await expect.poll(async () => (await emailsOf(id)).length, { timeout: 10_000 }).toBe(3);
    expect((await emailsOf(id)).map((e) => e.direction)).toEqual(['inbound', 'outbound', 'inbound']);
  });

  it('when a reply lost its threading headers but kept the token in the address, then it still joins the thread; a forged token does not', async () => {
    await client().sendMail({ from: 'omar@example.com', to: 'support@acme.test', subject: 'Card blocked', text: 'My card is blocked.' });
    const id = await conversationWithSubject('Card blocked');
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'agent', body: 'Which card?' });
    await expect.poll(async () => (await emailsOf(id)).some((e) => e.delivery?.status === 'sent'), { timeout: 10_000 }).toBe(true);
    const replyTo = (await parseMail(sink.mails.at(-1)!.raw)).replyTo?.address ?? '';
    await client().sendMail({ from: 'omar@example.com', to: replyTo, subject: 'different words entirely', text: 'The blue one.' });
    await expect.poll(async () => (await emailsOf(id)).length, { timeout: 10_000 }).toBe(3);

    const forged = replyTo.replace(/-[0-9a-f]{12}@/, '-000000000000@');
    await client().sendMail({ from: 'mallory@example.com', to: forged, subject: 'sneaking in', text: 'let me in' });
    const other = await conversationWithSubject('sneaking in');
    expect(other).not.toBe(id);
  });

  it('when a mail is sent to an address that is no mailbox, then the client is refused at RCPT and nothing is stored', async () => {
    await expect(client().sendMail({ from: 'x@example.com', to: 'nobody@acme.test', subject: 'hello?', text: 'x' })).rejects.toThrow(/550|no such mailbox/);
    const stored = await t.ctx.db.query("select 1 from email_inbound where envelope->>'to' like '%nobody%'");
    expect(stored).toHaveLength(0);
  });

  it('when the same mail arrives twice (same Message-ID), then it is stored and filed once', async () => {
    const mail = { from: 'dup@example.com', to: 'support@acme.test', subject: 'Twice sent', text: 'once please', messageId: '<twice@example.com>' };
    await client().sendMail(mail);
    await client().sendMail(mail);
    const id = await conversationWithSubject('Twice sent');
    await new Promise((r) => setTimeout(r, 200));
    expect(await emailsOf(id)).toHaveLength(1);
    expect(await t.ctx.db.query("select 1 from email_inbound where rfc_message_id = 'twice@example.com'")).toHaveLength(1);
  });

  it('when the relay refuses the recipient permanently, then the reply is marked failed with the reason, and can be sent again', async () => {
    await client().sendMail({ from: 'gone@example.com', to: 'support@acme.test', subject: 'Address going away', text: 'bye' });
    const id = await conversationWithSubject('Address going away');
    sink.refuse('permanent');
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'agent', body: 'Noted.' });
    await expect.poll(async () => (await emailsOf(id)).find((e) => e.direction === 'outbound')?.delivery?.status, { timeout: 10_000 }).toBe('failed');
    const failed = (await emailsOf(id)).find((e) => e.direction === 'outbound')!;
    expect(failed.delivery?.lastError).toMatch(/550|no such user/);
    sink.refuse(null);
    const outbound = await t.ctx.db.query<{ id: string }>('select id from email_outbound where message_id = $1', [failed.messageId]);
    expect((await t.call(t.as.agent, 'POST', `/api/v1/email/outbound/${outbound[0]!.id}/retry`)).statusCode).toBe(200);
    await expect.poll(async () => (await emailsOf(id)).find((e) => e.direction === 'outbound')?.delivery?.status, { timeout: 10_000 }).toBe('sent');
  });

  it('when a mailbox acknowledges new mail, then a person gets one acknowledgement per new thread (in their language, marked automatic) up to three a day, and robots get none', async () => {
    const box = await t.call(t.as.admin, 'POST', '/api/v1/email/mailboxes', { address: 'hello@acme.test', name: 'Acme Hello', inbound: 'smtp', autoAcknowledge: true });
    expect(box.statusCode).toBe(201);
    const before = sink.mails.length;
    await client().sendMail({ from: 'noor@example.com', to: 'hello@acme.test', subject: 'سؤال عن الفاتورة', text: 'مرحبا، عندي سؤال عن الفاتورة الأخيرة.' });
    await expect.poll(() => sink.mails.length, { timeout: 10_000 }).toBe(before + 1);
    const ack = await parseMail(sink.mails.at(-1)!.raw);
    expect(ack.headers['auto-submitted']).toBe('auto-replied');
    expect(ack.text).toContain('شكراً لرسالتك');
    expect(ack.subject).toMatch(/^Re: سؤال عن الفاتورة \[#/);

    for (const n of [2, 3, 4]) await client().sendMail({ from: 'noor@example.com', to: 'hello@acme.test', subject: `New question ${n}`, text: `Question number ${n}` });
    await conversationWithSubject('New question 4');
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.mails.slice(before).filter((m) => m.to.includes('noor@example.com'))).toHaveLength(3);

    await client().sendMail({
      from: 'robot@example.com', to: 'hello@acme.test', subject: 'Automatic reply: your message', text: 'I am away.', headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await expect.poll(async () => (await t.ctx.db.query<{ status: string }>("select status from email_inbound where envelope->>'from' = 'robot@example.com'"))[0]?.status, { timeout: 10_000 }).toBe('ignored');
    expect(sink.mails.some((m) => m.to.includes('robot@example.com'))).toBe(false);
  });

  it('when a mail cannot be read at all, then it is kept, flagged and listed for an admin with its original, and reading it again is possible', async () => {
    // Over SMTP any bytes after DATA are a "mail"; this one has no header at all.
    const garbage = Buffer.from('\u0000\u0001binary nonsense with no header line\r\n'.repeat(3), 'latin1');
    await client().sendMail({ envelope: { from: 'junk@example.com', to: ['support@acme.test'] }, raw: garbage });
    let failed: { id: string; error: string; status: string } | undefined;
    await expect.poll(async () => {
      failed = (await t.call(t.as.admin, 'GET', '/api/v1/email/inbound?status=failed')).json().items[0];
      return failed?.status;
    }, { timeout: 10_000 }).toBe('failed');
    expect(failed?.error).toMatch(/not a mail/);
    const raw = await t.call(t.as.admin, 'GET', `/api/v1/email/inbound/${failed!.id}/raw`);
    expect(raw.headers['content-type']).toBe('message/rfc822');
    expect(raw.rawPayload.includes(Buffer.from('binary nonsense'))).toBe(true);
    expect((await t.call(t.as.agent, 'GET', `/api/v1/email/inbound/${failed!.id}/raw`)).statusCode).toBe(403);
    expect((await t.call(t.as.admin, 'POST', `/api/v1/email/inbound/${failed!.id}/retry`)).statusCode).toBe(200);
    await expect.poll(async () => (await t.ctx.db.query<{ status: string; attempts: number }>('select status, attempts from email_inbound where id = $1', [failed!.id]))[0], { timeout: 10_000 })
      .toEqual({ status: 'failed', attempts: 2 });
    const again = await t.call(t.as.admin, 'POST', '/api/v1/email/inbound/00000000-0000-7000-8000-000000000000/retry');
    expect(again.statusCode).toBe(404);
  });

  it('when a mail has no sender at all, then it is kept and listed as failed with the reason, not retried forever', async () => {
    const raw = Buffer.from('To: support@acme.test\r\nSubject: Nobody wrote this\r\nMessage-ID: <nobody-1@example.com>\r\n\r\nWho am I?\r\n');
    await client().sendMail({ envelope: { from: '', to: ['support@acme.test'] }, raw });
    await expect.poll(async () => (await t.ctx.db.query<{ status: string; error: string }>("select status, error from email_inbound where rfc_message_id = 'nobody-1@example.com'"))[0], { timeout: 10_000 })
      .toEqual({ status: 'failed', error: 'the mail has no sender address (no From or Reply-To)' });
  });

  it('when a mail shows a picture inline (cid:), then the HTML points at the stored attachment and the attachment is marked as shown in place', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await client().sendMail({
      from: 'pic@example.com', to: 'support@acme.test', subject: 'Screenshot inside',
      html: '<p>See the error:</p><img src="cid:shot@x">', attachments: [{ filename: 'shot.png', content: png, cid: 'shot@x', contentType: 'image/png' }, { filename: 'log.txt', content: 'log line' }],
    });
    const id = await conversationWithSubject('Screenshot inside');
    const [mail] = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/email`)).json().items as { html: string; inlineAttachmentIds: string[] }[];
    expect(mail?.inlineAttachmentIds).toHaveLength(1);
    expect(mail?.html).toContain(`/api/v1/attachments/${mail?.inlineAttachmentIds[0]}`);
    const message = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/messages`)).json().items[0] as { attachments: { id: string; name: string; contentType: string }[] };
    expect(message.attachments.map((a) => [a.name, a.contentType])).toEqual([['shot.png', 'image/png'], ['log.txt', 'application/octet-stream']]);
  });

  it('when the relay is busy (4xx), then the reply is retrying with the reason and the time of the next try, and goes out once the relay is back', async () => {
    await client().sendMail({ from: 'wait@example.com', to: 'support@acme.test', subject: 'Relay busy', text: 'hello' });
    const id = await conversationWithSubject('Relay busy');
    sink.refuse('temporary');
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'agent', body: 'On it.' });
    const outbound = async () => (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/email`)).json().items.find((e: { direction: string }) => e.direction === 'outbound')
      ?.delivery as { status: string; lastError: string | null; nextAttemptAt: string | null } | undefined;
    await expect.poll(async () => (await outbound())?.status, { timeout: 10_000 }).toBe('retrying');
    expect((await outbound())?.lastError).toMatch(/451|try later/);
    expect(new Date((await outbound())!.nextAttemptAt!).getTime()).toBeGreaterThan(t.ctx.clock().getTime());
    sink.refuse(null);
    // The queue's clock moves past the backoff (capped at an hour); the job is due again.
    t.ctx.clock.advance(61 * 60_000);
    await expect.poll(async () => (await outbound())?.status, { timeout: 10_000 }).toBe('sent');
  });
});
