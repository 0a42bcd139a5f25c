import { beforeAll, describe, expect, it } from 'vitest';
import { chatOfferRoutes } from '../../channels/chat/index.ts';
import { dueAtOf, sweepMissedCallbacks } from './callback-commands.ts';
import { visitorCallbackScheduler } from './callback-visitor.ts';
import { extrasApp, type ExtrasApp } from './routing-extras.test-data.ts';

let t: ExtrasApp;
let writer: ExtrasApp['anonymous'];
beforeAll(async () => {
  t = await extrasApp((ctx) => chatOfferRoutes(ctx, visitorCallbackScheduler(ctx)));
  writer = await t.tokenWith(['conversations:write', 'conversations:read']);
});

const later = (minutes: number) => new Date(t.ctx.clock().getTime() + minutes * 60_000).toISOString();
const count = async (table: string) => (await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const visitor = async () => (await t.call(t.anonymous, 'POST', '/api/v1/chat/session', { locale: 'en' })).json() as { visitorToken: string; contactId: string };

describe('callbacks from agents and integrations', () => {
  it('when a callback is asked with an Arabic-Indic number, then the number is normalised, a callback conversation waits, due at the window start', async () => {
    const created = await t.callExtra(writer, 'POST', '/api/v1/callbacks', { phone: '+٩٦٦ ٥٥ ١٢٣ ٤٥٦٧', windowStart: later(60), windowEnd: later(90), timeZone: 'Asia/Riyadh', note: 'about the refund' });
    expect(created.statusCode, created.body).toBe(201);
    const cb = created.json();
    expect(cb).toMatchObject({ phone: '+966551234567', status: 'scheduled', timeZone: 'Asia/Riyadh', note: 'about the refund', ownerId: null, sourceConversationId: null });
    const conversation = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${cb.conversationId}`)).json();
    expect(conversation).toMatchObject({ channel: 'callback', status: 'open', contactId: cb.contactId });
    expect((await dueAtOf(t.ctx.db, t.workspace.id, [cb.conversationId, '00000000-0000-7000-8000-000000000000'])).get(cb.conversationId)?.toISOString()).toBe(cb.windowStart);
    const listed = (await t.callExtra(t.as.agent, 'GET', '/api/v1/callbacks?status=scheduled')).json();
    expect(listed.items.map((c: { id: string }) => c.id)).toContain(cb.id);
    expect((await t.callExtra(t.as.agent, 'GET', '/api/v1/callbacks?status=done')).json().items).toEqual([]);
  });

  it('when the phone, the window or the time zone is wrong, then 400 with a clear message, and nothing is written', async () => {
    const before = [await count('callbacks'), await count('conversations'), await count('contacts')];
    const good = { phone: '0551234567', windowStart: later(60), windowEnd: later(90), timeZone: 'Asia/Riyadh' };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...good, phone: 'call me maybe' }, 'INVALID_IDENTITY', /not a phone number/],
      [{ ...good, windowStart: later(90), windowEnd: later(60) }, 'CALLBACK_WINDOW_INVALID', /windowEnd must be after windowStart/],
      [{ ...good, windowStart: later(-90), windowEnd: later(-60) }, 'CALLBACK_WINDOW_INVALID', /in the past/],
      [{ ...good, timeZone: 'Mars/Olympus' }, 'INVALID_TIME_ZONE', /not an IANA time zone/],
      [{ windowStart: later(60), windowEnd: later(90), timeZone: 'UTC' }, 'VALIDATION_FAILED', /give phone/],
      [{ ...good, windowStart: 'tonight' }, 'VALIDATION_FAILED', /windowStart/],
    ];
    for (const [body, code, message] of cases) {
      const response = await t.callExtra(writer, 'POST', '/api/v1/callbacks', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toMatch(message);
    }
    expect([await count('callbacks'), await count('conversations'), await count('contacts')]).toEqual(before);
    expect((await t.callExtra(await t.tokenWith(['conversations:read']), 'POST', '/api/v1/callbacks', good)).statusCode).toBe(403);
  });

  it('when a callback is done, then its conversation is resolved and it cannot be cancelled afterwards', async () => {
    const cb = (await t.callExtra(t.as.agent, 'POST', '/api/v1/callbacks', { phone: '0551112222', windowStart: later(10), windowEnd: later(40), timeZone: 'Europe/London' })).json();
    const done = await t.callExtra(t.as.agent, 'PATCH', `/api/v1/callbacks/${cb.id}`, { status: 'done' });
    expect(done.json()).toMatchObject({ id: cb.id, status: 'done' });
    expect((await t.call(t.as.agent, 'GET', `/api/v1/conversations/${cb.conversationId}`)).json().status).toBe('resolved');
    expect((await t.callExtra(t.as.agent, 'PATCH', `/api/v1/callbacks/${cb.id}`, { status: 'done' })).statusCode).toBe(200);
    expect((await t.callExtra(t.as.agent, 'PATCH', `/api/v1/callbacks/${cb.id}`, { status: 'cancelled' })).json().error.code).toBe('CALLBACK_NOT_OPEN');
    expect((await t.callExtra(t.as.agent, 'PATCH', '/api/v1/callbacks/00000000-0000-7000-8000-000000000000', { status: 'done' })).json().error.code).toBe('CALLBACK_NOT_FOUND');
  });
});

describe('callbacks from the chat widget', () => {
  it('when a visitor asks for a call from their waiting chat, then it is theirs, linked to the chat, confirmed in the chat, and the chat leaves the queue', async () => {
    const v = await visitor();
    const chat = (await t.call(writer, 'POST', '/api/v1/conversations', { channel: 'chat', contactId: v.contactId, message: { kind: 'customer', body: 'hi' } })).json();
    const response = await t.callExtra(t.anonymous, 'POST', '/api/v1/chat/callback', {
      visitorToken: v.visitorToken, conversationId: chat.id, phone: '055 123 4567', windowStart: later(9 * 60), windowEnd: later(9 * 60 + 30), timeZone: 'Asia/Riyadh', locale: 'en',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: 'scheduled', timeZone: 'Asia/Riyadh', confirmation: 'We will call you between 21:00 and 21:30' });
    const cb = (await t.callExtra(t.as.agent, 'GET', '/api/v1/callbacks')).json().items.find((c: { id: string }) => c.id === response.json().callbackId);
    expect(cb).toMatchObject({ contactId: v.contactId, sourceConversationId: chat.id, phone: '0551234567' });
    expect((await t.call(t.as.agent, 'GET', `/api/v1/conversations/${chat.id}`)).json().status).toBe('pending');
    const messages = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${chat.id}/messages`)).json().items;
    expect(messages).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'system', body: 'We will call you between 21:00 and 21:30' })]));
  });

  it('when a visitor names another customer’s chat, or another contact, then nothing is created', async () => {
    const owner = await visitor();
    const other = await visitor();
    const chat = (await t.call(writer, 'POST', '/api/v1/conversations', { channel: 'chat', contactId: owner.contactId, message: { kind: 'customer', body: 'mine' } })).json();
    const before = await count('callbacks');
    const body = { visitorToken: other.visitorToken, phone: '0551234567', windowStart: later(60), windowEnd: later(90), timeZone: 'UTC' };
    expect((await t.callExtra(t.anonymous, 'POST', '/api/v1/chat/callback', { ...body, conversationId: chat.id })).json().error.code).toBe('CONVERSATION_NOT_FOUND');
    expect((await t.callExtra(t.anonymous, 'POST', '/api/v1/chat/callback', { ...body, contactId: owner.contactId })).statusCode).toBe(400);
    expect((await t.callExtra(t.anonymous, 'POST', '/api/v1/chat/callback', { ...body, visitorToken: 'v1.forged.token' })).statusCode).toBe(401);
    expect(await count('callbacks')).toBe(before);
  });
});

