import { Type } from '@sinclair/typebox';
import {
  actorOf, adminsOnly, allow, commonErrors, defineRoute, Email, everyRole, Id, IdParams, Language, Name, Nullable, Obj, Page, pageQuery,
  signedIn, Text, TimeZone, Timestamp, type RouteDef,
} from '../http/index.ts';
import { AppError, roles } from '../kernel/index.ts';
import type { CommandContext } from '../platform/outbox/index.ts';
import { getAgent, getTeam, listAgents, listTeams } from './account-queries.ts';
import { agentStatuses } from './agent-rules.ts';
import { changeAgent, createAgent, setAgentStatus } from './agent-commands.ts';
import { changeTeam, createTeam } from './team-commands.ts';

const Proficiency = Type.Integer({ minimum: 1, maximum: 5 });
const SkillSchema = Obj({ name: Text(60, 1), proficiency: Proficiency });
const LanguageSchema = Obj({ code: Language, proficiency: Proficiency });
const CapacitySchema = Obj({
  chat: Type.Integer({ minimum: 0, maximum: 50 }),
  email: Type.Integer({ minimum: 0, maximum: 500 }),
  messaging: Type.Integer({ minimum: 0, maximum: 100 }),
  callback: Type.Integer({ minimum: 0, maximum: 20 }),
});
const RoleSchema = Type.Union(roles.map((r) => Type.Literal(r)));
const StatusSchema = Type.Union(agentStatuses.map((s) => Type.Literal(s)));

export const AgentView = Obj({
  id: Id, workspaceId: Id, email: Type.String(), name: Type.String(), role: RoleSchema, timeZone: Type.String(),
  status: StatusSchema, skills: Type.Array(SkillSchema), languages: Type.Array(LanguageSchema), capacity: CapacitySchema,
  teamIds: Type.Array(Id), active: Type.Boolean(), deactivatedAt: Nullable(Timestamp), createdAt: Timestamp, updatedAt: Timestamp,
});
const TeamView = Obj({
  id: Id, workspaceId: Id, name: Type.String(), description: Type.String(), memberIds: Type.Array(Id), createdAt: Timestamp, updatedAt: Timestamp,
});

const agentFields = {
  email: Email,
  name: Name(120),
  role: RoleSchema,
  timeZone: TimeZone,
  skills: Type.Array(SkillSchema, { maxItems: 50 }),
  languages: Type.Array(LanguageSchema, { maxItems: 20 }),
  capacity: Type.Partial(CapacitySchema),
  teamIds: Type.Array(Id, { maxItems: 50 }),
};

export function accountRoutes(ctx: CommandContext): RouteDef[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/agents', summary: 'List agents', tags: ['agents'],
      access: allow(everyRole, 'agents:read'),
      query: Obj(pageQuery),
      response: { 200: Page(AgentView), ...commonErrors },
      handler: async ({ principal, query }) => listAgents(ctx, signedIn(principal).workspaceId, { limit: query.limit ?? 50, cursor: query.cursor }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/agents', summary: 'Add an agent (they set a password with `sanad agent add` or an admin sets one)', tags: ['agents'],
      access: allow(adminsOnly, 'agents:write'),
      body: Obj({
        email: agentFields.email, name: agentFields.name, role: agentFields.role,
        timeZone: Type.Optional(agentFields.timeZone), skills: Type.Optional(agentFields.skills),
        languages: Type.Optional(agentFields.languages), capacity: Type.Optional(agentFields.capacity),
        teamIds: Type.Optional(agentFields.teamIds),
      }),
      response: { 201: AgentView, ...commonErrors },
      handler: async ({ principal, body }) => createAgent(ctx, { ...body, workspaceId: signedIn(principal).workspaceId }, actorOf(principal)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/agents/:id', summary: 'One agent', tags: ['agents'],
      access: allow(everyRole, 'agents:read'),
      params: IdParams,
      response: { 200: AgentView, ...commonErrors },
      handler: async ({ principal, params }) => getAgent(ctx, signedIn(principal).workspaceId, params.id),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/agents/:id', summary: 'Change an agent: role, skills, languages, capacity, teams, or deactivate', tags: ['agents'],
      access: allow(adminsOnly, 'agents:write'),
      params: IdParams,
      body: Type.Partial(Obj({ ...agentFields, active: Type.Boolean() })),
      response: { 200: AgentView, ...commonErrors },
      handler: async ({ principal, params, body }) => changeAgent(ctx, signedIn(principal).workspaceId, params.id, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/agents/:id/status', summary: 'Set availability; agents set their own, supervisors and admins anyone\'s', tags: ['agents'],
      access: allow(everyRole, 'agents:write'),
      params: IdParams,
      body: Obj({ status: StatusSchema }),
      response: { 200: AgentView, ...commonErrors },
      handler: async ({ principal, params, body }) => {
        const who = signedIn(principal);
        if (who.kind === 'agent' && who.role === 'agent' && who.agentId !== params.id) {
          throw new AppError('FORBIDDEN', 'agents may change only their own status');
        }
        return setAgentStatus(ctx, who.workspaceId, params.id, body.status, actorOf(principal));
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/teams', summary: 'List teams', tags: ['teams'],
      access: allow(everyRole, 'agents:read'),
      query: Obj(pageQuery),
      response: { 200: Page(TeamView), ...commonErrors },
      handler: async ({ principal, query }) => listTeams(ctx, signedIn(principal).workspaceId, { limit: query.limit ?? 50, cursor: query.cursor }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/teams', summary: 'Create a team', tags: ['teams'],
      access: allow(adminsOnly, 'agents:write'),
      body: Obj({ name: Name(80), description: Type.Optional(Text(500)), memberIds: Type.Optional(Type.Array(Id, { maxItems: 500 })) }),
      response: { 201: TeamView, ...commonErrors },
      handler: async ({ principal, body }) => createTeam(ctx, signedIn(principal).workspaceId, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/teams/:id', summary: 'One team', tags: ['teams'],
      access: allow(everyRole, 'agents:read'),
      params: IdParams,
      response: { 200: TeamView, ...commonErrors },
      handler: async ({ principal, params }) => getTeam(ctx, signedIn(principal).workspaceId, params.id),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/teams/:id', summary: 'Rename a team or change its members', tags: ['teams'],
      access: allow(adminsOnly, 'agents:write'),
      params: IdParams,
      body: Obj({ name: Type.Optional(Name(80)), description: Type.Optional(Text(500)), memberIds: Type.Optional(Type.Array(Id, { maxItems: 500 })) }),
      response: { 200: TeamView, ...commonErrors },
      handler: async ({ principal, params, body }) => changeTeam(ctx, signedIn(principal).workspaceId, params.id, body, actorOf(principal)),
    }),
  ];
}
