import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, signIn, type Caller, type TestApp } from '../../testing/index.ts';

let t: TestApp;
let integration: Caller;
let billing: { id: string };
let layla: Caller;
let laylaId: string;
beforeAll(async () => {
  t = await testApp();
  integration = await t.tokenWith(['conversations:write', 'conversations:read']);
  billing = (await t.call(t.as.admin, 'POST', '/api/v1/teams', { name: 'Billing' })).json();
  const created = await t.call(t.as.admin, 'POST', '/api/v1/agents', { email: 'layla@x.test', name: 'Layla', role: 'agent', teamIds: [billing.id] });
  laylaId = created.json().id;
  expect((await t.call(t.as.admin, 'PUT', `/api/v1/agents/${laylaId}/password`, { password: 'correct horse battery' })).statusCode).toBeLessThan(300);
  layla = await signIn(t.app, 'layla@x.test');
});

async function ownedByAgent(language = 'ar'): Promise<string> {
  const started = await t.call(integration, 'POST', '/api/v1/conversations', { channel: 'chat', language, contact: { name: 'Hala' }, message: { kind: 'customer', body: 'خصم مرتين' } });
  const id = started.json().id as string;
  expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/assign`, { ownerId: t.agent.id })).statusCode).toBe(200);
  return id;
}
const conversation = async (id: string) => (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}`)).json();
const messages = async (id: string) => (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${id}/messages?limit=200`)).json().items as { kind: string; body: string }[];

describe('warm transfers', () => {
  it('when the owner asks a team to take over, then the owner keeps it until a team member accepts; then it moves, the customer is told in their language and the brief travels', async () => {
    const id = await ownedByAgent();
    const asked = await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/transfers`, { toTeamId: billing.id, reason: 'double charge needs billing' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', fromAgentId: t.agent.id, requestedBy: t.agent.id, toTeamId: billing.id });
    expect((await conversation(id)).ownerId).toBe(t.agent.id);
    expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/transfers`, { toTeamId: billing.id, reason: 'again' })).json().error.code).toBe('TRANSFER_PENDING');
    // Someone outside the team cannot take it.
    expect((await t.call(t.as.agent, 'POST', `/api/v1/transfers/${asked.json().id}/accept`)).json().error.code).toBe('FORBIDDEN');

    const accepted = await t.call(layla, 'POST', `/api/v1/transfers/${asked.json().id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedBy: laylaId });
    expect(await conversation(id)).toMatchObject({ ownerId: laylaId, teamId: billing.id });
    const lines = await messages(id);
    expect(lines.filter((m) => m.kind === 'system').map((m) => m.body)).toEqual(['أنت الآن تتحدث مع Layla.']);
    await expect.poll(async () => (await messages(id)).some((m) => m.kind === 'note' && m.body.startsWith('Hand-off brief'))).toBe(true);
    expect((await t.call(layla, 'POST', `/api/v1/transfers/${asked.json().id}/accept`)).json().error.code).toBe('TRANSFER_NOT_PENDING');
    const stats = (await t.call(t.as.supervisor, 'GET', '/api/v1/routing/transfer-stats')).json();
    expect(stats.conversations).toEqual([{ conversationId: id, intent: null, transfers: 1 }]);
    expect(stats.byIntent).toEqual([{ intent: null, conversations: 1, transfers: 1 }]);
  });

  it('when the colleague declines, then the conversation stays with its owner; the owner may also withdraw a request', async () => {
    const id = await ownedByAgent('en');
    const asked = (await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/transfers`, { toAgentId: laylaId, reason: 'you know this customer' })).json();
    const declined = await t.call(layla, 'POST', `/api/v1/transfers/${asked.id}/decline`, { reason: 'not my area' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'not my area' });
    expect((await conversation(id)).ownerId).toBe(t.agent.id);
    t.ctx.clock.advance(1000);
    const again = (await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/transfers`, { toAgentId: laylaId, reason: 'please, it is billing' })).json();
    expect((await t.call(layla, 'POST', `/api/v1/transfers/${again.id}/cancel`)).json().error.code).toBe('FORBIDDEN');
    expect((await t.call(t.as.agent, 'POST', `/api/v1/transfers/${again.id}/cancel`)).json().status).toBe('cancelled');
    expect((await conversation(id)).ownerId).toBe(t.agent.id);
    const listed = (await t.call(t.as.agent, 'GET', `/api/v1/transfers?conversationId=${id}`)).json().items;
    expect(listed.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'declined']);
  });

  it('when someone else asks, without a reason, to the owner themselves, or an API token tries, then it is refused and nothing is written', async () => {
    const id = await ownedByAgent('en');
    expect((await t.call(layla, 'POST', `/api/v1/conversations/${id}/transfers`, { toTeamId: billing.id, reason: 'mine now' })).json().error.code).toBe('FORBIDDEN');
    expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/transfers`, { toTeamId: billing.id, reason: '   ' })).json().error.code).toBe('TRANSFER_REASON_REQUIRED');
    expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/transfers`, { reason: 'somewhere' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/transfers`, { toAgentId: t.agent.id, reason: 'me' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.call(t.as.agent, 'POST', `/api/v1/conversations/${id}/transfers`, { toTeamId: '00000000-0000-7000-8000-000000000000', reason: 'x' })).json().error.code).toBe('TEAM_NOT_FOUND');
    expect((await t.call(integration, 'POST', `/api/v1/conversations/${id}/transfers`, { toTeamId: billing.id, reason: 'bot' })).json().error.code).toBe('FORBIDDEN');
    // A supervisor may hand over someone else's conversation.
    const bySupervisor = await t.call(t.as.supervisor, 'POST', `/api/v1/conversations/${id}/transfers`, { toTeamId: billing.id, reason: 'rebalancing' });
    expect(bySupervisor.json()).toMatchObject({ fromAgentId: t.agent.id, requestedBy: t.supervisor.id });
    expect((await t.call(t.as.agent, 'GET', `/api/v1/transfers?conversationId=${id}`)).json().items).toHaveLength(1);
  });
});
