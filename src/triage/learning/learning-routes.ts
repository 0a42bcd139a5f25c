import { Type } from '@sinclair/typebox';
import { ConversationView } from '../../conversations/index.ts';
import { actorOf, allow, commonErrors, defineRoute, everyRole, Id, IdParams, managers, Nullable, Obj, Page, pageQuery, signedIn, Timestamp, type RouteDef } from '../../http/index.ts';
import { decodeCursor, toPage } from '../../kernel/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { recategorise } from './agent-labels.ts';
import { categoryNamePattern } from './example-rules.ts';
import { listModelVersions } from './model-store.ts';
import { activateModelVersion, retrainIntentModel } from './retrain.ts';

const Score = Obj({ examples: Type.Integer(), accuracy: Type.Number(), macroF1: Type.Number() });
const ModelVersionView = Obj({
  id: Id, version: Type.Integer(), status: Type.Union([Type.Literal('active'), Type.Literal('retired'), Type.Literal('refused')]),
  decision: Type.String(), labels: Type.Array(Type.String()), trainedOn: Type.Integer(), heldOut: Type.Integer(), score: Score,
  activeScore: Nullable(Score), trainMs: Type.Integer(), createdAt: Timestamp, activatedAt: Nullable(Timestamp),
});

export function learningRoutes(ctx: CommandContext): RouteDef[] {
  return [
    defineRoute({
      method: 'PUT', url: '/api/v1/conversations/:id/intent', summary: 'Re-categorise a conversation; the correction teaches the next intent model', tags: ['triage'],
      access: allow(everyRole, 'conversations:write'),
      params: IdParams,
      body: Obj({ intent: Type.String({ pattern: categoryNamePattern }) }),
      response: { 200: ConversationView, ...commonErrors },
      handler: async ({ principal, params, body }) => recategorise(ctx, signedIn(principal).workspaceId, params.id, body.intent, actorOf(principal)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/triage/models', summary: 'Intent model versions, newest first: shipped, refused or retired, with their held-out scores', tags: ['triage'],
      access: allow(everyRole, 'settings:read'),
      query: Obj(pageQuery),
      response: { 200: Page(ModelVersionView), ...commonErrors },
      handler: async ({ principal, query }) => {
        const before = decodeCursor(query.cursor, ['number'])?.[0] as number | undefined;
        const limit = query.limit ?? 50;
        const rows = await listModelVersions(ctx.db, signedIn(principal).workspaceId, { limit: limit + 1, before });
        return toPage(rows, limit, (v) => [v.version]);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/triage/models', summary: 'Train a new intent model now; it replaces the one in use only if it is not worse', tags: ['triage'],
      access: allow(managers, 'settings:write'),
      response: { 201: ModelVersionView, ...commonErrors },
      handler: async ({ principal }) => retrainIntentModel(ctx, signedIn(principal).workspaceId, actorOf(principal)),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/triage/models/:id/activate', summary: 'Put a kept model version back in use (roll back)', tags: ['triage'],
      access: allow(managers, 'settings:write'),
      params: IdParams,
      response: { 200: ModelVersionView, ...commonErrors },
      handler: async ({ principal, params }) => activateModelVersion(ctx, signedIn(principal).workspaceId, params.id, actorOf(principal)),
    }),
  ];
}
