import { Type } from '@sinclair/typebox';
import { getAgent, getTeam } from '../../accounts/index.ts';
import { actorOf, allow, commonErrors, defineRoute, everyRole, Id, IdParams, managers, Nullable, Obj, signedIn, TimeZone, type RouteDef } from '../../http/index.ts';
import { AppError } from '../../kernel/index.ts';
import { transact, type CommandContext, type Tx } from '../../platform/outbox/index.ts';
import { routingOverview } from './routing-overview.ts';
import { defaultTeamRouting, listAgentSchedules, listTeamRouting, saveAgentSchedule, saveTeamRouting } from './routing-settings-store.ts';
import type { StateOptions } from './routing-state.ts';

const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: 'HH:MM, 24-hour' });
const Window = Obj({ day: Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday' }), start: Clock, end: Clock });
const Windows = Type.Array(Window, { maxItems: 50 });
const ScheduleView = Obj({ agentId: Id, shifts: Windows, onCallExpert: Type.Boolean() });
const TeamRoutingView = Obj({
  teamId: Id, overflowTo: Nullable(Id), overflowAfterSeconds: Type.Integer({ minimum: 0, maximum: 86_400 }),
  hours: Nullable(Obj({ timeZone: TimeZone, windows: Windows })), onCallTeamId: Nullable(Id),
});
const Counts = Type.Record(Type.String(), Type.Integer());
const OverviewView = Obj({
  queues: Type.Array(Obj({ teamId: Nullable(Id), channel: Type.String(), waiting: Type.Integer(), oldestWaitSeconds: Type.Integer() })),
  agents: Type.Array(Obj({ id: Id, name: Type.String(), status: Type.String(), load: Counts, capacity: Counts, occupancy: Type.Number() })),
  waiting: Type.Array(Obj({ conversationId: Id, number: Nullable(Type.Integer()), waitedSeconds: Type.Integer(), wouldGoTo: Nullable(Id), reason: Nullable(Type.String()) })),
});

function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new AppError('INVALID_TIME_ZONE', `${zone} is not an IANA time zone`);
  }
}

export function routingEngineRoutes(ctx: CommandContext, options: StateOptions = {}): RouteDef[] {
  const manage = allow(managers, 'settings:write');
  // The event wakes the engine on every node: new shifts or overflow may free waiting work.
  const changed = (tx: Tx, workspaceId: string, subjectId: string, principal: Parameters<typeof actorOf>[0], what: string) =>
    tx.emit({ type: 'routing.settings_changed', workspaceId, subjectType: what, subjectId, actor: actorOf(principal), payload: {} });
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/routing/overview', summary: 'Queues, agents with load and occupancy, and why each waiting conversation waits', tags: ['routing'],
      access: allow(managers, 'conversations:read'),
      response: { 200: OverviewView, ...commonErrors },
      handler: async ({ principal }) => routingOverview(ctx, signedIn(principal).workspaceId, options),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/routing/agents/:id/schedule', summary: "An agent's shifts (in their own time zone) and on-call role", tags: ['routing'],
      access: allow(everyRole, 'agents:read'),
      params: IdParams,
      response: { 200: ScheduleView, ...commonErrors },
      handler: async ({ principal, params }) => {
        const workspaceId = signedIn(principal).workspaceId;
        await getAgent(ctx, workspaceId, params.id);
        return (await listAgentSchedules(ctx.db, workspaceId)).get(params.id) ?? { agentId: params.id, shifts: [], onCallExpert: false };
      },
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/routing/agents/:id/schedule', summary: "Set an agent's weekly shifts and on-call role (no shifts: no shift rules)", tags: ['routing'],
      access: allow(managers, 'agents:write'),
      params: IdParams,
      body: Obj({ shifts: Windows, onCallExpert: Type.Optional(Type.Boolean()) }),
      response: { 200: ScheduleView, ...commonErrors },
      handler: async ({ principal, params, body }) => {
        const workspaceId = signedIn(principal).workspaceId;
        await getAgent(ctx, workspaceId, params.id);
        const schedule = { agentId: params.id, shifts: body.shifts, onCallExpert: body.onCallExpert ?? false };
        await transact(ctx, async (tx) => {
          await saveAgentSchedule(tx.sql, workspaceId, schedule, tx.now);
          changed(tx, workspaceId, params.id, principal, 'agent');
        });
        return schedule;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/routing/teams/:id', summary: "A team's overflow, hours and on-call team", tags: ['routing'],
      access: allow(everyRole, 'settings:read'),
      params: IdParams,
      response: { 200: TeamRoutingView, ...commonErrors },
      handler: async ({ principal, params }) => {
        const workspaceId = signedIn(principal).workspaceId;
        await getTeam(ctx, workspaceId, params.id);
        return (await listTeamRouting(ctx.db, workspaceId)).get(params.id) ?? defaultTeamRouting(params.id);
      },
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/routing/teams/:id', summary: "Set a team's overflow (to a second team after N seconds), hours and on-call team", tags: ['routing'],
      access: manage,
      params: IdParams,
      body: Obj({
        overflowTo: Nullable(Id), overflowAfterSeconds: Type.Integer({ minimum: 0, maximum: 86_400 }),
        hours: Nullable(Obj({ timeZone: TimeZone, windows: Windows })), onCallTeamId: Nullable(Id),
      }),
      response: { 200: TeamRoutingView, ...commonErrors },
      handler: async ({ principal, params, body }) => {
        const workspaceId = signedIn(principal).workspaceId;
        await getTeam(ctx, workspaceId, params.id);
        for (const other of [body.overflowTo, body.onCallTeamId]) if (other) await getTeam(ctx, workspaceId, other);
        if (body.overflowTo === params.id || body.onCallTeamId === params.id) throw new AppError('VALIDATION_FAILED', 'a team cannot overflow to itself or be its own on-call team');
        if (body.hours) assertTimeZone(body.hours.timeZone);
        const settings = { teamId: params.id, ...body };
        await transact(ctx, async (tx) => {
          await saveTeamRouting(tx.sql, workspaceId, settings, tx.now);
          changed(tx, workspaceId, params.id, principal, 'team');
        });
        return settings;
      },
    }),
  ];
}
