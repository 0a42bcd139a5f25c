import { Type } from '@sinclair/typebox';
import { IdentitySchema } from '../contacts/index.ts';
import {
  actorOf, allow, commonErrors, defineRoute, everyRole, Id, IdParams, Language, Nullable, Obj, Page, pageQuery, signedIn, Text,
  Timestamp, type RouteDef,
} from '../http/index.ts';
import { AppError, type Principal } from '../kernel/index.ts';
import type { CommandContext } from '../platform/outbox/index.ts';
import { assignConversation, changeConversation, changeStatus, startConversation } from './conversation-commands.ts';
import { getConversation, listConversations, listMessages } from './conversation-queries.ts';
import { channels, conversationStatuses, messageKinds, priorities, type MessageKind } from './conversation-rules.ts';
import { postMessage } from './message-commands.ts';
import { sentiments, urgencies } from './reading-rules.ts';
import { maxAttachmentsPerMessage } from './attachment-rules.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Status = literals(conversationStatuses);
const PriorityS = literals(priorities);
const ChannelS = literals(channels);
const Kind = literals(messageKinds);
const Tags = Type.Array(Text(40, 1), { maxItems: 30 });
const Body = Text(20_000, 1);
const ClientId = Text(100, 1);

export const AttachmentView = Obj({ id: Id, name: Type.String(), contentType: Type.String(), size: Type.Integer() });

export const ConversationView = Obj({
  id: Id, workspaceId: Id, number: Type.Integer(), contactId: Id, channel: ChannelS, status: Status, priority: PriorityS,
  ownerId: Nullable(Id), teamId: Nullable(Id), tags: Type.Array(Type.String()), subject: Nullable(Type.String()),
  language: Nullable(Type.String()), lastSeq: Type.Integer(), createdAt: Timestamp, updatedAt: Timestamp, lastActivityAt: Timestamp,
  firstResponseAt: Nullable(Timestamp), resolvedAt: Nullable(Timestamp), closedAt: Nullable(Timestamp),
  intent: Nullable(Type.String()), intentConfidence: Nullable(Type.Number()), intentSource: Nullable(Type.Union([Type.Literal('model'), Type.Literal('agent')])),
  sentiment: Nullable(literals(sentiments)), sentimentScore: Nullable(Type.Number()),
  urgency: Nullable(literals(urgencies)), urgencyScore: Nullable(Type.Integer()), urgencyReasons: Type.Array(Type.String()),
});
export const MessageView = Obj({
  id: Id, conversationId: Id, seq: Type.Integer(), kind: Kind, author: Obj({ type: Type.String(), id: Type.Optional(Type.String()) }),
  body: Type.String(), clientId: Nullable(Type.String()), attachments: Type.Array(AttachmentView), createdAt: Timestamp,
});
const MessageIn = Obj({ kind: Kind, body: Body, clientId: Type.Optional(ClientId), attachmentIds: Type.Optional(Type.Array(Id, { maxItems: maxAttachmentsPerMessage })) });

/** Agents write replies and notes; integrations may also relay customer and bot lines. System lines are Sanad's own. */
function assertMayPost(principal: Principal, kind: MessageKind): void {
  const allowed: readonly MessageKind[] = principal.kind === 'agent' ? ['agent', 'note'] : ['customer', 'agent', 'note', 'bot'];
  if (!allowed.includes(kind)) throw new AppError('FORBIDDEN', `a ${principal.kind === 'agent' ? 'signed-in agent' : 'token'} cannot post ${kind} messages`);
}

