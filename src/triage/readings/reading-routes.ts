import { Type } from '@sinclair/typebox';
import { getContact } from '../../contacts/index.ts';
import { getConversation, listConversations } from '../../conversations/index.ts';
import { allow, commonErrors, defineRoute, everyRole, Id, IdParams, Nullable, Obj, signedIn, Timestamp, type RouteDef } from '../../http/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { listFactsOf, listReadings } from './reading-store.ts';

const FactView = Obj({ kind: Type.String(), value: Type.String(), raw: Type.String(), start: Type.Integer(), end: Type.Integer() });
const ReadingView = Obj({
  messageId: Id, seq: Type.Integer(), language: Type.String(), dialect: Nullable(Type.String()), mixed: Type.Boolean(), languageConfidence: Type.Number(),
  intent: Nullable(Type.String()), intentConfidence: Nullable(Type.Number()), facts: Type.Array(FactView), readAt: Timestamp,
  sentiment: Nullable(Type.String()), sentimentScore: Nullable(Type.Number()), urgency: Nullable(Type.String()), urgencyScore: Nullable(Type.Integer()),
  urgencyReasons: Type.Array(Type.String()),
});

export function readingRoutes(ctx: CommandContext): RouteDef[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/conversations/:id/triage', summary: 'What triage read in the customer\'s messages: language, intent, key facts', tags: ['triage'],
      access: allow(everyRole, 'conversations:read'),
      params: IdParams,
      response: { 200: Obj({ language: Nullable(Type.String()), dialect: Nullable(Type.String()), facts: Type.Array(FactView), readings: Type.Array(ReadingView) }), ...commonErrors },
      handler: async ({ principal, params }) => {
        const workspaceId = signedIn(principal).workspaceId;
        await getConversation(ctx, workspaceId, params.id);
        const readings = await listReadings(ctx.db, workspaceId, params.id);
        const first = readings.find((r) => r.language !== 'und');
        // Each fact once, as first given: the brief should not repeat what the customer repeated.
        const seen = new Set<string>();
        const facts = readings.flatMap((r) => r.facts).filter((f) => !seen.has(`${f.kind}:${f.value}`) && seen.add(`${f.kind}:${f.value}`));
        return { language: first?.language ?? null, dialect: first?.dialect ?? null, facts, readings };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/contacts/:id/facts', summary: 'Key facts the customer gave across all their conversations, latest mention first', tags: ['triage'],
      access: allow(everyRole, 'contacts:read'),
      params: IdParams,
      response: { 200: Obj({ items: Type.Array(Obj({ ...FactView.properties, conversationId: Id, seq: Type.Integer(), readAt: Timestamp })) }), ...commonErrors },
      handler: async ({ principal, params }) => {
        const workspaceId = signedIn(principal).workspaceId;
        const contact = await getContact(ctx, workspaceId, params.id);
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listConversations(ctx, workspaceId, { contactId: contact.id, limit: 200, cursor });
          ids.push(...page.items.map((c) => c.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor && ids.length < 2000);
        return { items: await listFactsOf(ctx.db, workspaceId, ids, 200) };
      },
    }),
  ];
}
