import { Type } from '@sinclair/typebox';
import {
  AttachmentView, getConversation, maxAttachmentBytes, readAttachment, sendAttachment, startConversation, uploadAttachment, UploadQuery, uploadErrors,
} from '../../conversations/index.ts';
import { adminsOnly, allow, commonErrors, defineRoute, Email, ErrorBody, Id, IdParams, Language, Name, Nullable, Obj, publicAccess, signedIn, Text, type RouteDef } from '../../http/index.ts';
import { AppError } from '../../kernel/index.ts';
import { chatWorkspace, startVisitorSession, visitorFromToken, type ChatContext } from './chat-session.ts';
import { identitySecret } from './visitor-token.ts';

const SessionView = Obj({
  visitorToken: Type.String(), visitorId: Id, contactId: Id,
  workspace: Obj({ name: Type.String(), languages: Type.Array(Type.String()) }),
  availability: Obj({ agentsOnline: Type.Integer(), estimatedWaitSeconds: Nullable(Type.Integer()), offerAfterSeconds: Nullable(Type.Integer()) }),
});

export function chatRoutes(ctx: ChatContext): RouteDef[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/chat/session', summary: 'Start or continue a chat visitor; returns the token for /ws/chat', tags: ['chat'],
      access: publicAccess,
      body: Obj({
        visitorToken: Type.Optional(Text(2000, 1)),
        user: Type.Optional(Obj({ id: Text(200, 1), hash: Type.String({ pattern: '^[0-9a-fA-F]{64}$' }), name: Type.Optional(Name(200)), email: Type.Optional(Email) })),
        locale: Type.Optional(Language),
      }),
      response: { 200: SessionView, 400: ErrorBody, 404: ErrorBody },
      handler: async ({ body }) => startVisitorSession(ctx, body),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/chat/offline', summary: 'Leave a message when nobody is available; it is answered by email', tags: ['chat'],
      access: publicAccess,
      body: Obj({ visitorToken: Text(2000, 1), name: Name(200), email: Email, message: Text(20_000, 1), clientId: Type.Optional(Text(100, 1)) }),
      response: { 201: Obj({ conversationId: Id }), 400: ErrorBody, 401: ErrorBody },
      handler: async ({ body }) => {
        const visitor = await visitorFromToken(ctx, body.visitorToken);
        if (!visitor) throw new AppError('UNAUTHENTICATED', 'start a chat session first');
        const conversation = await startConversation(ctx, visitor.claims.workspaceId, {
          channel: 'email', subject: 'Message left in chat while offline',
          contact: { name: body.name, identity: { kind: 'email', value: body.email } },
          message: { kind: 'customer', body: body.message, clientId: body.clientId ?? null },
        }, { type: 'contact', id: visitor.contact.id });
        return { conversationId: conversation.id };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/chat/attachments', summary: 'A visitor uploads a picture or PDF (raw body; visitor token in x-visitor-token)', tags: ['chat'],
      access: publicAccess,
      query: UploadQuery,
      bodyLimit: maxAttachmentBytes + 1,
      response: { 201: AttachmentView, ...uploadErrors },
      handler: async ({ query, request }) => {
        const visitor = await visitorFromToken(ctx, request.headers['x-visitor-token'] as string | undefined);
        if (!visitor) throw new AppError('UNAUTHENTICATED', 'send the visitor token in x-visitor-token');
        return uploadAttachment(ctx, visitor.claims.workspaceId, { name: query.name, declaredType: request.headers['content-type'], bytes: request.body as Buffer }, {
          type: 'contact', id: visitor.contact.id,
        });
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/chat/attachments/:id', summary: 'A visitor downloads an attachment of their own conversations', tags: ['chat'],
      access: publicAccess,
      params: IdParams,
      query: Obj({ token: Text(2000, 1) }),
      response: { 401: ErrorBody, 404: ErrorBody },
      handler: async ({ params, query, reply }) => {
        const visitor = await visitorFromToken(ctx, query.token);
        if (!visitor) throw new AppError('UNAUTHENTICATED', 'pass the visitor token as ?token=');
        const file = await readAttachment(ctx, visitor.claims.workspaceId, params.id);
        const mine = [visitor.contact.id, ...visitor.contact.mergedFrom];
        const uploader = file.attachment.uploadedBy;
        const uploadedByVisitor = uploader.type === 'contact' && mine.includes(uploader.id);
        const conversation = file.attachment.conversationId ? await getConversation(ctx, visitor.claims.workspaceId, file.attachment.conversationId) : null;
        const inOwnConversation = conversation !== null && mine.includes(conversation.contactId);
        // Someone else's file is answered exactly like a missing one.
        if (!uploadedByVisitor && !inOwnConversation) throw new AppError('ATTACHMENT_NOT_FOUND', 'no such attachment');
        return sendAttachment(reply, file);
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/chat/settings', summary: 'The identity-verification secret for the host site\'s server', tags: ['chat'],
      access: allow(adminsOnly, null),
      response: { 200: Obj({ identitySecret: Type.String(), loaderPath: Type.String() }), ...commonErrors },
      handler: async ({ principal }) => {
        const workspace = await chatWorkspace(ctx);
        if (workspace.id !== signedIn(principal).workspaceId) throw new AppError('FORBIDDEN', 'chat serves the default workspace');
        return { identitySecret: identitySecret(ctx.hmacKey, workspace.id), loaderPath: '/widget/loader.js' };
      },
    }),
  ];
}
