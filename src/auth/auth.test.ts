import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, testPassword, type Caller, type TestApp } from '../testing/index.ts';
import { createAgentWithPassword } from './passwords.ts';

let t: TestApp;
let made = 0;
beforeAll(async () => {
  t = await testApp();
});

/** A fresh agent of its own, so tests that lock out or change passwords touch nobody else. */
async function newAgent(password = testPassword) {
  const email = `person${made++}@example.test`;
  const agent = await createAgentWithPassword(t.ctx, { workspaceId: t.workspace.id, email, name: 'Person', role: 'agent' }, password, { type: 'system' });
  return { agent, email };
}

const login = (email: string, password: string) => t.call(t.anonymous, 'POST', '/api/v1/auth/login', { email, password });
const session = (caller: Caller) => t.call(caller, 'GET', '/api/v1/auth/session');

describe('signing in', () => {
  it('when the password is right, then an HttpOnly SameSite=Lax session cookie is set and a CSRF token returned', async () => {
    const response = await login('Agent@Example.test', testPassword);
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'sanad_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(response.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
    const body = response.json();
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.agent).toMatchObject({ id: t.agent.id, email: 'agent@example.test' });
    expect(JSON.stringify(body)).not.toContain(cookie!.value);
  });

  it('when the password is wrong or the email unknown, then the same 401 INVALID_CREDENTIALS and no cookie', async () => {
    const wrong = await login(t.supervisor.email, 'not the right password');
    const unknown = await login('nobody@example.test', testPassword);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(response.cookies).toHaveLength(0);
    }
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('when an email has failed 5 times, then even the right password gets 429 with Retry-After until the window passes', async () => {
    const { email } = await newAgent();
    for (let i = 0; i < 5; i++) expect((await login(email, `wrong guess ${i}`)).statusCode).toBe(401);
    const limited = await login(email, testPassword);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('LOGIN_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(email.toUpperCase(), testPassword)).statusCode).toBe(429);
    expect((await login(t.supervisor.email, testPassword)).statusCode).toBe(200);
    t.ctx.clock.advance(16 * 60 * 1000);
    expect((await login(email, testPassword)).statusCode).toBe(200);
  });

  it('when the session cookie is stored, then the database holds a hash, never the raw token', async () => {
    const response = await login(t.agent.email, testPassword);
    const raw = response.cookies.find((c) => c.name === 'sanad_session')!.value;
    const rows = await t.ctx.db.query<{ token_hash: string }>('select token_hash from auth_sessions');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.token_hash).not.toBe(raw);
      expect(row.token_hash).not.toContain(raw);
    }
  });
});

describe('sessions', () => {
  it('when an agent signs out, then that session stops working and their other sessions go on', async () => {
    const { email } = await newAgent();
    const first = await signIn(t.app, email);
    const second = await signIn(t.app, email);
    const out = await t.call(first, 'POST', '/api/v1/auth/logout');
    expect(out.statusCode, out.body).toBe(200);
    expect((await session(first)).statusCode).toBe(401);
    expect((await session(second)).statusCode).toBe(200);
  });

  it('when a cookie-authenticated write lacks the CSRF token, then it is refused and the session lives on', async () => {
    const { email } = await newAgent();
    const caller = await signIn(t.app, email);
    const bare = { headers: { cookie: caller.headers.cookie! } };
    const out = await t.call(bare, 'POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(403);
    expect(out.json().error.code).toBe('CSRF_REJECTED');
    expect((await session(caller)).statusCode).toBe(200);
  });

  it('when an agent is deactivated, then their session stops working and they cannot sign in again', async () => {
    const { agent, email } = await newAgent();
    const caller = await signIn(t.app, email);
    expect((await session(caller)).statusCode).toBe(200);
    const off = await t.call(t.as.admin, 'PATCH', `/api/v1/agents/${agent.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect((await session(caller)).statusCode).toBe(401);
    expect((await t.call(caller, 'GET', '/api/v1/contacts')).statusCode).toBe(401);
    expect((await login(email, testPassword)).json().error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('API tokens', () => {
  async function create(scopes: string[], extra: Record<string, unknown> = {}) {
    const response = await t.call(t.as.admin, 'POST', '/api/v1/tokens', { name: 'CRM sync', scopes, ...extra });
    expect(response.statusCode, response.body).toBe(201);
    const { token, record } = response.json() as { token: string; record: { id: string } };
    return { token, record, caller: { headers: { authorization: `Bearer ${token}` } } };
  }

  it('when an admin creates a token, then its text is shown once and never in the list', async () => {
    const { token, record } = await create(['contacts:read']);
    expect(token.startsWith('sanad_')).toBe(true);
    expect(record).toMatchObject({ name: 'CRM sync', scopes: ['contacts:read'], revokedAt: null });
    const list = await t.call(t.as.admin, 'GET', '/api/v1/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(record.id);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain('token_hash');
    const stored = await t.ctx.db.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [record.id]);
    expect(stored[0]!.token_hash).not.toBe(token);
  });

  it('when a token is used, then its scope is enforced: allowed with it, 403 without it', async () => {
    const { caller } = await create(['contacts:read']);
    expect((await t.call(caller, 'GET', '/api/v1/contacts')).statusCode).toBe(200);
    const denied = await t.call(caller, 'GET', '/api/v1/agents');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    expect((await t.call(caller, 'POST', '/api/v1/contacts', { name: 'x' })).statusCode).toBe(403);
  });

  it('when a token is revoked, then it is answered with 401', async () => {
    const { record, caller } = await create(['contacts:read']);
    const revoked = await t.call(t.as.admin, 'DELETE', `/api/v1/tokens/${record.id}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await t.call(caller, 'GET', '/api/v1/contacts')).statusCode).toBe(401);
  });

  it('when a token has expired, then it is answered with 401', async () => {
    const expiresAt = new Date(t.ctx.clock().getTime() + 60 * 60 * 1000).toISOString();
    const { caller } = await create(['contacts:read'], { expiresAt });
    expect((await t.call(caller, 'GET', '/api/v1/contacts')).statusCode).toBe(200);
    t.ctx.clock.advance(2 * 60 * 60 * 1000);
    expect((await t.call(caller, 'GET', '/api/v1/contacts')).statusCode).toBe(401);
  });

  it('when a token is unknown or malformed, then 401', async () => {
    for (const authorization of ['Bearer sanad_made-up', 'Bearer nonsense', 'Basic abc']) {
      expect((await t.call({ headers: { authorization } }, 'GET', '/api/v1/contacts')).statusCode).toBe(401);
    }
  });

  it('when someone other than an admin, or a token, manages tokens, then 403', async () => {
    const token = await t.tokenWith(['agents:write', 'settings:write']);
    for (const caller of [t.as.supervisor, t.as.agent, token]) {
      expect((await t.call(caller, 'POST', '/api/v1/tokens', { name: 'x', scopes: ['contacts:read'] })).statusCode).toBe(403);
      expect((await t.call(caller, 'GET', '/api/v1/tokens')).statusCode).toBe(403);
    }
  });
});

