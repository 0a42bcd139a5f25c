import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ routing: { auto: true, tickMs: 0 } });
});

describe('routing settings and the supervisor view over HTTP', () => {
  it("when a supervisor sets an agent's shifts, then they are kept; bad clock times and unknown agents are refused", async () => {
    const url = `/api/v1/routing/agents/${t.agent.id}/schedule`;
    expect((await t.call(t.as.agent, 'GET', url)).json()).toEqual({ agentId: t.agent.id, shifts: [], onCallExpert: false });
    const shifts = [{ day: 0, start: '22:00', end: '06:00' }, { day: 1, start: '09:00', end: '17:30' }];
    const set = await t.call(t.as.supervisor, 'PUT', url, { shifts, onCallExpert: true });
    expect(set.statusCode, set.body).toBe(200);
    expect((await t.call(t.as.agent, 'GET', url)).json()).toEqual({ agentId: t.agent.id, shifts, onCallExpert: true });
    expect((await t.call(t.as.supervisor, 'PUT', url, { shifts: [{ day: 7, start: '09:00', end: '17:00' }] })).statusCode).toBe(400);
    expect((await t.call(t.as.supervisor, 'PUT', url, { shifts: [{ day: 1, start: '9am', end: '17:00' }] })).statusCode).toBe(400);
    expect((await t.call(t.as.supervisor, 'PUT', '/api/v1/routing/agents/00000000-0000-7000-8000-000000000000/schedule', { shifts: [] })).json().error.code).toBe('AGENT_NOT_FOUND');
    expect((await t.call(t.as.agent, 'PUT', url, { shifts: [] })).statusCode).toBe(403);
    expect((await t.call(t.as.agent, 'GET', url)).json().shifts).toEqual(shifts);
  });

  it("when a team's overflow and hours are set, then they are kept; a loop to itself, unknown teams and bad zones are refused", async () => {
    const billing = (await t.call(t.as.admin, 'POST', '/api/v1/teams', { name: 'Billing' })).json();
    const night = (await t.call(t.as.admin, 'POST', '/api/v1/teams', { name: 'Night' })).json();
    const url = `/api/v1/routing/teams/${billing.id}`;
    expect((await t.call(t.as.agent, 'GET', url)).json()).toEqual({ teamId: billing.id, overflowTo: null, overflowAfterSeconds: 120, hours: null, onCallTeamId: null });
    const body = { overflowTo: night.id, overflowAfterSeconds: 90, hours: { timeZone: 'Asia/Riyadh', windows: [{ day: 0, start: '09:00', end: '18:00' }] }, onCallTeamId: night.id };
    expect((await t.call(t.as.supervisor, 'PUT', url, body)).json()).toEqual({ teamId: billing.id, ...body });
    expect((await t.call(t.as.supervisor, 'PUT', url, { ...body, overflowTo: billing.id })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.call(t.as.supervisor, 'PUT', url, { ...body, onCallTeamId: '00000000-0000-7000-8000-000000000000' })).json().error.code).toBe('TEAM_NOT_FOUND');
    expect((await t.call(t.as.supervisor, 'PUT', url, { ...body, hours: { timeZone: 'Mars/Olympus', windows: [] } })).json().error.code).toBe('INVALID_TIME_ZONE');
    expect((await t.call(t.as.agent, 'GET', url)).json()).toEqual({ teamId: billing.id, ...body });
  });

  it('when a conversation waits with nobody online, then the overview shows its queue and why it waits; when an agent comes online it is routed', async () => {
    const token = await t.tokenWith(['conversations:write']);
    const started = await t.call(token, 'POST', '/api/v1/conversations', { channel: 'chat', language: 'en', contact: { name: 'Waiting' }, message: { kind: 'customer', body: 'hello?' } });
    const id = started.json().id as string;
    const overview = (await t.call(t.as.supervisor, 'GET', '/api/v1/routing/overview')).json();
    expect(overview.queues).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'chat', waiting: 1 })]));
    expect(overview.waiting).toEqual([expect.objectContaining({ conversationId: id, wouldGoTo: null, reason: 'no_agent_online' })]);
    expect((await t.call(t.as.agent, 'GET', '/api/v1/routing/overview')).statusCode).toBe(403);
    await t.call(t.as.admin, 'PATCH', `/api/v1/agents/${t.agent.id}`, { languages: [{ code: 'en', proficiency: 5 }] });
    await t.call(t.as.agent, 'PUT', `/api/v1/agents/${t.agent.id}/status`, { status: 'online' });
    await expect.poll(async () => (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}`)).json().ownerId).toBe(t.agent.id);
  });
});
