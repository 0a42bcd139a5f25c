import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../testing/index.ts';

interface Seen {
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string }[] };
}

/** A small OpenAI-compatible server on loopback; `answer` decides each reply. */
let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
let answer: (request: IncomingMessage) => { status: number; body: string } = () => ({ status: 500, body: 'not set' });

const completion = (content: unknown) => JSON.stringify({ id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(content) }, finish_reason: 'stop' }] });

let t: TestApp;
let integration: Caller;
beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ authorization: request.headers.authorization, body: JSON.parse(raw) as Seen['body'] });
      const { status, body } = answer(request);
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  t = await testApp();
  integration = await t.tokenWith(['conversations:write']);
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

async function conversationWithHistory(): Promise<string> {
  const started = await t.call(integration, 'POST', '/api/v1/conversations', {
    channel: 'email', contact: { name: 'Hind', identity: { kind: 'email', value: 'hind@example.com' } },
    message: { kind: 'customer', body: 'My order 58213 arrived broken. I paid 420 SAR. Can you refund me?' },
  });
  const id = started.json().id as string;
  await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'agent', body: 'Sorry about that, Hind. Could you send a photo of the box? I will refund you within 3 days once I see it.' });
  await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'note', body: 'Checked the courier record: delivered damaged.' });
  await expect.poll(async () => (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/triage`)).json().readings.length).toBe(1);
  return id;
}

describe('the hand-off brief', () => {
  it('when no endpoint is set, then the local brief names the customer, the facts, what was tried and what was promised', async () => {
    const id = await conversationWithHistory();
    const response = await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/brief`);
    expect(response.statusCode, response.body).toBe(200);
    const brief = response.json();
    expect(brief.source).toBe('local');
    expect(brief.customer).toContain('Hind');
    expect(brief.facts).toEqual(expect.arrayContaining([{ kind: 'order_number', value: '58213' }, { kind: 'amount', value: '420 SAR' }]));
    expect(brief.promised.join(' ')).toContain('refund you within 3 days');
    expect(brief.fallbackReason).toBeUndefined();
    const arabic = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/brief?locale=ar`)).json();
    expect(arabic.summary).toMatch(/[\u0600-\u06FF]/);
    expect((await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/brief?locale=de`)).statusCode).toBe(400);
  });

  it('when an admin sets an endpoint, then briefs come from it with the key sent only as a bearer token, and the key is never shown back', async () => {
    expect((await t.call(t.as.admin, 'PUT', '/api/v1/triage/settings', { briefEndpoint: { baseUrl, model: 'small-model' } })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.call(t.as.admin, 'PUT', '/api/v1/triage/settings', { briefEndpoint: { baseUrl: 'ftp://x', model: 'm', apiKey: 'k' } })).statusCode).toBe(400);
    expect((await t.call(t.as.supervisor, 'PUT', '/api/v1/triage/settings', { briefEndpoint: null })).statusCode).toBe(403);
    const set = await t.call(t.as.admin, 'PUT', '/api/v1/triage/settings', { briefEndpoint: { baseUrl: `${baseUrl}/`, model: 'small-model', apiKey: 'sk-test-123', timeoutMs: 2000 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ briefEndpoint: { baseUrl, model: 'small-model', timeoutMs: 2000, apiKeySet: true } });
    expect(set.body).not.toContain('sk-test-123');
    expect((await t.call(t.as.supervisor, 'GET', '/api/v1/triage/settings')).body).not.toContain('sk-test-123');

    answer = () => ({ status: 200, body: completion({ summary: 'Hind got a broken order 58213 and wants 420 SAR back; a refund was promised once a photo arrives.', tried: ['Asked for a photo of the box'], promised: ['Refund within 3 days after the photo'], openQuestion: null }) });
    const id = await conversationWithHistory();
    seen.length = 0;
    const brief = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/brief`)).json();
    expect(brief).toMatchObject({ source: 'endpoint', summary: expect.stringContaining('broken order 58213'), tried: ['Asked for a photo of the box'] });
    expect(brief.facts).toEqual(expect.arrayContaining([{ kind: 'order_number', value: '58213' }]));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toBe('Bearer sk-test-123');
    expect(seen[0]!.body.model).toBe('small-model');
    expect(JSON.stringify(seen[0]!.body)).toContain('58213');
  });

  it('when the endpoint fails or answers nonsense, then the local brief is used and says why', async () => {
    const id = await conversationWithHistory();
    answer = () => ({ status: 500, body: '{"error":"down"}' });
    const down = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/brief`)).json();
    expect(down).toMatchObject({ source: 'local', fallbackReason: expect.stringContaining('500') });
    answer = () => ({ status: 200, body: completion({ summary: 42 }) });
    const nonsense = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/brief`)).json();
    expect(nonsense.source).toBe('local');
    expect(nonsense.fallbackReason).toBeTruthy();
    expect(nonsense.fallbackReason).not.toContain('sk-test-123');
  });

  it('when a conversation is transferred, then the brief is attached once as an internal note for the next agent', async () => {
    answer = () => ({ status: 500, body: 'down' });
    const id = await conversationWithHistory();
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/assign`, { ownerId: t.agent.id });
    const moved = await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/assign`, { ownerId: t.supervisor.id, reason: 'refunds over 400 SAR need a supervisor' });
    expect(moved.statusCode, moved.body).toBe(200);
    const briefNotes = async () => (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/messages?limit=200`)).json().items
      .filter((m: { kind: string; body: string }) => m.kind === 'note' && m.body.startsWith('Hand-off brief'));
    await expect.poll(async () => (await briefNotes()).length).toBe(1);
    const [note] = await briefNotes();
    expect(note.body).toContain('58213');
    expect(note.body).toContain('refunds over 400 SAR need a supervisor');
    await t.ctx.db.query("update events set published_at = null where subject_id = $1 and type = 'conversation.assigned'", [id]);
    await t.ctx.bus.republishStale(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await briefNotes()).toHaveLength(1);
  });
});
