import { beforeAll, describe, expect, it } from 'vitest';
import { extrasApp, type ExtrasApp } from '../callbacks/routing-extras.test-data.ts';
import { chatOfferRoutes, useChatWaitSource } from '../../channels/chat/index.ts';
import { visitorCallbackScheduler } from '../callbacks/callback-visitor.ts';
import { chatWaitSource } from './wait-chat.ts';

let t: ExtrasApp;
beforeAll(async () => {
  t = await extrasApp((ctx) => chatOfferRoutes(ctx, visitorCallbackScheduler(ctx)));
  useChatWaitSource(t.ctx, chatWaitSource(t.ctx));
});

const visitor = async (locale = 'en') => (await t.call(t.anonymous, 'POST', '/api/v1/chat/session', { locale })).json();

describe('the chat widget’s wait comes from the predictor', () => {
  it('when nobody can take a chat, then the session says so (null) with the offer threshold; with a free seat the wait is 0', async () => {
    expect((await visitor()).availability).toEqual({ agentsOnline: 0, estimatedWaitSeconds: null, offerAfterSeconds: 120 });
    await t.call(t.as.admin, 'PATCH', `/api/v1/agents/${t.agent.id}`, { languages: [{ code: 'en', proficiency: 5 }] });
    await t.call(t.as.agent, 'PUT', `/api/v1/agents/${t.agent.id}/status`, { status: 'online' });
    t.ctx.clock.advance(5000);
    expect((await visitor()).availability).toEqual({ agentsOnline: 1, estimatedWaitSeconds: 0, offerAfterSeconds: 120 });
    // An Arabic-speaking visitor: the one agent online speaks only English, so there is no basis.
    expect((await visitor('ar')).availability).toMatchObject({ estimatedWaitSeconds: null });
  });
});

describe('email me instead', () => {
  it('when a waiting visitor leaves an email, then it becomes their identity, the chat is tagged and noted, and they are told where the answer goes', async () => {
    const v = await visitor();
    const token = await t.tokenWith(['conversations:write']);
    const chat = (await t.call(token, 'POST', '/api/v1/conversations', { channel: 'chat', contactId: v.contactId, message: { kind: 'customer', body: 'hi' } })).json();
    const response = await t.callExtra(t.anonymous, 'POST', '/api/v1/chat/email', { visitorToken: v.visitorToken, conversationId: chat.id, email: 'Huda@Example.com' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ conversationId: chat.id, email: 'huda@example.com' });
    expect((await t.call(t.as.agent, 'GET', `/api/v1/contacts/${v.contactId}`)).json().identities).toEqual(expect.arrayContaining([{ kind: 'email', value: 'huda@example.com' }]));
    const conversation = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${chat.id}`)).json();
    expect(conversation).toMatchObject({ status: 'open', tags: ['reply-by-email'] });
    const kinds = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${chat.id}/messages`)).json().items.map((m: { kind: string; body: string }) => `${m.kind}: ${m.body}`);
    expect(kinds).toEqual(expect.arrayContaining(['system: We will answer by email at huda@example.com.', expect.stringMatching(/^note: The customer chose not to wait/)]));
  });

  it('when another visitor names the chat, or the address is not an email, then it is refused', async () => {
    const owner = await visitor();
    const other = await visitor();
    const token = await t.tokenWith(['conversations:write']);
    const chat = (await t.call(token, 'POST', '/api/v1/conversations', { channel: 'chat', contactId: owner.contactId, message: { kind: 'customer', body: 'hi' } })).json();
    expect((await t.callExtra(t.anonymous, 'POST', '/api/v1/chat/email', { visitorToken: other.visitorToken, conversationId: chat.id, email: 'x@example.com' })).json().error.code).toBe('CONVERSATION_NOT_FOUND');
    expect((await t.callExtra(t.anonymous, 'POST', '/api/v1/chat/email', { visitorToken: owner.visitorToken, conversationId: chat.id, email: 'nope' })).statusCode).toBe(400);
  });
});
