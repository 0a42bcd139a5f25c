import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const read = async () => (await t.call(t.as.admin, 'GET', '/api/v1/workspace')).json();

describe('workspace over HTTP', () => {
  it('when any role reads the workspace, then the settings come back', async () => {
    for (const caller of [t.as.admin, t.as.supervisor, t.as.agent, await t.tokenWith(['settings:read'])]) {
      const response = await t.call(caller, 'GET', '/api/v1/workspace');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        id: t.workspace.id, name: 'Test desk',
        settings: { defaultLanguage: 'en', timeZone: 'UTC', supportedLanguages: ['en', 'ar'], autoCloseAfterDays: 7 },
      });
    }
  });

  it('when nobody is signed in, or a token lacks settings:read, then it is refused', async () => {
    expect((await t.call(t.anonymous, 'GET', '/api/v1/workspace')).statusCode).toBe(401);
    expect((await t.call(await t.tokenWith(['contacts:read']), 'GET', '/api/v1/workspace')).statusCode).toBe(403);
  });

  it('when a supervisor, an agent or a read-only token tries to change it, then 403 and nothing changes', async () => {
    const before = await read();
    for (const caller of [t.as.supervisor, t.as.agent, await t.tokenWith(['settings:read'])]) {
      const response = await t.call(caller, 'PATCH', '/api/v1/workspace', { name: 'Taken over', settings: { timeZone: 'Asia/Riyadh' } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect(await read()).toEqual(before);
  });

  it('when an admin changes the settings, then they are stored, the default language is supported and duplicates go', async () => {
    const response = await t.call(t.as.admin, 'PATCH', '/api/v1/workspace', {
      name: 'مكتب الدعم', settings: { timeZone: 'Asia/Riyadh', defaultLanguage: 'fr', supportedLanguages: ['ar', 'en', 'ar'] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const expected = {
      name: 'مكتب الدعم',
      settings: { timeZone: 'Asia/Riyadh', defaultLanguage: 'fr', supportedLanguages: ['fr', 'ar', 'en'], autoCloseAfterDays: 7 },
    };
    expect(response.json()).toMatchObject(expected);
    expect(await read()).toMatchObject(expected);
    const events = await t.ctx.db.query<{ actor: unknown }>("select actor from events where type = 'workspace.updated'");
    expect(events.at(-1)?.actor).toEqual({ type: 'agent', id: t.admin.id });
  });

  it('when a token with settings:write changes one setting, then only that setting changes', async () => {
    const before = await read();
    const token = await t.tokenWith(['settings:write']);
    const response = await t.call(token, 'PATCH', '/api/v1/workspace', { settings: { autoCloseAfterDays: 14 } });
    expect(response.statusCode, response.body).toBe(200);
    expect(await read()).toMatchObject({ name: before.name, settings: { ...before.settings, autoCloseAfterDays: 14 } });
  });

  it('when the time zone is not a real one, then 400 INVALID_TIME_ZONE and nothing changes, not even the name', async () => {
    const before = await read();
    const response = await t.call(t.as.admin, 'PATCH', '/api/v1/workspace', { name: 'Renamed', settings: { timeZone: 'Mars/Olympus' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_TIME_ZONE');
    expect(await read()).toEqual(before);
  });

  it('when the body breaks the schema, then 400 VALIDATION_FAILED and nothing changes', async () => {
    const before = await read();
    for (const payload of [
      { settings: { autoCloseAfterDays: 0 } },
      { settings: { supportedLanguages: [] } },
      { settings: { defaultLanguage: 'Arabic' } },
      { settings: { colour: 'blue' } },
      { name: '' },
    ]) {
      const response = await t.call(t.as.admin, 'PATCH', '/api/v1/workspace', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await read()).toEqual(before);
  });
});
