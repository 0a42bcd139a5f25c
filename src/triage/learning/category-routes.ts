import { Type } from '@sinclair/typebox';
import { actorOf, allow, commonErrors, defineRoute, everyRole, Id, Language, managers, Nullable, Obj, Page, pageQuery, signedIn, Text, Timestamp, type RouteDef } from '../../http/index.ts';
import { decodeCursor, toPage } from '../../kernel/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { addExamples, changeCategory, createCategory, getCategory } from './category-commands.ts';
import { listCategories, listExamples } from './category-store.ts';
import { categoryNamePattern } from './example-rules.ts';

const CategoryName = Type.String({ pattern: categoryNamePattern, description: 'lower-case id, e.g. refund or card.lost' });
const NameParams = Obj({ name: CategoryName });
const ExampleIn = Obj({ text: Text(2000, 1), lang: Type.Optional(Nullable(Language)) });
const ExamplesIn = Type.Array(ExampleIn, { minItems: 1, maxItems: 500 });
const CategoryView = Obj({
  name: Type.String(), description: Type.String(), teamId: Nullable(Id), archived: Type.Boolean(), examples: Type.Integer(), createdAt: Timestamp, updatedAt: Timestamp,
});
const ExampleView = Obj({
  id: Id, label: Type.String(), text: Type.String(), lang: Nullable(Type.String()), source: Type.Union([Type.Literal('curated'), Type.Literal('agent')]),
  conversationId: Nullable(Id), createdAt: Timestamp,
});

/** A workspace's own intent categories, each taught by a few examples (any language, mixed freely). */
export function categoryRoutes(ctx: CommandContext): RouteDef[] {
  const manage = allow(managers, 'settings:write');
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/triage/categories', summary: 'The workspace\'s intent categories', tags: ['triage'],
      access: allow(everyRole, 'settings:read'),
      response: { 200: Obj({ items: Type.Array(CategoryView) }), ...commonErrors },
      handler: async ({ principal }) => ({ items: await listCategories(ctx.db, signedIn(principal).workspaceId) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/triage/categories', summary: 'Add an intent category with a few examples', tags: ['triage'],
      access: manage,
      body: Obj({ name: CategoryName, description: Type.Optional(Text(500)), teamId: Type.Optional(Nullable(Id)), examples: ExamplesIn }),
      response: { 201: CategoryView, ...commonErrors },
      handler: async ({ principal, body }) => createCategory(ctx, signedIn(principal).workspaceId, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/triage/categories/:name', summary: 'Change a category: description, the team it routes to, or archive it', tags: ['triage'],
      access: manage,
      params: NameParams,
      body: Type.Partial(Obj({ description: Text(500), teamId: Nullable(Id), archived: Type.Boolean() })),
      response: { 200: CategoryView, ...commonErrors },
      handler: async ({ principal, params, body }) => changeCategory(ctx, signedIn(principal).workspaceId, params.name, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/triage/categories/:name/examples', summary: 'A category\'s examples, curated and from agents', tags: ['triage'],
      access: allow(everyRole, 'settings:read'),
      params: NameParams,
      query: Obj(pageQuery),
      response: { 200: Page(ExampleView), ...commonErrors },
      handler: async ({ principal, params, query }) => {
        const workspaceId = signedIn(principal).workspaceId;
        await getCategory(ctx, workspaceId, params.name);
        const after = decodeCursor(query.cursor, ['string', 'string']) as [string, string] | null;
        const limit = query.limit ?? 50;
        const rows = await listExamples(ctx.db, workspaceId, params.name, { limit: limit + 1, after: after ? { at: new Date(after[0]), id: after[1] } : undefined });
        return toPage(rows, limit, (e) => [e.createdAt.toISOString(), e.id]);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/triage/categories/:name/examples', summary: 'Teach a category more examples', tags: ['triage'],
      access: manage,
      params: NameParams,
      body: Obj({ examples: ExamplesIn }),
      response: { 200: CategoryView, ...commonErrors },
      handler: async ({ principal, params, body }) => addExamples(ctx, signedIn(principal).workspaceId, params.name, body.examples, actorOf(principal)),
    }),
  ];
}
