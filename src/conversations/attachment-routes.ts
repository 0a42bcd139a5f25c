import type { FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf, allow, commonErrors, defineRoute, ErrorBody, everyRole, IdParams, Obj, signedIn, Text, type RouteDef } from '../http/index.ts';
import type { CommandContext } from '../platform/outbox/index.ts';
import { readAttachment, uploadAttachment, type AttachmentFile } from './attachment-commands.ts';
import { maxAttachmentBytes } from './attachment-rules.ts';
import { AttachmentView } from './conversation-routes.ts';

export const UploadQuery = Obj({ name: Type.Optional(Text(255)) });
export const uploadErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 415: ErrorBody };

/**
 * Sends a stored file so a browser cannot be tricked into running it: the sniffed type, no
 * sniffing by the browser, a sandbox policy, and PDFs as downloads.
 */
export function sendAttachment(reply: FastifyReply, file: AttachmentFile): FastifyReply {
  const { attachment, bytes } = file;
  const disposition = attachment.contentType.startsWith('image/') ? 'inline' : 'attachment';
  return reply
    .header('content-type', attachment.contentType)
    .header('content-length', String(bytes.length))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(attachment.name)}`)
    .send(Buffer.from(bytes));
}

export function attachmentRoutes(ctx: CommandContext): RouteDef[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/attachments', summary: 'Upload a picture or PDF (raw body, its type as Content-Type); attach it by id to your next message', tags: ['conversations'],
      access: allow(everyRole, 'conversations:write'),
      query: UploadQuery,
      bodyLimit: maxAttachmentBytes + 1,
      response: { 201: AttachmentView, ...uploadErrors },
      handler: async ({ principal, query, request }) =>
        uploadAttachment(ctx, signedIn(principal).workspaceId, { name: query.name, declaredType: request.headers['content-type'], bytes: request.body as Buffer }, actorOf(principal)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/attachments/:id', summary: 'Download an attachment', tags: ['conversations'],
      access: allow(everyRole, 'conversations:read'),
      params: IdParams,
      response: { ...commonErrors },
      handler: async ({ principal, params, reply }) => sendAttachment(reply, await readAttachment(ctx, signedIn(principal).workspaceId, params.id)),
    }),
  ];
}
