import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { sampleFiles, testApp, TestSocket, type Frame, type TestApp } from '../../testing/index.ts';
import { identitySecret } from './visitor-token.ts';
import { transact } from '../../platform/outbox/index.ts';

let t: TestApp;
let base: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  t = await testApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  await t.app.close();
});

async function session(body: object = {}) {
  const response = await t.call(t.anonymous, 'POST', '/api/v1/chat/session', body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { visitorToken: string; visitorId: string; contactId: string; availability: { agentsOnline: number } };
}

async function visitorSocket(token: string, host = base) {
  const socket = await TestSocket.open(`ws://${host}/ws/chat?token=${encodeURIComponent(token)}`);
  sockets.push(socket);
  await socket.ofType('ready');
  return socket;
}

async function agentSocket(host = base) {
  const socket = await TestSocket.open(`ws://${host}/ws/agent`, { cookie: t.as.agent.headers.cookie!, origin: `http://${host}` });
  sockets.push(socket);
  await socket.ofType('ready');
  return socket;
}

const isMessage = (conversationId: string, seq?: number) => (f: Frame) =>
  f.type === 'message' && f.conversationId === conversationId && (seq === undefined || (f.message as { seq: number }).seq === seq);

async function firstChat(visitor: TestSocket, body = 'مرحبا، أحتاج مساعدة في طلبي', clientId = `c-${Math.random()}`) {
  visitor.send({ type: 'send', clientId, body });
  const ack = await visitor.ofType('ack', (f) => f.clientId === clientId);
  return { conversationId: ack.conversationId as string, ack, clientId };
}

describe('visitor sessions', () => {
  it('when a visitor comes back with their token, then they are the same visitor and contact; a forged token starts a new one', async () => {
    const first = await session({ locale: 'ar' });
    const again = await session({ visitorToken: first.visitorToken });
    expect([again.visitorId, again.contactId]).toEqual([first.visitorId, first.contactId]);
    const forged = await session({ visitorToken: `${first.visitorToken.slice(0, -2)}xx` });
    expect(forged.visitorId).not.toBe(first.visitorId);
  });

  it('when the host site vouches for its user with the right hash, then earlier anonymous chats join the known customer; a wrong hash is refused', async () => {
    const anonymous = await session();
    const visitor = await visitorSocket(anonymous.visitorToken);
    const { conversationId } = await firstChat(visitor);
    const hash = createHmac('sha256', identitySecret(t.ctx.hmacKey, t.workspace.id)).update('user-42').digest('hex');
    const wrong = await t.call(t.anonymous, 'POST', '/api/v1/chat/session', { visitorToken: anonymous.visitorToken, user: { id: 'user-42', hash: '0'.repeat(64) } });
    expect(wrong.json().error.code).toBe('IDENTITY_UNVERIFIED');
    const known = await session({ visitorToken: anonymous.visitorToken, user: { id: 'user-42', hash, name: 'Huda', email: 'huda@example.com' } });
    const timeline = await t.call(t.as.agent, 'GET', `/api/v1/conversations?contactId=${known.contactId}`);
    expect(timeline.json().items.map((c: { id: string }) => c.id)).toContain(conversationId);
    const contact = await t.call(t.as.agent, 'GET', `/api/v1/contacts/${known.contactId}`);
    expect(contact.json().identities).toEqual(expect.arrayContaining([{ kind: 'external', value: 'user-42' }, { kind: 'email', value: 'huda@example.com' }]));
  });
});

describe('other conversation events', () => {
  it('when something else happens to a conversation (a reply sent, an SLA step), then consoles are told its name and visitors are told nothing', async () => {
    const agent = await agentSocket();
    const { visitorToken } = await session();
    const visitor = await visitorSocket(visitorToken);
    const { conversationId } = await firstChat(visitor);
    await transact(t.ctx, async (tx) => {
      tx.emit({ type: 'sla.breached', workspaceId: t.workspace.id, subjectType: 'conversation', subjectId: conversationId, actor: { type: 'system' }, payload: {} });
    });
    expect(await agent.next((f) => f.type === 'conversation_event' && f.event === 'sla.breached')).toEqual({ type: 'conversation_event', conversationId, event: 'sla.breached' });
    expect(visitor.all('conversation_event')).toEqual([]);
  });
});

describe('messages both ways', () => {
  it('when a visitor writes, then the ack comes after commit, the agent sees it live, replies reach the visitor and notes never do', async () => {
    const agent = await agentSocket();
    const { visitorToken } = await session();
    const visitor = await visitorSocket(visitorToken);
    const { conversationId, ack } = await firstChat(visitor);
    expect(ack).toMatchObject({ seq: 1, duplicate: false });
    const stored = await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversationId}/messages`);
    expect(stored.json().items).toHaveLength(1);
    expect((await agent.next(isMessage(conversationId, 1))).message).toMatchObject({ kind: 'customer', body: 'مرحبا، أحتاج مساعدة في طلبي' });

    const url = `/api/v1/conversations/${conversationId}/messages`;
    await t.call(t.as.agent, 'POST', url, { kind: 'note', body: 'VIP, check order history', clientId: 'n1' });
    await t.call(t.as.agent, 'POST', url, { kind: 'agent', body: 'أهلاً! كيف أستطيع المساعدة؟', clientId: 'r1' });
    const reply = await visitor.next(isMessage(conversationId, 3));
    expect(reply.message).toMatchObject({ kind: 'agent', author: { type: 'agent', name: t.agent.name } });
    await agent.next(isMessage(conversationId, 3));
    await t.call(t.as.admin, 'POST', `/api/v1/conversations/${conversationId}/assign`, { ownerId: t.agent.id });
    await t.call(t.as.admin, 'POST', `/api/v1/conversations/${conversationId}/assign`, { ownerId: t.supervisor.id, reason: 'angry VIP, escalate' });
    await t.call(t.as.agent, 'POST', url, { kind: 'agent', body: 'still here', clientId: 'r2' });
    await visitor.next((f) => f.type === 'message' && (f.message as { body: string }).body === 'still here');
    expect(agent.all('message').map((f) => (f.message as { kind: string }).kind)).toContain('note');
    expect(visitor.all('message').map((f) => (f.message as { kind: string }).kind)).not.toContain('note');
    // Transfer reasons and status wording are the team's; the customer only learns who helps them.
    expect(JSON.stringify(visitor.frames)).not.toContain('escalate');
  });

  it('when a visitor resends a message with the same clientId, then it is acknowledged as a duplicate and stored once', async () => {
    const { visitorToken } = await session();
    const visitor = await visitorSocket(visitorToken);
    const { conversationId, clientId } = await firstChat(visitor, 'hello');
    visitor.send({ type: 'send', clientId, body: 'hello' });
    expect(await visitor.ofType('ack', (f) => f.clientId === clientId)).toMatchObject({ duplicate: true, seq: 1, conversationId });
    const stored = await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversationId}/messages`);
    expect(stored.json().items).toHaveLength(1);
  });

  it('when the visitor was away, then on reconnect a resume brings exactly what they missed, in order', async () => {
    const { visitorToken } = await session();
    const visitor = await visitorSocket(visitorToken);
    const { conversationId } = await firstChat(visitor);
    await visitor.close();
    for (const n of [1, 2, 3]) {
      await t.call(t.as.agent, 'POST', `/api/v1/conversations/${conversationId}/messages`, { kind: 'agent', body: `missed ${n}`, clientId: `m${n}` });
    }
    const back = await TestSocket.open(`ws://${base}/ws/chat?token=${encodeURIComponent(visitorToken)}`);
    sockets.push(back);
    const ready = await back.ofType('ready');
    expect(ready.conversations).toEqual([{ id: conversationId, status: 'open', lastSeq: 4 }]);
    back.send({ type: 'resume', conversationId, afterSeq: 1 });
    expect(await back.ofType('resumed')).toMatchObject({ conversationId, lastSeq: 4 });
    expect(back.all('message').map((f) => (f.message as { body: string }).body)).toEqual(['missed 1', 'missed 2', 'missed 3']);
  });

  it('when the server restarts mid-conversation, then both sides reconnect and resume with nothing lost or doubled', async () => {
    const second = await buildApp({ ctx: t.ctx });
    await second.listen({ port: 0, host: '127.0.0.1' });
    const host = `127.0.0.1:${(second.server.address() as { port: number }).port}`;
    const { visitorToken } = await session();
    const visitor = await visitorSocket(visitorToken, host);
    const { conversationId } = await firstChat(visitor, 'before restart');
    await second.close();
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${conversationId}/messages`, { kind: 'agent', body: 'while you were away', clientId: 'w1' });

    const third = await buildApp({ ctx: t.ctx });
    await third.listen({ port: 0, host: '127.0.0.1' });
    const host3 = `127.0.0.1:${(third.server.address() as { port: number }).port}`;
    try {
      const again = await visitorSocket(visitorToken, host3);
      again.send({ type: 'resume', conversationId, afterSeq: 1 });
      await again.ofType('resumed');
      again.send({ type: 'send', clientId: 'after-restart', body: 'after restart' });
      await again.ofType('ack', (f) => f.clientId === 'after-restart');
      await again.next(isMessage(conversationId, 3));
      const seqs = again.all('message').map((f) => (f.message as { seq: number }).seq);
      expect(seqs).toEqual([2, 3]);
      const stored = await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversationId}/messages`);
      expect(stored.json().items.map((m: { body: string }) => m.body)).toEqual(['before restart', 'while you were away', 'after restart']);
    } finally {
      await third.close();
    }
  });
});

