import { beforeAll, describe, expect, it } from 'vitest';
import { extrasApp, type ExtrasApp } from '../callbacks/routing-extras.test-data.ts';
import { queueWait } from './wait-service.ts';
import { startWaitTracking } from './wait-tracking.ts';

let t: ExtrasApp;
beforeAll(async () => {
  t = await extrasApp();
  await startWaitTracking(t.ctx, (error) => {
    throw error;
  });
});

const startChat = async (language = 'en') => {
  const token = await t.tokenWith(['conversations:write']);
  const response = await t.call(token, 'POST', '/api/v1/conversations', { channel: 'chat', language, contact: { name: 'Waiting' }, message: { kind: 'customer', body: 'hello?' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};

describe('the honest wait over HTTP', () => {
  it('when nobody is online, then the wait is null with its reason; once an agent who speaks the language is online with a free seat, 0', async () => {
    const none = await t.callExtra(t.as.agent, 'GET', '/api/v1/routing/wait?channel=chat');
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toMatchObject({ channel: 'chat', teamId: null, predictedSeconds: null, basis: { reason: 'no_agent_available' }, offerAfterSeconds: 120 });
    await t.call(t.as.admin, 'PATCH', `/api/v1/agents/${t.agent.id}`, { languages: [{ code: 'en', proficiency: 5 }] });
    await t.call(t.as.agent, 'PUT', `/api/v1/agents/${t.agent.id}/status`, { status: 'online' });
    t.ctx.clock.advance(5000); // past the few-seconds cache
    expect((await t.callExtra(t.as.agent, 'GET', '/api/v1/routing/wait?channel=chat&language=en')).json()).toMatchObject({ predictedSeconds: 0, basis: { reason: 'seat_free', agents: 1 } });
    expect((await t.callExtra(t.as.agent, 'GET', '/api/v1/routing/wait?channel=chat&language=ar')).json()).toMatchObject({ predictedSeconds: null, basis: { reason: 'no_agent_available' } });
    expect((await t.callExtra(t.as.agent, 'GET', '/api/v1/routing/wait?channel=pigeon')).statusCode).toBe(400);
    expect((await t.callExtra(t.anonymous, 'GET', '/api/v1/routing/wait?channel=chat')).statusCode).toBe(401);
  });

  it('when a conversation waits and is then taken, then its prediction and real wait are kept, and the accuracy endpoint reports them to managers', async () => {
    const id = await startChat();
    await expect.poll(async () => (await t.ctx.db.query('select predicted_seconds from wait_predictions where conversation_id = $1', [id])).length).toBe(1);
    const [row] = await t.ctx.db.query<{ predicted_seconds: number | null }>('select predicted_seconds from wait_predictions where conversation_id = $1', [id]);
    expect(row!.predicted_seconds).toBe(0);
    t.ctx.clock.advance(45_000);
    expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/assign`, { ownerId: t.agent.id })).statusCode).toBe(200);
    await expect.poll(async () => (await t.ctx.db.query<{ actual_seconds: number | null }>('select actual_seconds from wait_predictions where conversation_id = $1', [id]))[0]?.actual_seconds).toBe(45);
    const accuracy = await t.callExtra(t.as.supervisor, 'GET', '/api/v1/routing/wait-accuracy');
    expect(accuracy.statusCode, accuracy.body).toBe(200);
    expect(accuracy.json().channels).toEqual([{ channel: 'chat', count: 1, unpredicted: 0, medianAbsoluteErrorSeconds: 45, within30Seconds: 0, within50Percent: 0 }]);
    expect((await t.callExtra(t.as.agent, 'GET', '/api/v1/routing/wait-accuracy')).statusCode).toBe(403);
  });

  it('when conversations are resolved, then their handle times feed the prediction for a busy queue', async () => {
    const id = (await t.ctx.db.query<{ conversation_id: string }>('select conversation_id from wait_predictions where claimed_at is not null'))[0]!.conversation_id;
    t.ctx.clock.advance(240_000);
    expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/status`, { status: 'resolved' })).statusCode).toBe(200);
    await expect.poll(async () => (await t.ctx.db.query('select 1 from wait_predictions where resolved_at is not null')).length).toBe(1);
    // Fill the agent's chat seats, then one more waits: its wait follows from the 240 s handle time.
    const seats = (await t.call(t.as.agent, 'GET', `/api/v1/agents/${t.agent.id}`)).json().capacity.chat as number;
    for (let i = 0; i < seats; i++) await t.call(t.as.agent, 'POST', `/api/v1/conversations/${await startChat()}/assign`, { ownerId: t.agent.id });
    const waiting = await startChat();
    const wait = await queueWait(t.ctx, t.workspace.id, { channel: 'chat', conversationId: waiting, fresh: true });
    expect(wait).toMatchObject({ position: 1, predictedSeconds: Math.round(240 / seats), basis: { reason: 'queue', medianHandleSeconds: 240 } });
  });

  it('when a manager sets the offer threshold, then it is kept; unknown channels are refused', async () => {
    const put = await t.callExtra(t.as.supervisor, 'PUT', '/api/v1/routing/wait-settings', { offerAfterSeconds: { chat: 90, whatsapp: 600 } });
    expect(put.json()).toEqual({ offerAfterSeconds: { chat: 90, whatsapp: 600 } });
    expect((await t.callExtra(t.as.supervisor, 'PUT', '/api/v1/routing/wait-settings', { offerAfterSeconds: { pigeon: 1 } })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.callExtra(t.as.agent, 'PUT', '/api/v1/routing/wait-settings', { offerAfterSeconds: {} })).statusCode).toBe(403);
    expect((await t.callExtra(t.as.agent, 'GET', '/api/v1/routing/wait-settings')).json()).toEqual({ offerAfterSeconds: { chat: 90, whatsapp: 600 } });
  });
});