describe('changing your own password', () => {
  it('when the current password is given, then it changes, other sessions end, this one stays', async () => {
    const { email } = await newAgent();
    const here = await signIn(t.app, email);
    const elsewhere = await signIn(t.app, email);
    const changed = await t.call(here, 'PUT', '/api/v1/auth/password', { currentPassword: testPassword, newPassword: 'كلمة سر جديدة تماما' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await session(here)).statusCode).toBe(200);
    expect((await session(elsewhere)).statusCode).toBe(401);
    expect((await login(email, testPassword)).statusCode).toBe(401);
    expect((await login(email, 'كلمة سر جديدة تماما')).statusCode).toBe(200);
  });

  it('when the current password is wrong, then it is refused and the old password still works', async () => {
    const { email } = await newAgent();
    const here = await signIn(t.app, email);
    const refused = await t.call(here, 'PUT', '/api/v1/auth/password', { currentPassword: 'not my password', newPassword: 'a brand new password' });
    // 400, not 401: the caller is still signed in and a client must not treat this as signed out.
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('CURRENT_PASSWORD_WRONG');
    expect((await login(email, testPassword)).statusCode).toBe(200);
  });

  it('when a stolen session keeps guessing the current password, then it is stopped like a sign-in', async () => {
    const { email } = await newAgent();
    const here = await signIn(t.app, email);
    for (let i = 0; i < 5; i++) {
      await t.call(here, 'PUT', '/api/v1/auth/password', { currentPassword: `guess ${i}`, newPassword: 'a brand new password' });
    }
    const blocked = await t.call(here, 'PUT', '/api/v1/auth/password', { currentPassword: testPassword, newPassword: 'a brand new password' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('LOGIN_RATE_LIMITED');
  });

  it('when an agent is deactivated and later reactivated, then sessions from before the deactivation stay dead', async () => {
    const { email, agent: { id } } = await newAgent();
    const before = await signIn(t.app, email);
    await t.call(t.as.admin, 'PATCH', `/api/v1/agents/${id}`, { active: false });
    t.ctx.clock.advance(1000);
    await t.call(t.as.admin, 'PATCH', `/api/v1/agents/${id}`, { active: true });
    expect((await t.call(before, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    const after = await signIn(t.app, email);
    expect((await t.call(after, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('when the new password is shorter than 10 characters, then 400 and nothing changes', async () => {
    const { email } = await newAgent();
    const here = await signIn(t.app, email);
    const short = await t.call(here, 'PUT', '/api/v1/auth/password', { currentPassword: testPassword, newPassword: 'short123' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('VALIDATION_FAILED');
    expect((await login(email, testPassword)).statusCode).toBe(200);
  });

  it('when an admin sets an agent\'s password, then all that agent\'s sessions end', async () => {
    const { agent, email } = await newAgent();
    const caller = await signIn(t.app, email);
    const set = await t.call(t.as.admin, 'PUT', `/api/v1/agents/${agent.id}/password`, { password: 'set by the admin' });
    expect(set.statusCode, set.body).toBe(200);
    expect((await session(caller)).statusCode).toBe(401);
    expect((await login(email, 'set by the admin')).statusCode).toBe(200);
  });
});

describe('session lifetime', () => {
  it('when 14 days have passed, then the session cookie no longer works', async () => {
    const { email } = await newAgent();
    const caller = await signIn(t.app, email);
    const start = t.ctx.clock();
    try {
      t.ctx.clock.advance(13 * 24 * 60 * 60 * 1000);
      expect((await session(caller)).statusCode).toBe(200);
      t.ctx.clock.advance(2 * 24 * 60 * 60 * 1000);
      expect((await session(caller)).statusCode).toBe(401);
    } finally {
      t.ctx.clock.set(start);
    }
  });
});
