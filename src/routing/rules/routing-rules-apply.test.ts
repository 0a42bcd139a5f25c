import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../../contacts/index.ts';
import { assignConversation, getConversation, listMessages, postMessage, startConversation, type Channel, type Priority } from '../../conversations/index.ts';
import type { Actor } from '../../kernel/index.ts';
import { requiredSkillsOf } from './conversation-routing-store.ts';
import { createRoutingRule, deleteRoutingRule, reorderRoutingRules } from './rule-commands.ts';
import { listRules } from './rule-store.ts';
import { applyRoutingRules } from './routing-subscriber.ts';
import { routingHarness, type RoutingHarness } from './routing-harness.test-data.ts';
import type { AttributeValue } from './routing-rule-types.ts';
import type { RuleDraft } from './rule-validation-rules.ts';

let h: RoutingHarness;
let ws: string;
let admin: Actor;
beforeAll(async () => {
  h = await routingHarness();
  ws = h.workspace.id;
  admin = { type: 'agent', id: h.admin.id };
});
afterAll(async () => h.stop());
afterEach(async () => {
  for (const rule of await listRules(h.ctx.db, ws)) await deleteRoutingRule(h.ctx, ws, rule.id, admin);
  h.ctx.clock.set('2026-11-23T09:00:00.000Z');
  expect(h.errors).toEqual([]);
});

const addRule = (draft: Partial<RuleDraft> & Pick<RuleDraft, 'actions'>) => createRoutingRule(h.ctx, ws, { name: 'rule', conditions: [], ...draft }, admin);

interface Start {
  body?: string;
  attributes?: Record<string, AttributeValue>;
  channel?: Channel;
  teamId?: string;
  priority?: Priority;
}

/** A customer starts a conversation; with a body it is their first message, which triage reads. */
async function converse(start: Start = {}): Promise<string> {
  const contact = await createContact(h.ctx, ws, { name: 'Customer', attributes: start.attributes ?? {} }, { type: 'system' });
  const conversation = await startConversation(h.ctx, ws, {
    contactId: contact.id, channel: start.channel ?? 'chat', teamId: start.teamId ?? null, priority: start.priority ?? 'normal',
    ...(start.body ? { message: { kind: 'customer' as const, body: start.body } } : {}),
  }, { type: 'contact', id: contact.id });
  return conversation.id;
}
const conversation = (id: string) => getConversation(h.ctx, ws, id);
const chargedTwice = 'I was charged twice for the same order';

