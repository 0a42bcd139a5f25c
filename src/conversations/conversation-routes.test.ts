import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function startChat(body = 'مرحبا، لم يصلني طلبي رقم 12345') {
  const token = await t.tokenWith(['conversations:write', 'conversations:read']);
  const response = await t.call(token, 'POST', '/api/v1/conversations', {
    channel: 'chat',
    contact: { name: 'Huda', identity: { kind: 'email', value: 'Huda@Example.com' } },
    message: { kind: 'customer', body, clientId: 'c-1' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { conversation: response.json(), token };
}

describe('conversations over HTTP', () => {
  it('when an integration starts a chat with a first message, then the contact is found or created and the message is sequence 1', async () => {
    const { conversation } = await startChat();
    expect(conversation).toMatchObject({ channel: 'chat', status: 'open', lastSeq: 1, ownerId: null });
    const messages = await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversation.id}/messages`);
    expect(messages.json().items).toMatchObject([{ seq: 1, kind: 'customer', body: 'مرحبا، لم يصلني طلبي رقم 12345', clientId: 'c-1' }]);
    const contact = await t.call(t.as.agent, 'GET', `/api/v1/contacts/${conversation.contactId}`);
    expect(contact.json().identities).toEqual([{ kind: 'email', value: 'huda@example.com' }]);
  });

  it('when an agent resends a message with the same clientId, then the first copy comes back and nothing is doubled', async () => {
    const { conversation } = await startChat();
    const url = `/api/v1/conversations/${conversation.id}/messages`;
    const first = await t.call(t.as.agent, 'POST', url, { kind: 'agent', body: 'Let me check', clientId: 'a-1' });
    const again = await t.call(t.as.agent, 'POST', url, { kind: 'agent', body: 'Let me check', clientId: 'a-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const conflict = await t.call(t.as.agent, 'POST', url, { kind: 'agent', body: 'Something else', clientId: 'a-1' });
    expect(conflict.json().error.code).toBe('IDEMPOTENCY_CONFLICT');
    const list = await t.call(t.as.agent, 'GET', url);
    expect(list.json().items.map((m: { seq: number }) => m.seq)).toEqual([1, 2]);
  });

  it('when a signed-in agent tries to post as the customer or the system, then it is refused', async () => {
    const { conversation } = await startChat();
    for (const kind of ['customer', 'system']) {
      const response = await t.call(t.as.agent, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { kind, body: 'x' });
      expect(response.statusCode).toBe(403);
    }
  });

  it('when a conversation is resolved and the customer writes again, then it reopens with a status line', async () => {
    const { conversation, token } = await startChat();
    const resolved = await t.call(t.as.agent, 'POST', `/api/v1/conversations/${conversation.id}/status`, { status: 'resolved' });
    expect(resolved.json().status).toBe('resolved');
    const reply = await t.call(token, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { kind: 'customer', body: 'still broken' });
    expect(reply.statusCode).toBe(201);
    const after = await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversation.id}`);
    expect(after.json()).toMatchObject({ status: 'open', resolvedAt: null });
  });

  it('when a conversation is started for an existing contact, then it joins that contact and unknown contacts get 404', async () => {
    const contact = await t.call(t.as.agent, 'POST', '/api/v1/contacts', { name: 'Known' });
    const started = await t.call(t.as.agent, 'POST', '/api/v1/conversations', { channel: 'email', contactId: contact.json().id, subject: 'Invoice' });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().contactId).toBe(contact.json().id);
    const unknown = await t.call(t.as.agent, 'POST', '/api/v1/conversations', { channel: 'email', contactId: '01a20000-0000-7000-8000-000000000000' });
    expect(unknown.json().error.code).toBe('CONTACT_NOT_FOUND');
  });

  it('when the inbox is paged, then every conversation appears exactly once', async () => {
    for (let i = 0; i < 5; i++) await startChat(`message ${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await t.call(t.as.agent, 'GET', `/api/v1/conversations?limit=2&sort=newest${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });
});
