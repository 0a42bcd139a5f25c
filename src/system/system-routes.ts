import { Type } from '@sinclair/typebox';
import { allow, commonErrors, defineRoute, Id, managers, Nullable, Obj, publicAccess, signedIn, Text, Timestamp, type RouteDef } from '../http/index.ts';
import { AppError } from '../kernel/index.ts';
import { pendingMigrations, type Migration } from '../platform/db/index.ts';
import { readEvents, type CommandContext } from '../platform/outbox/index.ts';

const EventView = Obj({
  position: Type.Integer(), id: Id, type: Type.String(), subjectType: Type.String(), subjectId: Type.String(),
  actor: Nullable(Type.Unknown()), payload: Type.Unknown(), occurredAt: Timestamp,
});

/** Health, readiness and the event feed integrations follow. */
export function systemRoutes(ctx: CommandContext, migrations: readonly Migration[]): RouteDef[] {
  return [
    defineRoute({
      method: 'GET', url: '/healthz', summary: 'The process is up', tags: ['system'], access: publicAccess,
      response: { 200: Obj({ status: Type.Literal('ok') }) },
      handler: async () => ({ status: 'ok' as const }),
    }),
    defineRoute({
      method: 'GET', url: '/readyz', summary: 'The database answers and every migration is applied', tags: ['system'], access: publicAccess,
      response: { 200: Obj({ status: Type.Literal('ready') }), 503: Obj({ error: Obj({ code: Type.String(), message: Type.String() }) }) },
      handler: async () => {
        const pending = await pendingMigrations(ctx.db, migrations).catch((error: unknown) => {
          throw new AppError('NOT_READY', `the database does not answer: ${(error as Error).message}`);
        });
        if (pending.length) throw new AppError('NOT_READY', `${pending.length} migration(s) not applied yet`);
        return { status: 'ready' as const };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/events', summary: 'The event log, oldest first; pass the last position you saw as `after`', tags: ['events'],
      access: allow(managers, 'events:read'),
      query: Obj({
        after: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        type: Type.Optional(Type.Array(Text(80, 1), { maxItems: 20 })), subjectId: Type.Optional(Text(100, 1)),
      }),
      response: { 200: Obj({ items: Type.Array(EventView), nextAfter: Type.Integer() }), ...commonErrors },
      handler: async ({ principal, query }) => {
        const items = await readEvents(ctx.db, {
          workspaceId: signedIn(principal).workspaceId, afterPosition: query.after ?? 0, types: query.type, subjectId: query.subjectId, limit: query.limit ?? 100,
        });
        return { items, nextAfter: items.at(-1)?.position ?? query.after ?? 0 };
      },
    }),
  ];
}