describe('rules applied to new conversations', () => {
  it('given "intent is charged_twice → Billing, skill refunds, priority high", when triage reads the first message, then it queues in Billing with refunds, high', async () => {
    const rule = await addRule({
      name: 'Double charges', conditions: [{ field: 'intent', op: 'is', value: 'charged_twice' }],
      actions: { teamId: h.teams.billing.id, addSkills: ['Refunds'], priority: 'high' },
    });
    const id = await converse({ body: chargedTwice });
    const routing = await h.routedAt(id, 'triaged');
    expect(await conversation(id)).toMatchObject({ intent: 'charged_twice', teamId: h.teams.billing.id, priority: 'high', ownerId: null });
    expect(routing).toMatchObject({ stage: 'triaged', skills: ['refunds'], matchedRuleIds: [rule.id], teamId: h.teams.billing.id });
    expect(await requiredSkillsOf(h.ctx.db, ws, [id, '01a20000-0000-7000-8000-000000000000'])).toEqual(new Map([[id, ['refunds']]]));
    // The team's timeline says which rule put it there; the customer never sees it (a note).
    const notes = (await listMessages(h.ctx, ws, id, { limit: 20, kinds: ['note'] })).items.map((m) => m.body);
    expect(notes).toContain('team: Billing (routing rule: Double charges)');

    // Delivered again, or heard by a second node, a stage does nothing; nor does a later message.
    expect(await applyRoutingRules(h.ctx, ws, id, 'triaged')).toBeNull();
    expect(await applyRoutingRules(h.ctx, ws, id, 'created')).toBeNull();
    await addRule({ name: 'Everything to VIP', actions: { teamId: h.teams.vip.id }, stop: true });
    await reorderRoutingRules(h.ctx, ws, (await listRules(h.ctx.db, ws)).map((r) => r.id).reverse(), admin);
    await postMessage(h.ctx, ws, id, { kind: 'customer', body: 'hello? anyone?' }, { type: 'system' });
    await expect.poll(async () => (await h.ctx.db.query('select count(*)::int as n from triage_readings where conversation_id = $1', [id]))[0]?.n).toBe(2);
    expect((await conversation(id)).teamId).toBe(h.teams.billing.id);
  });

  it('given an after-hours rule, when a conversation starts in the evening or at the weekend in Riyadh, then it goes to Nights; at noon on a weekday it does not', async () => {
    await addRule({
      name: 'After hours', conditions: [{ field: 'time', op: 'not_between', value: { days: ['sun', 'mon', 'tue', 'wed', 'thu'], from: '09:00', to: '17:00' } }],
      actions: { teamId: h.teams.nights.id }, stop: true,
    });
    h.ctx.clock.set('2026-11-23T16:00:00Z'); // Monday 19:00 in Riyadh
    const evening = await converse();
    await h.routedAt(evening, 'created');
    h.ctx.clock.set('2026-11-27T09:00:00Z'); // Friday 12:00: the weekend
    const friday = await converse();
    await h.routedAt(friday, 'created');
    h.ctx.clock.set('2026-11-23T09:00:00Z'); // Monday 12:00
    const noon = await converse();
    await h.routedAt(noon, 'created');
    expect((await conversation(evening)).teamId).toBe(h.teams.nights.id);
    expect((await conversation(friday)).teamId).toBe(h.teams.nights.id);
    expect((await conversation(noon)).teamId).toBeNull();
  });

  it('given "contact.tier is gold → VIP, urgent", when a gold customer writes, then VIP and urgent; a silver one is left as is', async () => {
    const rule = await addRule({ name: 'Gold', conditions: [{ field: 'contact.tier', op: 'is', value: 'gold' }], actions: { teamId: h.teams.vip.id, priority: 'urgent', addSkills: ['vip'] } });
    const gold = await converse({ attributes: { tier: 'Gold' } });
    const silver = await converse({ attributes: { tier: 'silver' } });
    expect(await h.routedAt(gold, 'created')).toMatchObject({ matchedRuleIds: [rule.id], skills: ['vip'] });
    expect(await h.routedAt(silver, 'created')).toMatchObject({ matchedRuleIds: [], skills: [] });
    expect(await conversation(gold)).toMatchObject({ teamId: h.teams.vip.id, priority: 'urgent' });
    expect(await conversation(silver)).toMatchObject({ teamId: null, priority: 'normal' });
  });

  it('given a disabled rule, when a conversation it would match starts, then it is ignored', async () => {
    await addRule({ name: 'Off', enabled: false, actions: { teamId: h.teams.vip.id, priority: 'urgent' } });
    const id = await converse({ body: chargedTwice });
    expect(await h.routedAt(id, 'triaged')).toMatchObject({ matchedRuleIds: [], skills: [], teamId: null });
    expect(await conversation(id)).toMatchObject({ teamId: null, priority: 'normal' });
  });

  it('given two rules that both name a team, when they are re-ordered, then the other one wins', async () => {
    const chat = await addRule({ name: 'Chats to Billing', conditions: [{ field: 'channel', op: 'is', value: 'chat' }], actions: { teamId: h.teams.billing.id } });
    const egypt = await addRule({ name: 'Egypt to VIP', conditions: [{ field: 'contact.country', op: 'in', value: ['EG', 'SA'] }], actions: { teamId: h.teams.vip.id } });
    const first = await converse({ attributes: { country: 'EG' } });
    expect(await h.routedAt(first, 'created')).toMatchObject({ matchedRuleIds: [chat.id, egypt.id] });
    expect((await conversation(first)).teamId).toBe(h.teams.billing.id);
    await reorderRoutingRules(h.ctx, ws, [egypt.id, chat.id], admin);
    const second = await converse({ attributes: { country: 'EG' } });
    expect(await h.routedAt(second, 'created')).toMatchObject({ matchedRuleIds: [egypt.id, chat.id] });
    expect((await conversation(second)).teamId).toBe(h.teams.vip.id);
  });

  it('given a conversation whose team an agent set by hand, when triage reads it, then it stays in that team; skills and a higher priority still apply', async () => {
    await addRule({ name: 'Double charges', conditions: [{ field: 'intent', op: 'is', value: 'charged_twice' }], actions: { teamId: h.teams.billing.id, addSkills: ['refunds'], priority: 'high' } });
    const id = await converse();
    await h.routedAt(id, 'created');
    await assignConversation(h.ctx, ws, id, { teamId: h.teams.support.id }, { type: 'agent', id: h.agent.id });
    await postMessage(h.ctx, ws, id, { kind: 'customer', body: chargedTwice }, { type: 'system' });
    expect(await h.routedAt(id, 'triaged')).toMatchObject({ skills: ['refunds'], teamId: null });
    expect(await conversation(id)).toMatchObject({ intent: 'charged_twice', teamId: h.teams.support.id, priority: 'high' });

    // Set by the integration that opened it, or owned by an agent: the same.
    const opened = await converse({ body: chargedTwice, teamId: h.teams.support.id, priority: 'urgent' });
    await h.routedAt(opened, 'triaged');
    expect(await conversation(opened)).toMatchObject({ teamId: h.teams.support.id, priority: 'urgent' });
    const owned = await converse();
    await h.routedAt(owned, 'created');
    await assignConversation(h.ctx, ws, owned, { ownerId: h.agent.id }, { type: 'agent', id: h.agent.id });
    await postMessage(h.ctx, ws, owned, { kind: 'customer', body: chargedTwice }, { type: 'system' });
    await h.routedAt(owned, 'triaged');
    expect(await conversation(owned)).toMatchObject({ ownerId: h.agent.id, teamId: null, priority: 'high' });
  });

  it('given rules moved a conversation at its start, when triage says more, then rules may move it again', async () => {
    await addRule({ name: 'Arabic chats', conditions: [{ field: 'channel', op: 'is', value: 'chat' }], actions: { teamId: h.teams.support.id } });
    await addRule({ name: 'Double charges', conditions: [{ field: 'intent', op: 'is', value: 'charged_twice' }], actions: { teamId: h.teams.billing.id } });
    await reorderRoutingRules(h.ctx, ws, (await listRules(h.ctx.db, ws)).map((r) => r.id).reverse(), admin);
    const id = await converse();
    await h.routedAt(id, 'created');
    expect((await conversation(id)).teamId).toBe(h.teams.support.id);
    await postMessage(h.ctx, ws, id, { kind: 'customer', body: 'خصمتوا الفلوس مرتين' }, { type: 'system' });
    await h.routedAt(id, 'triaged');
    expect(await conversation(id)).toMatchObject({ intent: 'charged_twice', teamId: h.teams.billing.id });
  });
});
