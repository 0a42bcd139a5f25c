import { Type } from '@sinclair/typebox';
import { getConversation } from '../../conversations/index.ts';
import { actorOf, allow, commonErrors, defineRoute, everyRole, Id, IdParams, Language, Nullable, Obj, Page, pageQuery, signedIn, Text, Timestamp, type RouteDef } from '../../http/index.ts';
import { decodeCursor, toPage } from '../../kernel/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { callbackStatuses } from './callback-rules.ts';
import { callbackSummary, changeCallback, createCallback } from './callback-commands.ts';
import { listCallbackRows, type Callback } from './callback-store.ts';

const Status = Type.Union(callbackStatuses.map((s) => Type.Literal(s)));
const Phone = Text(40, 1);
const ZoneText = Text(64, 1);
const Window = { windowStart: Timestamp, windowEnd: Timestamp, timeZone: ZoneText };
const CallbackView = Obj({
  id: Id, conversationId: Id, contactId: Id, sourceConversationId: Nullable(Id), phone: Type.String(), windowStart: Timestamp, windowEnd: Timestamp,
  timeZone: Type.String(), note: Nullable(Type.String()), status: Status, ownerId: Nullable(Id), createdAt: Timestamp, updatedAt: Timestamp,
});
const SummaryView = Obj({ scheduled: Type.Integer(), done: Type.Integer(), missed: Type.Integer(), cancelled: Type.Integer(), missedLast7Days: Type.Integer() });

function view(c: Callback, ownerId: string | null) {
  return {
    id: c.id, conversationId: c.conversationId, contactId: c.contactId, sourceConversationId: c.sourceConversationId, phone: c.phone,
    windowStart: c.windowStart.toISOString(), windowEnd: c.windowEnd.toISOString(), timeZone: c.timeZone, note: c.note, status: c.status, ownerId,
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

const windowOf = (b: { windowStart: string; windowEnd: string; timeZone: string }) => ({ windowStart: new Date(b.windowStart), windowEnd: new Date(b.windowEnd), timeZone: b.timeZone });

/** Callbacks for agents and integrations (the widget's own is POST /api/v1/chat/callback, served by chat). */
export function callbackRoutes(ctx: CommandContext): RouteDef[] {
  const withOwner = async (c: Callback) => view(c, (await getConversation(ctx, c.workspaceId, c.conversationId).catch(() => null))?.ownerId ?? null);
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/callbacks', summary: 'Promise a call: a contact or phone number, a window and its time zone', tags: ['callbacks'],
      access: allow(everyRole, 'conversations:write'),
      body: Obj({ contactId: Type.Optional(Id), phone: Type.Optional(Phone), ...Window, note: Type.Optional(Text(2000)), teamId: Type.Optional(Nullable(Id)), language: Type.Optional(Nullable(Language)) }),
      response: { 201: CallbackView, ...commonErrors },
      handler: async ({ principal, body }) =>
        withOwner(await createCallback(ctx, signedIn(principal).workspaceId, { ...body, ...windowOf(body) }, actorOf(principal))),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/callbacks', summary: 'Callbacks, soonest window first; filter by status', tags: ['callbacks'],
      access: allow(everyRole, 'conversations:read'),
      query: Obj({ status: Type.Optional(Status), ...pageQuery }),
      response: { 200: Page(CallbackView), ...commonErrors },
      handler: async ({ principal, query }) => {
        const after = decodeCursor(query.cursor, ['string', 'string']) as [string, string] | null;
        const limit = query.limit ?? 50;
        const rows = await listCallbackRows(ctx.db, signedIn(principal).workspaceId, query.status ?? null, after ? { at: new Date(after[0]), id: after[1] } : null, limit + 1);
        const page = toPage(rows, limit, (c) => [c.windowStart.toISOString(), c.id]);
        return { items: await Promise.all(page.items.map(withOwner)), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/callbacks/summary', summary: 'Callbacks per status, and how many were missed recently', tags: ['callbacks'],
      access: allow(everyRole, 'conversations:read'),
      response: { 200: SummaryView, ...commonErrors },
      handler: async ({ principal }) => callbackSummary(ctx, signedIn(principal).workspaceId),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/callbacks/:id', summary: 'Mark a callback done (the call was made) or cancelled', tags: ['callbacks'],
      access: allow(everyRole, 'conversations:write'),
      params: IdParams,
      body: Obj({ status: Type.Union([Type.Literal('done'), Type.Literal('cancelled')]) }),
      response: { 200: CallbackView, ...commonErrors },
      handler: async ({ principal, params, body }) => withOwner(await changeCallback(ctx, signedIn(principal).workspaceId, params.id, body.status, actorOf(principal))),
    }),
  ];
}
