import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { englishInput } from './brief-fixtures.test-data.ts';
import { buildLocalBrief } from './brief-rules.ts';
import { writeBrief } from './write-brief.ts';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

interface FakeServer {
  baseUrl: string;
  seen: Seen[];
  close: () => Promise<void>;
}

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A stand-in for an OpenAI-compatible server on 127.0.0.1 and a random port. */
async function fakeServer(answer: (res: ServerResponse, req: IncomingMessage) => void): Promise<FakeServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeServer = {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  servers.push(fake);
  return fake;
}

function completion(content: string): string {
  return JSON.stringify({ id: 'cmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
}

function reply(status: number, body: string): (res: ServerResponse) => void {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
}

const goodBrief = {
  summary: 'Sara is waiting on a late order 48213 and a refund of 349 SAR. Omar promised a call tomorrow.',
  tried: ['Checked the courier: parcel stuck in Riyadh', 'Sent a refund link'],
  promised: ['I will call you tomorrow with an update.'],
  openQuestion: 'Can you also send me the invoice by email?',
};

const apiKey = 'sk-test-secret-123';
const endpoint = (baseUrl: string, timeoutMs?: number) => ({ baseUrl, apiKey, model: 'brief-model-1', ...(timeoutMs ? { timeoutMs } : {}) });

describe('writeBrief with an endpoint', () => {
  it('when the endpoint answers a valid brief, then its prose is used and the structured fields stay local', async () => {
    const server = await fakeServer(reply(200, completion(JSON.stringify(goodBrief))));
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(server.baseUrl) });
    const local = buildLocalBrief(englishInput(), 'en');
    expect(brief).toEqual({ ...local, ...goodBrief, source: 'endpoint' });
    expect(brief.fallbackReason).toBeUndefined();
  });

  it('then the request is a POST to /chat/completions with the bearer key, the model, and the local brief and transcript', async () => {
    const server = await fakeServer(reply(200, completion(JSON.stringify(goodBrief))));
    await writeBrief(englishInput(), { locale: 'ar', endpoint: endpoint(`${server.baseUrl}/`) });
    expect(server.seen).toHaveLength(1);
    const [request] = server.seen;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '{}') as { model: string; messages: Array<{ role: string; content: string }> };
    expect(body.model).toBe('brief-model-1');
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]?.content).toContain('in Arabic');
    expect(body.messages[1]?.content).toContain('"openQuestion": "Can you also send me the invoice by email?"');
    expect(body.messages[1]?.content).toContain('[#6 2026-11-23T10:07:00.000Z internal note Omar] Courier case T-7731 opened');
    // The key goes in the header only.
    expect(request?.body).not.toContain(apiKey);
  });

  it('when the endpoint wraps its JSON in a code fence, then the brief is still read', async () => {
    const server = await fakeServer(reply(200, completion(`\`\`\`json\n${JSON.stringify(goodBrief)}\n\`\`\``)));
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(server.baseUrl) });
    expect(brief.source).toBe('endpoint');
  });

  it('when the endpoint answers 500, then the local brief comes back with the reason', async () => {
    const server = await fakeServer(reply(500, '{"error":"boom"}'));
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(server.baseUrl) });
    expect(brief).toEqual({ ...buildLocalBrief(englishInput(), 'en'), source: 'local', fallbackReason: 'the endpoint answered HTTP 500' });
  });

  it('when the endpoint does not answer in time, then the request is aborted and the local brief comes back', async () => {
    const server = await fakeServer(() => undefined);
    const started = performance.now();
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(server.baseUrl, 150) });
    expect(brief.source).toBe('local');
    expect(brief.fallbackReason).toBe('the endpoint did not answer within 150 ms');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('when the body or the content is not JSON, then the local brief comes back with the reason', async () => {
    const broken = await fakeServer(reply(200, '{"choices": [ not json'));
    expect((await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(broken.baseUrl) })).fallbackReason).toBe('the response body is not JSON');
    const prose = await fakeServer(reply(200, completion('Sure! Here is the brief: Sara wants a refund.')));
    expect((await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(prose.baseUrl) })).fallbackReason).toBe('the message content is not JSON');
  });

  it.each([
    ['no choices', JSON.stringify({ choices: [] }), 'the response has no choices[0].message.content string'],
    ['a missing field', completion(JSON.stringify({ summary: 'x', tried: [], promised: [] })), 'the brief lacks openQuestion'],
    ['a number for summary', completion(JSON.stringify({ ...goodBrief, summary: 5 })), 'summary must be a non-empty string of at most 800 characters'],
    ['an empty summary', completion(JSON.stringify({ ...goodBrief, summary: '  ' })), 'summary must be a non-empty string of at most 800 characters'],
    ['a too long summary', completion(JSON.stringify({ ...goodBrief, summary: 'a'.repeat(801) })), 'summary must be a non-empty string of at most 800 characters'],
    ['six tried items', completion(JSON.stringify({ ...goodBrief, tried: ['a', 'b', 'c', 'd', 'e', 'f'] })), 'tried must be at most 5 non-empty strings of at most 300 characters'],
    ['a number in promised', completion(JSON.stringify({ ...goodBrief, promised: [1] })), 'promised must be at most 5 non-empty strings of at most 300 characters'],
    ['an object for openQuestion', completion(JSON.stringify({ ...goodBrief, openQuestion: {} })), 'openQuestion must be null or a non-empty string of at most 500 characters'],
    ['an array for the brief', completion('[]'), 'the brief is not a JSON object'],
    ['an extra key', completion(JSON.stringify({ ...goodBrief, facts: [] })), 'the brief has unexpected keys facts'],
  ])('when the brief has %s, then the local brief comes back with the reason', async (_case, body, reason) => {
    const server = await fakeServer(reply(200, body));
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(server.baseUrl) });
    expect(brief).toMatchObject({ source: 'local', fallbackReason: reason });
  });

  it('when openQuestion is null, then that is a valid answer', async () => {
    const server = await fakeServer(reply(200, completion(JSON.stringify({ ...goodBrief, openQuestion: null }))));
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(server.baseUrl) });
    expect(brief).toMatchObject({ source: 'endpoint', openQuestion: null });
  });

  it('when the endpoint redirects elsewhere, then the key is not carried there and the local brief comes back', async () => {
    const elsewhere = await fakeServer(reply(200, completion(JSON.stringify(goodBrief))));
    const server = await fakeServer((res) => {
      res.writeHead(307, { location: `${elsewhere.baseUrl}/chat/completions` });
      res.end();
    });
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(server.baseUrl) });
    expect(brief.source).toBe('local');
    expect(brief.fallbackReason).toMatch(/^the request failed/);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it('when nothing listens at the endpoint, then the local brief comes back with the network reason', async () => {
    const server = await fakeServer(reply(200, ''));
    const baseUrl = server.baseUrl;
    await server.close();
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint(baseUrl) });
    expect(brief.source).toBe('local');
    expect(brief.fallbackReason).toMatch(/^the request failed: .*ECONNREFUSED/);
  });

  it('when a failure message would contain the key, then the reason has it redacted', async () => {
    const leaky = (() => Promise.reject(new Error(`bad header Bearer ${apiKey}`))) as typeof fetch;
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint('http://127.0.0.1:9'), fetch: leaky });
    expect(brief.fallbackReason).toBe('the request failed: bad header Bearer [redacted]');
  });

  it('when the baseUrl is not http(s), then nothing is sent', async () => {
    const never = (() => Promise.reject(new Error('must not be called'))) as typeof fetch;
    const brief = await writeBrief(englishInput(), { locale: 'en', endpoint: endpoint('file:///etc'), fetch: never });
    expect(brief.fallbackReason).toBe('the endpoint baseUrl is not an http(s) URL');
  });
});

describe('writeBrief without an endpoint', () => {
  it('when no endpoint is set, then the local brief comes back with no fallback reason and nothing is fetched', async () => {
    const never = (() => Promise.reject(new Error('must not be called'))) as typeof fetch;
    const brief = await writeBrief(englishInput(), { locale: 'ar', fetch: never });
    expect(brief).toEqual(buildLocalBrief(englishInput(), 'ar'));
    expect(brief.fallbackReason).toBeUndefined();
  });
});