describe('missed callbacks', () => {
  it('when a window ends without the call being made, then the sweep marks it missed once, announces it, and the summary counts it', async () => {
    const cb = (await t.callExtra(writer, 'POST', '/api/v1/callbacks', { phone: '0553334444', windowStart: later(5), windowEnd: later(20), timeZone: 'UTC' })).json();
    const summaryBefore = (await t.callExtra(t.as.agent, 'GET', '/api/v1/callbacks/summary')).json();
    expect(await sweepMissedCallbacks(t.ctx, t.ctx.clock())).toBe(0);
    t.ctx.clock.advance(3 * 60 * 60_000);
    const swept = await sweepMissedCallbacks(t.ctx, t.ctx.clock());
    expect(swept).toBeGreaterThanOrEqual(1);
    expect(await sweepMissedCallbacks(t.ctx, t.ctx.clock())).toBe(0);
    const listed = (await t.callExtra(t.as.agent, 'GET', '/api/v1/callbacks?status=missed')).json().items;
    expect(listed.map((c: { id: string }) => c.id)).toContain(cb.id);
    const events = await t.ctx.db.query("select subject_id from events where type = 'callback.missed'");
    expect(events.map((e) => e.subject_id)).toContain(cb.id);
    const summary = (await t.callExtra(t.as.agent, 'GET', '/api/v1/callbacks/summary')).json();
    expect(summary.missed).toBe(summaryBefore.missed + swept);
    expect(summary.missedLast7Days).toBe(summary.missed);
    expect(summary.scheduled).toBe(summaryBefore.scheduled - swept);
  });
});

describe('who may call the new routes', () => {
  it('when their access is read, then it is exactly the table to add to src/app-access.test.ts', async () => {
    const { waitRoutes } = await import('../wait/wait-routes.ts');
    const { callbackRoutes } = await import('./callback-routes.ts');
    const routes = [...waitRoutes(t.ctx), ...callbackRoutes(t.ctx), ...chatOfferRoutes(t.ctx, visitorCallbackScheduler(t.ctx))];
    const declared = Object.fromEntries(routes.map((r) => [`${r.method} ${r.url}`, r.access.kind === 'public' ? 'public' : `${r.access.roles.join('|')} ${r.access.scope ?? '-'}`]));
    expect(declared).toEqual({
      'GET /api/v1/routing/wait': 'admin|supervisor|agent conversations:read',
      'GET /api/v1/routing/wait-accuracy': 'admin|supervisor conversations:read',
      'GET /api/v1/routing/wait-settings': 'admin|supervisor|agent settings:read',
      'PUT /api/v1/routing/wait-settings': 'admin|supervisor settings:write',
      'POST /api/v1/callbacks': 'admin|supervisor|agent conversations:write',
      'GET /api/v1/callbacks': 'admin|supervisor|agent conversations:read',
      'GET /api/v1/callbacks/summary': 'admin|supervisor|agent conversations:read',
      'PATCH /api/v1/callbacks/:id': 'admin|supervisor|agent conversations:write',
      'POST /api/v1/chat/email': 'public',
      'POST /api/v1/chat/callback': 'public',
    });
  });
});
