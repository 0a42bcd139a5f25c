import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../testing/index.ts';
import { sweepSla } from './clocks/sla-sweep.ts';

let t: TestApp;
let chatPolicyId: string;

beforeAll(async () => {
  t = await testApp({ sla: { sweepMs: 0 }, jobs: { auto: false } });
  const policy = await t.call(t.as.admin, 'POST', '/api/v1/sla/policies', {
    name: 'Chat', conditions: { channels: ['chat'] }, targets: { firstResponseSeconds: 120, nextResponseSeconds: 60, resolutionSeconds: 3600 },
    escalation: [
      { kind: 'first_response', offsetSeconds: -60, action: 'notify_owner' },
      { kind: 'first_response', offsetSeconds: 0, action: 'notify_supervisors' },
      { kind: 'first_response', offsetSeconds: 300, action: 'raise_priority' },
    ],
    calendarId: null, enabled: true,
  });
  expect(policy.statusCode).toBe(201);
  chatPolicyId = policy.json().id;
});

async function startChat(body = 'hello, I need help') {
  const token = await t.tokenWith(['conversations:write']);
  const started = await t.call(token, 'POST', '/api/v1/conversations', { channel: 'chat', contact: { name: 'Sara' }, message: { kind: 'customer', body } });
  expect(started.statusCode).toBe(201);
  return started.json().id as string;
}

async function clocksOf(id: string) {
  return (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/sla`)).json().items as {
    kind: string; outcome: string; dueAt: string | null; breachedAt: string | null; escalationsFired: string[]; paused: boolean; businessSeconds: number | null;
  }[];
}

const notes = async (id: string) => ((await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/messages?limit=100`)).json().items as { kind: string; body: string }[])
  .filter((m) => m.kind === 'note' && m.body.startsWith('SLA')).map((m) => m.body);

