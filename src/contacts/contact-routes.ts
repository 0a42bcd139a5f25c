import { Type } from '@sinclair/typebox';
import {
  actorOf, allow, commonErrors, defineRoute, everyRole, Id, IdParams, Language, managers, Nullable, Obj, Page, pageQuery,
  signedIn, Text, Timestamp, type RouteDef,
} from '../http/index.ts';
import type { CommandContext } from '../platform/outbox/index.ts';
import { identityKinds } from './contact-rules.ts';
import { changeContact, createContact, getContact, listContacts, mergeContacts } from './contact-commands.ts';

export const IdentitySchema = Obj({ kind: Type.Union(identityKinds.map((k) => Type.Literal(k))), value: Text(254, 1) });
const Attributes = Type.Record(Type.String({ maxLength: 64 }), Type.Union([Text(1000), Type.Number(), Type.Boolean(), Type.Null()]), { maxProperties: 100 });

export const ContactView = Obj({
  id: Id, workspaceId: Id, name: Nullable(Type.String()), language: Nullable(Type.String()), attributes: Type.Record(Type.String(), Type.Unknown()),
  identities: Type.Array(IdentitySchema), mergedFrom: Type.Array(Id), createdAt: Timestamp, updatedAt: Timestamp,
});

export function contactRoutes(ctx: CommandContext): RouteDef[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/contacts', summary: 'List or search contacts (name, email, phone, ids)', tags: ['contacts'],
      access: allow(everyRole, 'contacts:read'),
      query: Obj({ ...pageQuery, q: Type.Optional(Text(200)) }),
      response: { 200: Page(ContactView), ...commonErrors },
      handler: async ({ principal, query }) => listContacts(ctx, signedIn(principal).workspaceId, { search: query.q, limit: query.limit ?? 50, cursor: query.cursor }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/contacts', summary: 'Create a contact', tags: ['contacts'],
      access: allow(everyRole, 'contacts:write'),
      body: Obj({
        name: Type.Optional(Nullable(Text(200))), language: Type.Optional(Nullable(Language)), attributes: Type.Optional(Attributes),
        identities: Type.Optional(Type.Array(IdentitySchema, { maxItems: 20 })),
      }),
      response: { 201: ContactView, ...commonErrors },
      handler: async ({ principal, body }) => createContact(ctx, signedIn(principal).workspaceId, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/contacts/:id', summary: 'One contact (a merged id answers with the contact it was merged into)', tags: ['contacts'],
      access: allow(everyRole, 'contacts:read'),
      params: IdParams,
      response: { 200: ContactView, ...commonErrors },
      handler: async ({ principal, params }) => getContact(ctx, signedIn(principal).workspaceId, params.id),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/contacts/:id', summary: 'Change a contact or add identities', tags: ['contacts'],
      access: allow(everyRole, 'contacts:write'),
      params: IdParams,
      body: Obj({
        name: Type.Optional(Nullable(Text(200))), language: Type.Optional(Nullable(Language)), attributes: Type.Optional(Attributes),
        addIdentities: Type.Optional(Type.Array(IdentitySchema, { maxItems: 20 })),
      }),
      response: { 200: ContactView, ...commonErrors },
      handler: async ({ principal, params, body }) => changeContact(ctx, signedIn(principal).workspaceId, params.id, body, actorOf(principal)),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/contacts/:id/merge', summary: 'Merge another contact into this one; every conversation and message is kept', tags: ['contacts'],
      access: allow(managers, 'contacts:write'),
      params: IdParams,
      body: Obj({ sourceId: Id }),
      response: { 200: ContactView, ...commonErrors },
      handler: async ({ principal, params, body }) => mergeContacts(ctx, signedIn(principal).workspaceId, params.id, body.sourceId, actorOf(principal)),
    }),
  ];
}