export function conversationRoutes(ctx: CommandContext): RouteDef[] {
  const read = allow(everyRole, 'conversations:read');
  const write = allow(everyRole, 'conversations:write');
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/conversations', summary: 'The inbox: conversations, filtered, newest activity first', tags: ['conversations'],
      access: read,
      query: Obj({
        ...pageQuery,
        status: Type.Optional(Type.Array(Status, { maxItems: 4 })),
        owner: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('none'), Id])),
        teamId: Type.Optional(Id), channel: Type.Optional(ChannelS), contactId: Type.Optional(Id), priority: Type.Optional(PriorityS),
        tag: Type.Optional(Text(40, 1)), sort: Type.Optional(literals(['newest', 'recent_activity'])),
      }),
      response: { 200: Page(ConversationView), ...commonErrors },
      handler: async ({ principal, query }) => {
        const who = signedIn(principal);
        const { owner, status, limit, ...rest } = query;
        if (owner === 'me' && who.kind !== 'agent') throw new AppError('VALIDATION_FAILED', 'owner=me needs a signed-in agent');
        return listConversations(ctx, who.workspaceId, {
          ...rest, limit: limit ?? 50, statuses: status,
          ownerId: owner === 'me' && who.kind === 'agent' ? who.agentId : owner === 'none' ? undefined : owner,
          unassigned: owner === 'none',
        });
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/conversations', summary: 'Start a conversation, with its contact and first message', tags: ['conversations'],
      access: write,
      body: Obj({
        contactId: Type.Optional(Id),
        contact: Type.Optional(Obj({
          name: Type.Optional(Nullable(Text(200))), language: Type.Optional(Nullable(Language)),
          identity: Type.Optional(IdentitySchema),
        })),
        channel: ChannelS, subject: Type.Optional(Nullable(Text(300))), language: Type.Optional(Nullable(Language)),
        priority: Type.Optional(PriorityS), teamId: Type.Optional(Nullable(Id)), tags: Type.Optional(Tags), message: Type.Optional(MessageIn),
      }),
      response: { 201: ConversationView, ...commonErrors },
      handler: async ({ principal, body }) => {
        const who = signedIn(principal);
        if (body.message) assertMayPost(who, body.message.kind);
        return startConversation(ctx, who.workspaceId, body, actorOf(principal));
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/conversations/:id', summary: 'One conversation', tags: ['conversations'],
      access: read, params: IdParams,
      response: { 200: ConversationView, ...commonErrors },
      handler: async ({ principal, params }) => getConversation(ctx, signedIn(principal).workspaceId, params.id),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/conversations/:id', summary: 'Change priority, tags, subject or language', tags: ['conversations'],
      access: write, params: IdParams,
      body: Obj({ priority: Type.Optional(PriorityS), tags: Type.Optional(Tags), subject: Type.Optional(Nullable(Text(300))), language: Type.Optional(Nullable(Language)) }),
      response: { 200: ConversationView, ...commonErrors },
      handler: async ({ principal, params, body }) => changeConversation(ctx, signedIn(principal).workspaceId, params.id, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/conversations/:id/status', summary: 'Move through open → pending → resolved → closed, or reopen', tags: ['conversations'],
      access: write, params: IdParams,
      body: Obj({ status: Status }),
      response: { 200: ConversationView, ...commonErrors },
      handler: async ({ principal, params, body }) => changeStatus(ctx, signedIn(principal).workspaceId, params.id, body.status, actorOf(principal)),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/conversations/:id/assign', summary: 'Set the owner and/or team (null clears)', tags: ['conversations'],
      access: write, params: IdParams,
      body: Obj({ ownerId: Type.Optional(Nullable(Id)), teamId: Type.Optional(Nullable(Id)), reason: Type.Optional(Text(500, 1)) }),
      response: { 200: ConversationView, ...commonErrors },
      handler: async ({ principal, params, body }) => assignConversation(ctx, signedIn(principal).workspaceId, params.id, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/conversations/:id/messages', summary: 'Messages in order; pass afterSeq to resume', tags: ['conversations'],
      access: read, params: IdParams,
      query: Obj({ ...pageQuery, afterSeq: Type.Optional(Type.Integer({ minimum: 0 })) }),
      response: { 200: Page(MessageView), ...commonErrors },
      handler: async ({ principal, params, query }) =>
        listMessages(ctx, signedIn(principal).workspaceId, params.id, { afterSeq: query.afterSeq, limit: query.limit ?? 50, cursor: query.cursor }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/conversations/:id/messages', summary: 'Post a reply or internal note; a resent clientId returns the first copy', tags: ['conversations'],
      access: write, params: IdParams,
      body: MessageIn,
      response: { 201: MessageView, 200: MessageView, ...commonErrors },
      handler: async ({ principal, params, body, reply }) => {
        const who = signedIn(principal);
        assertMayPost(who, body.kind);
        const result = await postMessage(ctx, who.workspaceId, params.id, body, actorOf(principal));
        return reply.code(result.duplicate ? 200 : 201).send(result.message);
      },
    }),
  ];
}
