import { Type } from '@sinclair/typebox';
import { getConversation } from '../conversations/index.ts';
import { actorOf, adminsOnly, allow, commonErrors, defineRoute, everyRole, Id, IdParams, managers, Nullable, Obj, Ok, signedIn, Text, Timestamp, type RouteDef } from '../http/index.ts';
import { AppError } from '../kernel/index.ts';
import type { CommandContext } from '../platform/outbox/index.ts';
import { clocksOf, clocksStartedBetween, runningClocks, type SlaClock } from './clocks/clock-store.ts';
import { assignTeamCalendar, changePolicy, listTeamCalendars, createPolicy, listPolicies, listSlaCalendars, recomputePolicy, reorderPolicies, saveSlaCalendar } from './policies/policy-commands.ts';
import { clockKinds, escalationActions } from './policies/policy-rules.ts';
import type { SlaCalendar, SlaPolicy } from './policies/policy-store.ts';
import { summariseClocks } from './report/report-rules.ts';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Names = Type.Array(Text(100, 1), { maxItems: 50 });
const Seconds = Nullable(Type.Integer({ minimum: 1, maximum: 365 * 24 * 3600 }));
const Step = Obj({ kind: lit(clockKinds), offsetSeconds: Type.Integer({ minimum: -365 * 24 * 3600, maximum: 365 * 24 * 3600 }), action: lit(escalationActions) });
const PolicyBody = {
  name: Text(100, 1),
  conditions: Obj({ channels: Type.Optional(Names), priorities: Type.Optional(Names), intents: Type.Optional(Names), languages: Type.Optional(Names), tiers: Type.Optional(Names) }),
  targets: Obj({ firstResponseSeconds: Seconds, nextResponseSeconds: Seconds, resolutionSeconds: Seconds }),
  escalation: Type.Array(Step, { maxItems: 20 }),
  calendarId: Nullable(Id),
  enabled: Type.Boolean(),
};
const PolicyView = Obj({ id: Id, position: Type.Integer(), ...PolicyBody, createdAt: Timestamp, updatedAt: Timestamp });
const CalendarView = Obj({ id: Id, name: Type.String(), calendar: Type.Unknown(), isDefault: Type.Boolean(), createdAt: Timestamp, updatedAt: Timestamp });
const ClockView = Obj({
  id: Id, conversationId: Id, kind: lit(clockKinds), cycle: Type.Integer(), policyId: Nullable(Id), policyName: Nullable(Type.String()), targetSeconds: Nullable(Type.Integer()),
  startedAt: Timestamp, outcome: lit(['running', 'met', 'ended'] as const), paused: Type.Boolean(), endedAt: Nullable(Timestamp), dueAt: Nullable(Timestamp),
  breachedAt: Nullable(Timestamp), businessSeconds: Nullable(Type.Number()), nextEscalationAt: Nullable(Timestamp), escalationsFired: Type.Array(Type.String()),
});
const ReportRow = Obj({
  policyId: Nullable(Id), policyName: Nullable(Type.String()), teamId: Nullable(Id), kind: lit(clockKinds), decided: Type.Integer(), metOnTime: Type.Integer(),
  breached: Type.Integer(), shareMet: Nullable(Type.Number()), running: Type.Integer(), medianSeconds: Nullable(Type.Number()),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
const policyView = (p: SlaPolicy) => ({
  id: p.id, position: p.position, name: p.name, conditions: p.conditions, targets: p.targets, escalation: p.escalation, calendarId: p.calendarId, enabled: p.enabled,
  createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(),
});
const calendarView = (c: SlaCalendar) => ({ id: c.id, name: c.name, calendar: c.calendar, isDefault: c.isDefault, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() });
export const clockView = (c: SlaClock) => ({
  id: c.id, conversationId: c.conversationId, kind: c.kind, cycle: c.cycle, policyId: c.policyId, policyName: c.policyName, targetSeconds: c.targetSeconds,
  startedAt: c.startedAt.toISOString(), outcome: c.outcome, paused: c.outcome === 'running' && c.pauses.some((p) => p.to === null), endedAt: iso(c.endedAt),
  dueAt: iso(c.dueAt), breachedAt: iso(c.breachedAt), businessSeconds: c.businessSeconds, nextEscalationAt: iso(c.nextFireAt), escalationsFired: c.fired,
});

export function slaRoutes(ctx: CommandContext): RouteDef[] {
  const read = allow(managers, 'settings:read');
  const write = allow(adminsOnly, 'settings:write');
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/sla/policies', summary: 'SLA policies in the order they are tried', tags: ['sla'], access: allow(everyRole, 'settings:read'),
      response: { 200: Obj({ items: Type.Array(PolicyView) }), ...commonErrors },
      handler: async ({ principal }) => ({ items: (await listPolicies(ctx, signedIn(principal).workspaceId)).map(policyView) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/sla/policies', summary: 'Add a policy (tried after the existing ones)', tags: ['sla'], access: write,
      body: Obj(PolicyBody), response: { 201: PolicyView, ...commonErrors },
      handler: async ({ principal, body }) => policyView(await createPolicy(ctx, signedIn(principal).workspaceId, body, actorOf(principal))),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/sla/policies/:id', summary: 'Change a policy: new clocks follow it; running ones only after recompute', tags: ['sla'], access: write,
      params: IdParams, body: Type.Partial(Obj(PolicyBody)), response: { 200: PolicyView, ...commonErrors },
      handler: async ({ principal, params, body }) => policyView(await changePolicy(ctx, signedIn(principal).workspaceId, params.id, body, actorOf(principal))),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/sla/policies/order', summary: 'Set the order policies are tried in (every id once)', tags: ['sla'], access: write,
      body: Obj({ ids: Type.Array(Id, { maxItems: 500 }) }), response: { 200: Obj({ items: Type.Array(PolicyView) }), ...commonErrors },
      handler: async ({ principal, body }) => ({ items: (await reorderPolicies(ctx, signedIn(principal).workspaceId, body.ids, actorOf(principal))).map(policyView) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/sla/policies/:id/recompute', summary: 'Apply the policy as it is now to the clocks already running under it', tags: ['sla'], access: write,
      params: IdParams, response: { 200: Obj({ conversations: Type.Integer() }), ...commonErrors },
      handler: async ({ principal, params }) => ({ conversations: await recomputePolicy(ctx, signedIn(principal).workspaceId, params.id) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/sla/calendars', summary: 'Business calendars', tags: ['sla'], access: read,
      response: { 200: Obj({ items: Type.Array(CalendarView) }), ...commonErrors },
      handler: async ({ principal }) => ({ items: (await listSlaCalendars(ctx, signedIn(principal).workspaceId)).map(calendarView) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/sla/calendars', summary: 'Add a business calendar (hours in a time zone, holidays, special periods, or 24/7)', tags: ['sla'], access: write,
      body: Obj({ name: Text(100, 1), calendar: Type.Unknown(), isDefault: Type.Optional(Type.Boolean()) }), response: { 201: CalendarView, ...commonErrors },
      handler: async ({ principal, body }) => calendarView(await saveSlaCalendar(ctx, signedIn(principal).workspaceId, null, body, actorOf(principal))),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/sla/calendars/:id', summary: 'Replace a business calendar; new deadlines use it', tags: ['sla'], access: write,
      params: IdParams, body: Obj({ name: Text(100, 1), calendar: Type.Unknown(), isDefault: Type.Optional(Type.Boolean()) }), response: { 200: CalendarView, ...commonErrors },
      handler: async ({ principal, params, body }) => calendarView(await saveSlaCalendar(ctx, signedIn(principal).workspaceId, params.id, body, actorOf(principal))),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/sla/teams/calendars', summary: 'Which calendar each team counts in (teams left out use the workspace default)', tags: ['sla'], access: read,
      response: { 200: Obj({ items: Type.Array(Obj({ teamId: Id, calendarId: Id })) }), ...commonErrors },
      handler: async ({ principal }) => ({ items: await listTeamCalendars(ctx, signedIn(principal).workspaceId) }),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/sla/teams/:id/calendar', summary: 'The calendar a team counts its SLAs in (null: the workspace default)', tags: ['sla'], access: write,
      params: IdParams, body: Obj({ calendarId: Nullable(Id) }), response: { 200: Ok, ...commonErrors },
      handler: async ({ principal, params, body }) => {
        await assignTeamCalendar(ctx, signedIn(principal).workspaceId, params.id, body.calendarId, actorOf(principal));
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/conversations/:id/sla', summary: 'The promises running and kept on a conversation: deadlines, breaches, escalations', tags: ['sla'],
      access: allow(everyRole, 'conversations:read'), params: IdParams, response: { 200: Obj({ items: Type.Array(ClockView) }), ...commonErrors },
      handler: async ({ principal, params }) => {
        const conversation = await getConversation(ctx, signedIn(principal).workspaceId, params.id);
        return { items: (await clocksOf(ctx.db, conversation.id)).filter((c) => c.targetSeconds !== null).map(clockView) };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/sla/due', summary: 'Running promises, soonest deadline first (the inbox sorts by this)', tags: ['sla'],
      access: allow(everyRole, 'conversations:read'), query: Obj({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
      response: { 200: Obj({ items: Type.Array(ClockView) }), ...commonErrors },
      handler: async ({ principal, query }) => ({ items: (await runningClocks(ctx.db, signedIn(principal).workspaceId, query.limit ?? 200)).map(clockView) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/sla/report', summary: 'Per policy and team: share met, breaches, median times in business seconds', tags: ['sla'], access: read,
      query: Obj({ from: Timestamp, to: Timestamp }), response: { 200: Obj({ from: Timestamp, to: Timestamp, rows: Type.Array(ReportRow) }), ...commonErrors },
      handler: async ({ principal, query }) => {
        const from = new Date(query.from);
        const to = new Date(query.to);
        if (!(from < to)) throw new AppError('VALIDATION_FAILED', 'from must be before to');
        const clocks = await clocksStartedBetween(ctx.db, signedIn(principal).workspaceId, from, to);
        return { from: from.toISOString(), to: to.toISOString(), rows: summariseClocks(clocks) };
      },
    }),
  ];
}
