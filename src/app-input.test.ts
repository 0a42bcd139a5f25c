import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const countOf = async (table: string) => (await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

describe('bad input gets a clear error with a code', () => {
  it('when the body is not JSON, then 400 MALFORMED_JSON', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/contacts', payload: '{"name": "Huda",', headers: { ...t.as.agent.headers, 'content-type': 'application/json' },
    });
    expectError(response, 400, 'MALFORMED_JSON');
  });

  it('when the body has an unknown field, then 400 VALIDATION_FAILED naming it', async () => {
    const response = await t.call(t.as.agent, 'POST', '/api/v1/contacts', { name: 'Huda', nickname: 'H' });
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.json().error.message).toContain('nickname');
  });

  it.each([
    ['a number as a string', { priority: 5 }],
    ['a string where a list belongs', { tags: 'vip' }],
    ['an unknown enum value', { priority: 'whenever' }],
  ])('when a field has the wrong type (%s), then 400 VALIDATION_FAILED', async (_label, body) => {
    const created = await t.call(t.as.agent, 'POST', '/api/v1/conversations', { channel: 'chat', contact: { name: 'X' } });
    const response = await t.call(t.as.agent, 'PATCH', `/api/v1/conversations/${created.json().id}`, body);
    expectError(response, 400, 'VALIDATION_FAILED');
  });

  it('when a number arrives as text in a body, then it is not quietly converted', async () => {
    const response = await t.call(t.as.admin, 'PATCH', '/api/v1/workspace', { settings: { autoCloseAfterDays: '7' } });
    expectError(response, 400, 'VALIDATION_FAILED');
  });

  it('when a name is only spaces, then 400 VALIDATION_FAILED', async () => {
    expectError(await t.call(t.as.admin, 'POST', '/api/v1/teams', { name: '   ' }), 400, 'VALIDATION_FAILED');
    expectError(await t.call(t.as.admin, 'PATCH', `/api/v1/agents/${t.agent.id}`, { name: ' ' }), 400, 'VALIDATION_FAILED');
  });

  it('when a string is longer than allowed, then 400 VALIDATION_FAILED and nothing is stored', async () => {
    const before = await countOf('contacts');
    const response = await t.call(t.as.agent, 'POST', '/api/v1/contacts', { name: 'x'.repeat(201) });
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(await countOf('contacts')).toBe(before);
  });

  it('when a message body is over the limit, then 400 and the conversation is unchanged', async () => {
    const created = await t.call(t.as.agent, 'POST', '/api/v1/conversations', { channel: 'chat', contact: { name: 'Y' } });
    const response = await t.call(t.as.agent, 'POST', `/api/v1/conversations/${created.json().id}/messages`, { kind: 'agent', body: 'x'.repeat(20_001) });
    expectError(response, 400, 'VALIDATION_FAILED');
    const after = await t.call(t.as.agent, 'GET', `/api/v1/conversations/${created.json().id}`);
    expect(after.json().lastSeq).toBe(0);
  });

  it('when the whole request is larger than the body limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t.call(t.as.agent, 'POST', '/api/v1/contacts', { name: 'x', attributes: { blob: 'x'.repeat(1024 * 1024) } });
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('when the body is not JSON at all, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', payload: 'name=x', headers: { ...t.as.agent.headers, 'content-type': 'application/x-www-form-urlencoded' } });
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([
    ['/api/v1/conversations/01a20000-0000-7000-8000-000000000000', 'CONVERSATION_NOT_FOUND'],
    ['/api/v1/contacts/01a20000-0000-7000-8000-000000000000', 'CONTACT_NOT_FOUND'],
    ['/api/v1/agents/01a20000-0000-7000-8000-000000000000', 'AGENT_NOT_FOUND'],
    ['/api/v1/teams/01a20000-0000-7000-8000-000000000000', 'TEAM_NOT_FOUND'],
    ['/api/v1/conversations/01a20000-0000-7000-8000-000000000000/messages', 'CONVERSATION_NOT_FOUND'],
  ])('when %s does not exist, then 404 %s', async (url, code) => {
    expectError(await t.call(t.as.agent, 'GET', url), 404, code);
  });

  it('when an id is not a UUID, then 400 rather than a database error', async () => {
    expectError(await t.call(t.as.agent, 'GET', '/api/v1/conversations/42'), 400, 'VALIDATION_FAILED');
  });

  it('when the route does not exist, then 404 ROUTE_NOT_FOUND', async () => {
    expectError(await t.call(t.as.agent, 'GET', '/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });

  it('when a cursor was made up, then 400 INVALID_CURSOR', async () => {
    expectError(await t.call(t.as.agent, 'GET', '/api/v1/conversations?cursor=bm90LWEtY3Vyc29y'), 400, 'INVALID_CURSOR');
    expectError(await t.call(t.as.agent, 'GET', '/api/v1/contacts?cursor=%5B1%5D'), 400, 'INVALID_CURSOR');
  });

  it('when one status is given alone, then it counts as a list of one', async () => {
    const response = await t.call(t.as.agent, 'GET', '/api/v1/conversations?status=resolved');
    expect(response.statusCode, response.body).toBe(200);
  });

  it('when a query has an unknown parameter or a limit out of range, then 400', async () => {
    expectError(await t.call(t.as.agent, 'GET', '/api/v1/conversations?colour=red'), 400, 'VALIDATION_FAILED');
    expectError(await t.call(t.as.agent, 'GET', '/api/v1/conversations?limit=1000'), 400, 'VALIDATION_FAILED');
  });
});

describe('a failed command writes nothing', () => {
  it('when a contact is created with an identity another contact owns, then neither the contact nor any event is stored', async () => {
    await t.call(t.as.agent, 'POST', '/api/v1/contacts', { name: 'Owner', identities: [{ kind: 'email', value: 'taken@example.com' }] });
    const before = { contacts: await countOf('contacts'), events: await countOf('events'), identities: await countOf('contact_identities') };
    const response = await t.call(t.as.agent, 'POST', '/api/v1/contacts', {
      name: 'Second', identities: [{ kind: 'phone', value: '+966501112233' }, { kind: 'email', value: 'TAKEN@example.com' }],
    });
    expectError(response, 409, 'IDENTITY_TAKEN');
    expect({ contacts: await countOf('contacts'), events: await countOf('events'), identities: await countOf('contact_identities') }).toEqual(before);
  });

  it('when a conversation is started with a new contact and a bad first message, then no contact or conversation is left behind', async () => {
    const before = { contacts: await countOf('contacts'), conversations: await countOf('conversations') };
    const token = await t.tokenWith(['conversations:write']);
    const response = await t.call(token, 'POST', '/api/v1/conversations', {
      channel: 'sms', contact: { name: 'Nobody', identity: { kind: 'phone', value: 'not a phone' } }, message: { kind: 'customer', body: 'hi' },
    });
    expectError(response, 400, 'INVALID_IDENTITY');
    expect({ contacts: await countOf('contacts'), conversations: await countOf('conversations') }).toEqual(before);
  });
});

describe('cross-site request forgery', () => {
  it('when a signed-in write comes from a foreign Origin, then 403 CSRF_REJECTED and nothing is stored', async () => {
    const before = await countOf('contacts');
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/contacts', payload: { name: 'Forged' }, headers: { cookie: t.as.agent.headers.cookie!, origin: 'https://evil.example' },
    });
    expectError(response, 403, 'CSRF_REJECTED');
    expect(await countOf('contacts')).toBe(before);
  });

  it('when a cookie write has neither Origin nor the CSRF token, then it is refused; with the own Origin it passes', async () => {
    const bare = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', payload: { name: 'A' }, headers: { cookie: t.as.agent.headers.cookie! } });
    expectError(bare, 403, 'CSRF_REJECTED');
    const sameOrigin = await t.app.inject({
      method: 'POST', url: '/api/v1/contacts', payload: { name: 'B' }, headers: { cookie: t.as.agent.headers.cookie!, origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(sameOrigin.statusCode).toBe(201);
  });

  it('when a token write carries no Origin, then it passes (no ambient credential to forge)', async () => {
    const token = await t.tokenWith(['contacts:write']);
    expect((await t.call(token, 'POST', '/api/v1/contacts', { name: 'C' })).statusCode).toBe(201);
  });

  it('when a login is posted from a foreign page, then it is refused', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/login', payload: { email: t.admin.email, password: 'whatever-123' }, headers: { origin: 'https://evil.example' },
    });
    expectError(response, 403, 'CSRF_REJECTED');
  });
});

describe('health', () => {
  it('when the database is migrated, then /healthz and /readyz answer 200', async () => {
    expect((await t.call(t.anonymous, 'GET', '/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.call(t.anonymous, 'GET', '/readyz')).json()).toEqual({ status: 'ready' });
  });
});
