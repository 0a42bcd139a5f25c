import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function triageOf(conversationId: string) {
  return (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversationId}/triage`)).json();
}

describe('triage on every customer message', () => {
  it('when a customer writes in Arabic with an order number and an amount, then the reading appears with language, dialect and facts, and the conversation takes the language', async () => {
    const token = await t.tokenWith(['conversations:write']);
    const started = await t.call(token, 'POST', '/api/v1/conversations', {
      channel: 'whatsapp', contact: { name: 'Mona' }, message: { kind: 'customer', body: 'عايز أرجع الطلب رقم 48213، دفعت ٣٤٩ جنيه', clientId: 'm1' },
    });
    const id = started.json().id as string;
    await expect.poll(async () => (await triageOf(id)).readings.length).toBe(1);
    const triage = await triageOf(id);
    expect(triage).toMatchObject({ language: 'ar', dialect: 'egyptian' });
    expect(triage.facts.map((f: { kind: string; value: string }) => [f.kind, f.value])).toEqual(
      expect.arrayContaining([['order_number', '48213'], ['amount', '349 EGP']]),
    );
    await expect.poll(async () => (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}`)).json().language).toBe('ar');
  });

  it('when agents write replies and notes, then only customer messages are read, and a repeated order number is listed once', async () => {
    const token = await t.tokenWith(['conversations:write']);
    const started = await t.call(token, 'POST', '/api/v1/conversations', {
      channel: 'email', contact: { name: 'Sam' }, message: { kind: 'customer', body: 'Order 77812 never arrived', clientId: 'e1' },
    });
    const id = started.json().id as string;
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'note', body: 'order 99999 is a different one' });
    await t.call(token, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'customer', body: 'Again: order 77812, please help', clientId: 'e2' });
    await expect.poll(async () => (await triageOf(id)).readings.length).toBe(2);
    const triage = await triageOf(id);
    expect(triage.readings.map((r: { seq: number }) => r.seq)).toEqual([1, 3]);
    expect(triage.facts.filter((f: { kind: string }) => f.kind === 'order_number').map((f: { value: string }) => f.value)).toEqual(['77812']);
    expect(triage.language).toBe('en');
  });

  it('when the same event is delivered twice, then one reading is kept', async () => {
    const token = await t.tokenWith(['conversations:write']);
    const started = await t.call(token, 'POST', '/api/v1/conversations', { channel: 'chat', contact: { name: 'Twice' }, message: { kind: 'customer', body: 'hello there', clientId: 't1' } });
    const id = started.json().id as string;
    await expect.poll(async () => (await triageOf(id)).readings.length).toBe(1);
    await t.ctx.db.query('update events set published_at = null where subject_id = $1', [id]);
    await t.ctx.bus.republishStale(0);
    await new Promise((r) => setTimeout(r, 200));
    expect((await triageOf(id)).readings).toHaveLength(1);
    const triaged = await t.ctx.db.query("select 1 from events where type = 'message.triaged' and subject_id = $1", [id]);
    expect(triaged).toHaveLength(1);
  });

  it("when a customer gives facts in two conversations, then the contact's timeline lists each fact once", async () => {
    const token = await t.tokenWith(['conversations:write']);
    const first = await t.call(token, 'POST', '/api/v1/conversations', {
      channel: 'email', contact: { name: 'Rami', identity: { kind: 'email', value: 'rami@example.com' } }, message: { kind: 'customer', body: 'Order 11111, call me on +966 55 000 1111' },
    });
    const contactId = first.json().contactId as string;
    await expect.poll(async () => (await triageOf(first.json().id)).readings.length).toBe(1);
    const second = await t.call(token, 'POST', '/api/v1/conversations', { channel: 'chat', contactId, message: { kind: 'customer', body: 'الطلب 22222 وكمان الطلب 11111' } });
    await expect.poll(async () => (await triageOf(second.json().id)).readings.length).toBe(1);
    const facts = (await t.call(t.as.agent, 'GET', `/api/v1/contacts/${contactId}/facts`)).json().items as { kind: string; value: string; conversationId: string }[];
    // The test clock stands still, so which mention of 11111 counts as the latest is not asserted.
    expect(facts.filter((f) => f.kind === 'order_number').map((f) => f.value).sort()).toEqual(['11111', '22222']);
    expect(facts.some((f) => f.kind === 'phone' && f.conversationId === first.json().id)).toBe(true);
    expect((await t.call(t.as.agent, 'GET', '/api/v1/contacts/00000000-0000-7000-8000-000000000000/facts')).statusCode).toBe(404);
  });

  it('when a customer reports fraud angrily, then the reading and the conversation carry negative sentiment and a high urgency with its reasons; a calm thank-you later does not lower it', async () => {
    const token = await t.tokenWith(['conversations:write']);
    const contact = await t.call(t.as.agent, 'POST', '/api/v1/contacts', { name: 'Salem', attributes: { tier: 'vip' } });
    expect(contact.statusCode, contact.body).toBe(201);
    const started = await t.call(token, 'POST', '/api/v1/conversations', {
      channel: 'chat', contactId: contact.json().id,
      message: { kind: 'customer', body: 'في عملية احتيال على بطاقتي! انسحب مني 900 ريال بدون علمي، خدمة سيئة جدا' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;
    await expect.poll(async () => (await triageOf(id)).readings.length).toBe(1);
    const reading = (await triageOf(id)).readings[0];
    expect(reading).toMatchObject({ sentiment: 'negative', urgency: expect.stringMatching(/high|critical/) });
    expect(reading.urgencyReasons).toEqual(expect.arrayContaining(['wording:fraud', 'tier:vip']));
    const conversation = async () => (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}`)).json();
    await expect.poll(async () => (await conversation()).urgency).toMatch(/high|critical/);
    const before = await conversation();
    expect(before).toMatchObject({ sentiment: 'negative', urgencyReasons: expect.arrayContaining(['wording:fraud']) });

    await t.call(token, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'customer', body: 'thank you, I will wait' });
    await expect.poll(async () => (await triageOf(id)).readings.length).toBe(2);
    await expect.poll(async () => (await conversation()).sentiment).not.toBe('negative');
    expect((await conversation()).urgencyScore).toBe(before.urgencyScore);
  });
});
