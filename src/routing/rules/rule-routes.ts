import { Type } from '@sinclair/typebox';
import { actorOf, adminsOnly, allow, commonErrors, defineRoute, everyRole, Id, IdParams, Nullable, Obj, signedIn, Text, Timestamp, type RouteDef } from '../../http/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { changeRoutingRule, createRoutingRule, deleteRoutingRule, maxRulesPerWorkspace, reorderRoutingRules } from './rule-commands.ts';
import { listRules } from './rule-store.ts';
import { conditionOps, maxConditions, maxSkills, rulePriorities } from './rule-validation-rules.ts';
import { testRoutingRules } from './routing-subject.ts';

const Priority = Type.Union(rulePriorities.map((p) => Type.Literal(p)));
// `value` is checked by the rule validator, which knows what each op needs and says where it is wrong.
const Condition = Obj({
  field: Type.String({ minLength: 1, maxLength: 80, description: 'channel, language, intent, time, or contact.<attribute> (e.g. contact.tier)' }),
  op: Type.Union(conditionOps.map((o) => Type.Literal(o))),
  value: Type.Optional(Type.Unknown({ description: 'one value (is, is_not, contains), a list (in, not_in), true/false (exists), or { days?, from, to } (between, not_between)' })),
});
const Actions = Obj({
  teamId: Type.Optional(Nullable(Id)),
  addSkills: Type.Optional(Type.Array(Text(50, 1), { maxItems: maxSkills })),
  priority: Type.Optional(Priority),
});
const ruleFields = {
  name: Text(100, 1),
  enabled: Type.Boolean(),
  conditions: Type.Array(Condition, { maxItems: maxConditions }),
  actions: Actions,
  stop: Type.Boolean(),
};
const RuleView = Obj({ id: Id, position: Type.Integer(), ...ruleFields, createdAt: Timestamp, updatedAt: Timestamp });
const Rules = Obj({ items: Type.Array(RuleView) });
const TestView = Obj({
  at: Timestamp,
  subject: Obj({
    channel: Type.String(), language: Nullable(Type.String()), intent: Nullable(Type.String()), timeZone: Type.String(),
    contact: Type.Record(Type.String(), Type.Unknown()),
  }),
  outcome: Obj({ teamId: Type.Optional(Nullable(Id)), skills: Type.Array(Type.String()), priority: Type.Optional(Priority), matchedRuleIds: Type.Array(Id) }),
  effects: Obj({
    teamId: Type.Optional(Nullable(Id)), priority: Type.Optional(Priority),
    kept: Type.Array(Type.String({ description: 'why an action would be left out: closed, has_owner, team_set_by_hand, priority_not_raised' })),
  }),
});

/** Routing rules admins edit in the console: conditions on the conversation and its customer, actions on where it queues. */
export function routingRulesRoutes(ctx: CommandContext): RouteDef[] {
  const write = allow(adminsOnly, 'settings:write');
  const tags = ['routing'];
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/routing/rules', summary: 'The routing rules, in the order they run', tags,
      access: allow(everyRole, 'settings:read'),
      response: { 200: Rules, ...commonErrors },
      handler: async ({ principal }) => ({ items: await listRules(ctx.db, signedIn(principal).workspaceId) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/routing/rules', summary: `Add a routing rule after the others (at most ${maxRulesPerWorkspace})`, tags,
      access: write,
      body: Obj({ ...ruleFields, enabled: Type.Optional(ruleFields.enabled), stop: Type.Optional(ruleFields.stop) }),
      response: { 201: RuleView, ...commonErrors },
      handler: async ({ principal, body }) => createRoutingRule(ctx, signedIn(principal).workspaceId, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/routing/rules/:id', summary: 'Change a routing rule; each field given replaces the one there', tags,
      access: write,
      params: IdParams,
      body: Type.Partial(Obj(ruleFields)),
      response: { 200: RuleView, ...commonErrors },
      handler: async ({ principal, params, body }) => changeRoutingRule(ctx, signedIn(principal).workspaceId, params.id, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/routing/rules/:id', summary: 'Delete a routing rule; the ones after it move up', tags,
      access: write,
      params: IdParams,
      response: { 200: RuleView, ...commonErrors },
      handler: async ({ principal, params }) => deleteRoutingRule(ctx, signedIn(principal).workspaceId, params.id, actorOf(principal)),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/routing/rules/reorder', summary: 'Put the routing rules in a new order (list every rule once)', tags,
      access: write,
      body: Obj({ ids: Type.Array(Id, { maxItems: maxRulesPerWorkspace }) }),
      response: { 200: Rules, ...commonErrors },
      handler: async ({ principal, body }) => ({ items: await reorderRoutingRules(ctx, signedIn(principal).workspaceId, body.ids, actorOf(principal)) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/routing/rules/test', summary: 'Dry run: what the rules would do for a conversation now (or at `at`); changes nothing', tags,
      // It reveals the conversation and its customer's attributes, so it asks what reading a conversation asks.
      access: allow(everyRole, 'conversations:read'),
      body: Obj({ conversationId: Id, at: Type.Optional(Timestamp) }),
      response: { 200: TestView, ...commonErrors },
      handler: async ({ principal, body }) =>
        testRoutingRules(ctx, signedIn(principal).workspaceId, body.conversationId, body.at ? new Date(body.at) : undefined),
    }),
  ];
}