describe('attachments from visitors', () => {
  it('when a visitor uploads a picture and sends it, then the agent sees it on the message; only that visitor and agents can download it', async () => {
    const { visitorToken } = await session();
    const visitor = await visitorSocket(visitorToken);
    const agent = await agentSocket();
    const upload = await t.app.inject({
      method: 'POST', url: '/api/v1/chat/attachments?name=photo.png', headers: { 'x-visitor-token': visitorToken, 'content-type': 'image/png' },
      payload: Buffer.from(sampleFiles.png),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const id = upload.json().id as string;
    visitor.send({ type: 'send', clientId: 'with-photo', body: 'the broken part', attachmentIds: [id] });
    const ack = await visitor.ofType('ack', (f) => f.clientId === 'with-photo');
    const seen = await agent.next(isMessage(ack.conversationId as string, ack.seq as number));
    expect((seen.message as { attachments: unknown[] }).attachments).toEqual([{ id, name: 'photo.png', contentType: 'image/png', size: sampleFiles.png.length }]);
    const own = await t.call(t.anonymous, 'GET', `/api/v1/chat/attachments/${id}?token=${encodeURIComponent(visitorToken)}`);
    expect(own.statusCode).toBe(200);
    const other = (await session()).visitorToken;
    const foreign = await t.call(t.anonymous, 'GET', `/api/v1/chat/attachments/${id}?token=${encodeURIComponent(other)}`);
    expect(foreign.json().error.code).toBe('ATTACHMENT_NOT_FOUND');
    expect((await t.call(t.as.agent, 'GET', `/api/v1/attachments/${id}`)).statusCode).toBe(200);
  });

  it('when the visitor token is missing, then the upload is refused with 401', async () => {
    const upload = await t.app.inject({ method: 'POST', url: '/api/v1/chat/attachments', headers: { 'content-type': 'image/png' }, payload: Buffer.from(sampleFiles.png) });
    expect(upload.statusCode).toBe(401);
  });
});

describe('the queue', () => {
  it('when two visitors wait, then each learns their place; when an agent takes the first, that visitor learns who they talk to', async () => {
    const first = await visitorSocket((await session()).visitorToken);
    const { conversationId } = await firstChat(first, 'first in line');
    const firstQueue = await first.ofType('queue', (f) => f.conversationId === conversationId);
    const second = await visitorSocket((await session()).visitorToken);
    const secondChat = await firstChat(second, 'second in line');
    const secondQueue = await second.ofType('queue', (f) => f.conversationId === secondChat.conversationId);
    expect((secondQueue.position as number) - (firstQueue.position as number)).toBe(1);
    await t.call(t.as.admin, 'POST', `/api/v1/conversations/${conversationId}/assign`, { ownerId: t.agent.id });
    const taken = await first.ofType('conversation', (f) => (f.conversation as { agent: unknown }).agent !== null);
    expect(taken.conversation).toMatchObject({ id: conversationId, status: 'open', agent: { name: t.agent.name } });
    expect(await first.ofType('queue', (f) => f.position === null)).toMatchObject({ conversationId, estimatedWaitSeconds: null });
  });
});

describe('a visitor sees only their own conversations', () => {
  it("when a visitor names someone else's conversation, then it is NOT_FOUND, for reading, writing and typing alike", async () => {
    const owner = await visitorSocket((await session()).visitorToken);
    const { conversationId } = await firstChat(owner, 'private');
    const intruder = await visitorSocket((await session()).visitorToken);
    intruder.send({ type: 'resume', conversationId, afterSeq: 0 });
    intruder.send({ type: 'send', clientId: 'x1', body: 'let me in', conversationId });
    intruder.send({ type: 'typing', conversationId, typing: true });
    const errors = [await intruder.ofType('error'), await intruder.ofType('error'), await intruder.ofType('error')];
    expect(errors.map((e) => e.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(intruder.all('message')).toEqual([]);
    const stored = await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversationId}/messages`);
    expect(stored.json().items).toHaveLength(1);
  });

  it('when a socket is opened without a token, a forged one, or an agent socket without a session or from a foreign page, then the upgrade is refused', async () => {
    await expect(TestSocket.open(`ws://${base}/ws/chat`)).rejects.toThrow('401');
    await expect(TestSocket.open(`ws://${base}/ws/chat?token=v1.abc.def`)).rejects.toThrow('401');
    await expect(TestSocket.open(`ws://${base}/ws/agent`)).rejects.toThrow('401');
    await expect(TestSocket.open(`ws://${base}/ws/agent`, { cookie: t.as.agent.headers.cookie!, origin: 'https://evil.example' })).rejects.toThrow('403');
  });
});

describe('bad frames get error frames, never a crash', () => {
  it.each([
    ['not JSON', 'BAD_FRAME', '{oops'],
    ['an unknown type', 'BAD_FRAME', { type: 'teleport' }],
    ['a missing field', 'BAD_FRAME', { type: 'send', body: 'no client id' }],
    ['a wrong type', 'BAD_FRAME', { type: 'resume', conversationId: 'nope', afterSeq: -1 }],
    ['an unknown field', 'BAD_FRAME', { type: 'ping', extra: true }],
    ['a frame over 32 KiB', 'FRAME_TOO_LARGE', { type: 'send', clientId: 'big', body: 'x'.repeat(33 * 1024) }],
  ])('when a visitor sends %s, then an error frame says %s and the socket keeps working', async (_label, code, frame) => {
    const visitor = await visitorSocket((await session()).visitorToken);
    visitor.send(frame);
    expect((await visitor.ofType('error')).code).toBe(code);
    visitor.send({ type: 'ping' });
    await visitor.ofType('pong');
  });

  it('when a visitor floods messages, then those past the limit are refused with RATE_LIMITED', async () => {
    const visitor = await visitorSocket((await session()).visitorToken);
    for (let i = 0; i < 21; i++) visitor.send({ type: 'send', clientId: `f${i}`, body: `flood ${i}` });
    const refused = await visitor.ofType('error');
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', ref: 'f20' });
  });
});

describe('every documented frame', () => {
  const doc = readFileSync(new URL('../../../docs/chat-protocol.md', import.meta.url), 'utf8');
  const section = (title: string) => doc.split(`### ${title}`)[1]!.split('###')[0]!;
  const typesIn = (text: string) => [...new Set([...text.matchAll(/`\{ "type": "(\w+)"/g)].map((m) => m[1]!))];

  it('when each client frame type of the protocol document is sent, then the server understands it, and each server frame type is seen', async () => {
    const agent = await agentSocket();
    const visitor = await visitorSocket((await session()).visitorToken);
    const { conversationId } = await firstChat(visitor);
    const visitorFrames: Record<string, object> = {
      send: { type: 'send', clientId: 'doc-1', body: 'hi', conversationId },
      resume: { type: 'resume', conversationId, afterSeq: 0 },
      typing: { type: 'typing', conversationId, typing: true },
      handoff: { type: 'handoff', conversationId },
      ping: { type: 'ping' },
    };
    const agentFrames: Record<string, object> = {
      resume: { type: 'resume', conversationId, afterSeq: 0 },
      typing: { type: 'typing', conversationId, typing: true },
      ping: { type: 'ping' },
    };
    expect(typesIn(section('Visitor → server')).sort()).toEqual(Object.keys(visitorFrames).sort());
    expect(typesIn(section('Agent → server')).sort()).toEqual(Object.keys(agentFrames).sort());
    for (const frame of Object.values(visitorFrames)) visitor.send(frame);
    for (const frame of Object.values(agentFrames)) agent.send(frame);
    await visitor.ofType('pong');
    await agent.ofType('pong');
    await agent.ofType('typing', (f) => (f.who as { type: string }).type === 'contact');
    await visitor.ofType('typing', (f) => (f.who as { type: string }).type === 'agent');
    await agent.next((f) => f.type === 'message' && (f.message as { body: string }).body === 'The customer asked to talk to a person.');
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${conversationId}/status`, { status: 'resolved' });
    await visitor.ofType('conversation', (f) => (f.conversation as { status: string }).status === 'resolved');
    await agent.ofType('conversation');
    const seen = new Set([...visitor.frames, ...agent.frames].map((f) => f.type));
    for (const type of typesIn(section('Server → client'))) {
      if (type !== 'error') expect(seen, `server frame ${type}`).toContain(type);
    }
    expect([...seen]).not.toContain('error');
  });
});
