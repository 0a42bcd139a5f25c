import { Type } from '@sinclair/typebox';
import { actorOf, adminsOnly, allow, signedIn, commonErrors, defineRoute, everyRole, Id, Language, Name, Obj, TimeZone, Timestamp, type RouteDef } from '../http/index.ts';
import type { CommandContext } from '../platform/outbox/index.ts';
import { changeWorkspace, getWorkspace } from './workspace-commands.ts';

const Settings = Obj({
  defaultLanguage: Language,
  timeZone: TimeZone,
  supportedLanguages: Type.Array(Language, { minItems: 1, maxItems: 20 }),
  autoCloseAfterDays: Type.Integer({ minimum: 1, maximum: 365 }),
});

const WorkspaceView = Obj({ id: Id, name: Type.String(), settings: Settings, createdAt: Timestamp, updatedAt: Timestamp });

export function workspaceRoutes(ctx: CommandContext): RouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/workspace',
      summary: 'The workspace and its settings',
      tags: ['workspace'],
      access: allow(everyRole, 'settings:read'),
      response: { 200: WorkspaceView, ...commonErrors },
      handler: async ({ principal }) => getWorkspace(ctx, signedIn(principal).workspaceId),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/workspace',
      summary: 'Change the workspace name or settings',
      tags: ['workspace'],
      access: allow(adminsOnly, 'settings:write'),
      body: Obj({ name: Type.Optional(Name(120)), settings: Type.Optional(Type.Partial(Settings)) }),
      response: { 200: WorkspaceView, ...commonErrors },
      handler: async ({ principal, body }) => changeWorkspace(ctx, signedIn(principal).workspaceId, body, actorOf(principal)),
    }),
  ];
}
