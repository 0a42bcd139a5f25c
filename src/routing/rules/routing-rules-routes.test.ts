import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../../contacts/index.ts';
import { getConversation, startConversation } from '../../conversations/index.ts';
import type { Caller } from '../../testing/index.ts';
import { findConversationRouting } from './conversation-routing-store.ts';
import { routingHarness, type RoutingHarness } from './routing-harness.test-data.ts';

let h: RoutingHarness;
let settingsWriter: Caller;
beforeAll(async () => {
  h = await routingHarness({ model: false });
  settingsWriter = await h.tokenWith(['settings:write']);
});
afterAll(async () => h.stop());

const url = '/api/v1/routing/rules';
const list = async () => (await h.rules(h.as.agent, 'GET', url)).json().items as { id: string; name: string; position: number; enabled: boolean }[];
const eventsOf = async (type: string) =>
  (await h.ctx.db.query<{ subject_id: string; payload: Record<string, unknown> }>('select subject_id, payload from events where type = $1 order by position', [type]));
const gold = (teamId: string) => ({
  name: 'Gold customers', conditions: [{ field: 'contact.tier', op: 'is', value: 'gold' }], actions: { teamId, priority: 'urgent', addSkills: ['VIP'] },
});

describe('admins edit routing rules over the API', () => {
  it('when input is wrong, then 400 names where, unknown teams are 404, and nothing is written', async () => {
    const badIn = await h.rules(h.as.admin, 'POST', url, {
      name: 'Bad', conditions: [{ field: 'channel', op: 'is', value: 'chat' }, { field: 'intent', op: 'in', value: 'refund' }], actions: { priority: 'high' },
    });
    expect(badIn.statusCode).toBe(400);
    expect(badIn.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'conditions[1].value: expected a list of 1 to 100 values for op "in"' });
    expect(badIn.json().error.details.problems).toEqual([{ path: 'conditions[1].value', message: 'expected a list of 1 to 100 values for op "in"' }]);
    const badOp = await h.rules(h.as.admin, 'POST', url, { name: 'Bad', conditions: [{ field: 'intent', op: 'like', value: 'x' }], actions: { priority: 'high' } });
    expect(badOp.statusCode).toBe(400);
    expect(badOp.json().error.message).toContain('body/conditions/0/op');
    const noTeam = await h.rules(h.as.admin, 'POST', url, gold('01a20000-0000-7000-8000-000000000000'));
    expect(noTeam.statusCode).toBe(404);
    expect(noTeam.json().error.code).toBe('TEAM_NOT_FOUND');
    expect((await h.rules(h.as.admin, 'POST', url, { name: 'x', conditions: [], actions: {}, colour: 'red' })).statusCode).toBe(400);
    expect(await list()).toEqual([]);
    expect(await eventsOf('routing_rule.created')).toEqual([]);
  });

  it('when an admin adds rules, then they run in the order added, everyone can read them, and only admins (or settings:write tokens) may write', async () => {
    const created = await h.rules(h.as.admin, 'POST', url, gold(h.teams.vip.id));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Gold customers', position: 1, enabled: true, stop: false,
      conditions: [{ field: 'contact.tier', op: 'is', value: 'gold' }], actions: { teamId: h.teams.vip.id, priority: 'urgent', addSkills: ['vip'] },
    });
    const second = await h.rules(settingsWriter, 'POST', url, { name: 'Arabic', conditions: [{ field: 'language', op: 'is', value: 'ar' }], actions: { addSkills: ['arabic'] }, stop: true });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().position).toBe(2);
    expect((await h.rules(h.as.supervisor, 'POST', url, gold(h.teams.vip.id))).statusCode).toBe(403);
    expect((await h.rules(h.as.agent, 'POST', url, gold(h.teams.vip.id))).statusCode).toBe(403);
    expect((await list()).map((r) => [r.name, r.position])).toEqual([['Gold customers', 1], ['Arabic', 2]]);
    expect((await eventsOf('routing_rule.created')).map((e) => e.payload)).toEqual([{ name: 'Gold customers', position: 1 }, { name: 'Arabic', position: 2 }]);
  });

  it('when an admin changes a rule, then only what was given changes; a bad change keeps the rule as it was', async () => {
    const [rule] = await list();
    const changed = await h.rules(h.as.admin, 'PATCH', `${url}/${rule!.id}`, { name: 'Gold tier', enabled: false });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Gold tier', enabled: false, position: 1, actions: { teamId: h.teams.vip.id } });
    const bad = await h.rules(h.as.admin, 'PATCH', `${url}/${rule!.id}`, { name: 'Broken', conditions: [{ field: 'time', op: 'between', value: { from: '9', to: '17:00' } }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('conditions[0].value.from: expected a time "HH:MM" from 00:00 to 23:59');
    expect((await list())[0]).toMatchObject({ name: 'Gold tier', enabled: false });
    expect((await h.rules(h.as.admin, 'PATCH', `${url}/01a20000-0000-7000-8000-000000000000`, { name: 'x' })).json().error.code).toBe('ROUTING_RULE_NOT_FOUND');
    expect((await eventsOf('routing_rule.changed')).map((e) => e.payload)).toEqual([{ name: 'Gold tier', fields: ['name', 'enabled'] }]);
    await h.rules(h.as.admin, 'PATCH', `${url}/${rule!.id}`, { enabled: true });
  });

  it('when an admin reorders the rules, then the list must name every rule once; the new order holds', async () => {
    const [a, b] = await list();
    expect((await h.rules(h.as.admin, 'POST', `${url}/reorder`, { ids: [b!.id] })).json().error.message).toMatch(/^ids: list every rule; missing "Gold tier"/);
    expect((await h.rules(h.as.admin, 'POST', `${url}/reorder`, { ids: [b!.id, b!.id] })).json().error.message).toMatch(/^ids\[1\]: .* is listed twice/);
    expect((await h.rules(h.as.admin, 'POST', `${url}/reorder`, { ids: [b!.id, a!.id, '01a20000-0000-7000-8000-000000000000'] })).statusCode).toBe(400);
    const reordered = await h.rules(h.as.admin, 'POST', `${url}/reorder`, { ids: [b!.id, a!.id] });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().items.map((r: { id: string; position: number }) => [r.id, r.position])).toEqual([[b!.id, 1], [a!.id, 2]]);
    expect((await h.rules(h.as.agent, 'POST', `${url}/reorder`, { ids: [a!.id, b!.id] })).statusCode).toBe(403);
  });

  it('when an admin asks what the rules would do for a conversation, then the answer explains it and nothing changes', async () => {
    const contact = await createContact(h.ctx, h.workspace.id, { name: 'Layla', language: 'ar-EG', attributes: { tier: 'gold' } }, { type: 'system' });
    const conversation = await startConversation(h.ctx, h.workspace.id, { contactId: contact.id, channel: 'email', teamId: h.teams.support.id }, { type: 'system' });
    await h.routedAt(conversation.id, 'created');
    const rules = await list();
    const before = await findConversationRouting(h.ctx.db, h.workspace.id, conversation.id);
    const tested = await h.rules(h.as.agent, 'POST', `${url}/test`, { conversationId: conversation.id, at: '2026-11-27T20:00:00Z' });
    expect(tested.statusCode, tested.body).toBe(200);
    // "Arabic" runs first now and stops: gold customers are not looked at.
    expect(tested.json()).toEqual({
      at: '2026-11-27T20:00:00.000Z',
      subject: { channel: 'email', language: 'ar-EG', intent: null, timeZone: 'Asia/Riyadh', contact: { tier: 'gold' } },
      outcome: { skills: ['arabic'], matchedRuleIds: [rules[0]!.id] },
      effects: { kept: [] },
    });
    await h.rules(h.as.admin, 'POST', `${url}/reorder`, { ids: [rules[1]!.id, rules[0]!.id] });
    const again = (await h.rules(h.as.agent, 'POST', `${url}/test`, { conversationId: conversation.id })).json();
    expect(again.outcome).toEqual({ teamId: h.teams.vip.id, priority: 'urgent', skills: ['vip', 'arabic'], matchedRuleIds: [rules[1]!.id, rules[0]!.id] });
    expect(again.effects).toEqual({ priority: 'urgent', kept: ['team_set_by_hand'] });
    expect(await getConversation(h.ctx, h.workspace.id, conversation.id)).toMatchObject({ teamId: h.teams.support.id, priority: 'normal' });
    expect(await findConversationRouting(h.ctx.db, h.workspace.id, conversation.id)).toEqual(before);
    expect((await h.rules(h.as.agent, 'POST', `${url}/test`, { conversationId: '01a20000-0000-7000-8000-000000000000' })).json().error.code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('when an admin deletes a rule, then the ones after it move up, and it is gone', async () => {
    const [first, second] = await list();
    const deleted = await h.rules(h.as.admin, 'DELETE', `${url}/${first!.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await list()).map((r) => [r.id, r.position])).toEqual([[second!.id, 1]]);
    expect((await h.rules(h.as.admin, 'DELETE', `${url}/${first!.id}`)).json().error.code).toBe('ROUTING_RULE_NOT_FOUND');
    expect((await eventsOf('routing_rule.deleted')).map((e) => e.subject_id)).toEqual([first!.id]);
  });
});