describe('SLA clocks on conversations', () => {
  it('when a customer writes in chat, then first response and resolution clocks run with their deadlines in the policy', async () => {
    const id = await startChat();
    await expect.poll(async () => (await clocksOf(id)).map((c) => [c.kind, c.outcome]), { timeout: 5000 }).toEqual([['first_response', 'running'], ['resolution', 'running']]);
    const [first] = await clocksOf(id);
    expect(first?.dueAt).toBe(new Date(t.ctx.clock().getTime() + 120_000).toISOString());
  });

  it('when time passes without an answer, then the owner is warned, the breach is recorded with the supervisors alerted, priority is raised later — each once, each on the timeline', async () => {
    const id = await startChat('my card was charged twice');
    await expect.poll(async () => (await clocksOf(id)).length, { timeout: 5000 }).toBe(2);
    t.ctx.clock.advance(61_000);
    await sweepSla(t.ctx);
    expect(await notes(id)).toEqual([expect.stringMatching(/^SLA first response \(Chat\) due in 1 min: no owner, supervisors alerted\.$/)]);
    await sweepSla(t.ctx);
    expect(await notes(id)).toHaveLength(1);
    t.ctx.clock.advance(60_000);
    await sweepSla(t.ctx);
    expect((await notes(id)).slice(1)).toEqual([expect.stringMatching(/breached \(Chat\)/), expect.stringMatching(/supervisors alerted/)]);
    expect((await clocksOf(id))[0]?.breachedAt).not.toBeNull();
    t.ctx.clock.advance(300_000);
    await sweepSla(t.ctx);
    await sweepSla(t.ctx);
    expect((await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}`)).json().priority).toBe('high');
    expect(await notes(id)).toHaveLength(4);
    const events = await t.ctx.db.query<{ n: number }>("select count(*)::int as n from events where type = 'sla.escalated' and subject_id = $1", [id]);
    expect(events[0]?.n).toBe(3);
  });

  it('when an agent answers in time, then the first response is met and no escalation fires; a customer follow-up starts a next response', async () => {
    const id = await startChat();
    await expect.poll(async () => (await clocksOf(id)).length, { timeout: 5000 }).toBe(2);
    t.ctx.clock.advance(30_000);
    expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'agent', body: 'Hello Sara' })).statusCode).toBe(201);
    await expect.poll(async () => (await clocksOf(id))[0]?.outcome, { timeout: 5000 }).toBe('met');
    expect((await clocksOf(id))[0]).toMatchObject({ breachedAt: null, businessSeconds: 30 });
    t.ctx.clock.advance(600_000);
    await sweepSla(t.ctx);
    expect(await notes(id)).toEqual([]);
    const token = await t.tokenWith(['conversations:write']);
    await t.call(token, 'POST', `/api/v1/conversations/${id}/messages`, { kind: 'customer', body: 'one more thing' });
    await expect.poll(async () => (await clocksOf(id)).map((c) => [c.kind, c.outcome]), { timeout: 5000 }).toContainEqual(['next_response', 'running']);
  });

  it('when the conversation waits on the customer, then the clocks pause and the deadline moves by the pause', async () => {
    const id = await startChat();
    await expect.poll(async () => (await clocksOf(id)).length, { timeout: 5000 }).toBe(2);
    t.ctx.clock.advance(20_000);
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/status`, { status: 'pending' });
    await expect.poll(async () => (await clocksOf(id))[0]?.paused, { timeout: 5000 }).toBe(true);
    expect((await clocksOf(id))[0]?.dueAt).toBeNull();
    t.ctx.clock.advance(1000_000);
    await sweepSla(t.ctx);
    expect(await notes(id)).toEqual([]);
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/status`, { status: 'open' });
    await expect.poll(async () => (await clocksOf(id))[0]?.paused, { timeout: 5000 }).toBe(false);
    // 20 s had run before the pause: 100 s are left from the moment it opened again.
    expect((await clocksOf(id))[0]?.dueAt).toBe(new Date(t.ctx.clock().getTime() + 100_000).toISOString());
  });

  it('when a policy is edited, then running clocks keep their promise until an admin asks to recompute them', async () => {
    const id = await startChat();
    await expect.poll(async () => (await clocksOf(id)).length, { timeout: 5000 }).toBe(2);
    const before = (await clocksOf(id))[0]?.dueAt;
    expect((await t.call(t.as.admin, 'PATCH', `/api/v1/sla/policies/${chatPolicyId}`, { targets: { firstResponseSeconds: 30, nextResponseSeconds: 60, resolutionSeconds: 3600 } })).statusCode).toBe(200);
    expect((await clocksOf(id))[0]?.dueAt).toBe(before);
    const recomputed = await t.call(t.as.admin, 'POST', `/api/v1/sla/policies/${chatPolicyId}/recompute`);
    expect(recomputed.json().conversations).toBeGreaterThanOrEqual(1);
    expect(new Date((await clocksOf(id))[0]!.dueAt!).getTime()).toBeLessThan(new Date(before!).getTime());
    await t.call(t.as.admin, 'PATCH', `/api/v1/sla/policies/${chatPolicyId}`, { targets: { firstResponseSeconds: 120, nextResponseSeconds: 60, resolutionSeconds: 3600 } });
  });

  it('when bad policies or calendars are sent, then each gets a clear error and nothing is stored', async () => {
    const bad = await t.call(t.as.admin, 'POST', '/api/v1/sla/policies', {
      name: 'Broken', conditions: {}, targets: { firstResponseSeconds: null, nextResponseSeconds: null, resolutionSeconds: 60 },
      escalation: [{ kind: 'first_response', offsetSeconds: 0, action: 'notify_owner' }], calendarId: null, enabled: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/escalation\[0\]\.kind/);
    const zone = await t.call(t.as.admin, 'POST', '/api/v1/sla/calendars', { name: 'Mars', calendar: { timeZone: 'Mars/Olympus', weekly: [] } });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.message).toMatch(/timeZone/);
    expect((await t.call(t.as.admin, 'GET', '/api/v1/sla/policies')).json().items.map((p: { name: string }) => p.name)).toEqual(['Chat']);
  });

  it('when a report is asked for, then it shows per policy the share met and median times', async () => {
    const report = await t.call(t.as.supervisor, 'GET', `/api/v1/sla/report?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z`);
    expect(report.statusCode).toBe(200);
    const first = report.json().rows.find((r: { kind: string }) => r.kind === 'first_response');
    // Answered on time: one. Broken: the escalated one, and the first test's, which nobody answered while the clock moved on.
    expect(first).toMatchObject({ policyName: 'Chat', metOnTime: 1, breached: 2, shareMet: 1 / 3 });
    expect(first.medianSeconds).toBe(30);
  });

  it('when an admin gives a team a calendar, then it is read back, and taking it away falls back to the default', async () => {
    const calendar = await t.call(t.as.admin, 'POST', '/api/v1/sla/calendars', { name: 'Cairo', calendar: { timeZone: 'Africa/Cairo', weekly: [{ day: 0, start: '09:00', end: '17:00' }] } });
    expect(calendar.statusCode).toBe(201);
    const teamId = (await t.call(t.as.admin, 'POST', '/api/v1/teams', { name: 'Cairo desk' })).json().id as string;
    expect((await t.call(t.as.admin, 'PUT', `/api/v1/sla/teams/${teamId}/calendar`, { calendarId: calendar.json().id })).statusCode).toBe(200);
    expect((await t.call(t.as.supervisor, 'GET', '/api/v1/sla/teams/calendars')).json().items).toEqual([{ teamId, calendarId: calendar.json().id }]);
    await t.call(t.as.admin, 'PUT', `/api/v1/sla/teams/${teamId}/calendar`, { calendarId: null });
    expect((await t.call(t.as.supervisor, 'GET', '/api/v1/sla/teams/calendars')).json().items).toEqual([]);
  });
});
