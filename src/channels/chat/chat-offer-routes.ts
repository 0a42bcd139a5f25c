/**
 * What the widget offers instead of a long wait: the answer by email (chat's own), or a call
 * (the callback itself is routing's: the app passes routing's scheduler in, since chat cannot
 * import routing). Chat checks the visitor and that a chat they name is theirs, shows the
 * confirmation in that chat, and parks it out of the queue when nobody has taken it yet.
 */
import { Type } from '@sinclair/typebox';
import { changeStatus, postMessage } from '../../conversations/index.ts';
import { defineRoute, Email, ErrorBody, Id, Language, Obj, publicAccess, Text, Timestamp, type RouteDef } from '../../http/index.ts';
import { AppError } from '../../kernel/index.ts';
import { continueByEmail, visitorConversation } from './chat-email.ts';
import { visitorFromToken, type ChatContext } from './chat-session.ts';

export interface VisitorCallbackRequest {
  workspaceId: string;
  contactId: string;
  phone: string;
  windowStart: Date;
  windowEnd: Date;
  timeZone: string;
  note?: string | undefined;
  chat: { id: string; teamId: string | null; language: string | null } | null;
  language: string | null;
  locale: string;
}

export type ScheduleVisitorCallback = (request: VisitorCallbackRequest) => Promise<{
  callbackId: string; conversationId: string; phone: string; windowStart: Date; windowEnd: Date; timeZone: string; status: string; confirmation: string;
}>;

const CallbackAnswer = Obj({ callbackId: Id, windowStart: Timestamp, windowEnd: Timestamp, timeZone: Type.String(), status: Type.String(), confirmation: Type.String() });

export function chatOfferRoutes(ctx: ChatContext, scheduleCallback: ScheduleVisitorCallback): RouteDef[] {
  const visitorOf = async (token: string) => {
    const visitor = await visitorFromToken(ctx, token);
    if (!visitor) throw new AppError('UNAUTHENTICATED', 'start a chat session first');
    return visitor;
  };
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/chat/email', summary: 'Instead of waiting, the visitor asks to continue their chat by email', tags: ['chat'],
      access: publicAccess,
      body: Obj({ visitorToken: Text(2000, 1), conversationId: Id, email: Email }),
      response: { 200: Obj({ conversationId: Id, email: Type.String() }), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      handler: async ({ body }) => continueByEmail(ctx, await visitorOf(body.visitorToken), body.conversationId, body.email),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/chat/callback', summary: 'Instead of waiting, the visitor asks to be called back in a window', tags: ['chat'],
      access: publicAccess,
      body: Obj({
        visitorToken: Text(2000, 1), phone: Text(40, 1), windowStart: Timestamp, windowEnd: Timestamp, timeZone: Text(64, 1),
        conversationId: Type.Optional(Id), note: Type.Optional(Text(2000)), locale: Type.Optional(Language),
      }),
      response: { 201: CallbackAnswer, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      handler: async ({ body }) => {
        const visitor = await visitorOf(body.visitorToken);
        const workspaceId = visitor.claims.workspaceId;
        const chat = body.conversationId ? await visitorConversation(ctx, visitor, body.conversationId) : null;
        const scheduled = await scheduleCallback({
          workspaceId, contactId: visitor.contact.id, phone: body.phone, windowStart: new Date(body.windowStart), windowEnd: new Date(body.windowEnd),
          timeZone: body.timeZone, note: body.note, chat, language: visitor.contact.language, locale: body.locale ?? visitor.contact.language ?? 'en',
        });
        if (chat && chat.status !== 'closed') {
          const actor = { type: 'contact', id: visitor.contact.id } as const;
          await postMessage(ctx, workspaceId, chat.id, { kind: 'system', body: scheduled.confirmation }, { type: 'system' });
          await postMessage(ctx, workspaceId, chat.id, { kind: 'note', body: `The customer chose a callback to ${scheduled.phone} instead of waiting (callback conversation ${scheduled.conversationId}).` }, actor);
          if (chat.status === 'open' && chat.ownerId === null) await changeStatus(ctx, workspaceId, chat.id, 'pending', actor);
        }
        const { callbackId, timeZone, status, confirmation } = scheduled;
        return { callbackId, windowStart: scheduled.windowStart.toISOString(), windowEnd: scheduled.windowEnd.toISOString(), timeZone, status, confirmation };
      },
    }),
  ];
}
