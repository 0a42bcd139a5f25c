import { Type } from '@sinclair/typebox';
import { adminsOnly, allow, commonErrors, defineRoute, everyRole, IdParams, managers, Nullable, Obj, signedIn, Text, type RouteDef } from '../../http/index.ts';
import { AppError } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { getConversation } from '../../conversations/index.ts';
import { readBriefEndpoint, removeBriefEndpoint, saveBriefEndpoint } from './brief-endpoint-store.ts';
import { briefFor, type HandoffOptions } from './handoff.ts';

const FactView = Obj({ kind: Type.String(), value: Type.String() });
const BriefView = Obj({
  summary: Type.String(), customer: Type.String(), language: Type.String(), intent: Nullable(Type.String()), facts: Type.Array(FactView),
  tried: Type.Array(Type.String()), promised: Type.Array(Type.String()), openQuestion: Nullable(Type.String()),
  source: Type.Union([Type.Literal('local'), Type.Literal('endpoint')]), fallbackReason: Type.Optional(Type.String()),
});
const Locale = Type.Union([Type.Literal('en'), Type.Literal('ar')]);
const EndpointView = Obj({ baseUrl: Type.String(), model: Type.String(), timeoutMs: Type.Integer(), apiKeySet: Type.Boolean() });
const EndpointIn = Obj({
  baseUrl: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://' }), model: Text(200, 1),
  apiKey: Type.Optional(Text(500, 1)), timeoutMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: 60_000 })),
});
const SettingsView = Obj({ briefEndpoint: Nullable(EndpointView) });

export function handoffRoutes(ctx: CommandContext, options: HandoffOptions = {}): RouteDef[] {
  const view = async (workspaceId: string) => {
    const endpoint = await readBriefEndpoint(ctx.db, workspaceId);
    return { briefEndpoint: endpoint ? { baseUrl: endpoint.baseUrl, model: endpoint.model, timeoutMs: endpoint.timeoutMs, apiKeySet: endpoint.apiKey !== '' } : null };
  };
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/conversations/:id/brief', summary: 'The hand-off brief: who, language, intent, facts, what was tried and promised', tags: ['triage'],
      access: allow(everyRole, 'conversations:read'),
      params: IdParams,
      query: Obj({ locale: Type.Optional(Locale) }),
      response: { 200: BriefView, ...commonErrors },
      handler: async ({ principal, params, query }) => {
        const workspaceId = signedIn(principal).workspaceId;
        await getConversation(ctx, workspaceId, params.id);
        return briefFor(ctx, workspaceId, params.id, query.locale ?? 'en', options);
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/triage/settings', summary: 'Triage settings: the optional brief endpoint (its key is never shown)', tags: ['triage'],
      access: allow(managers, 'settings:read'),
      response: { 200: SettingsView, ...commonErrors },
      handler: async ({ principal }) => view(signedIn(principal).workspaceId),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/triage/settings', summary: 'Set or clear the OpenAI-compatible endpoint that writes briefs (the local brief stays the fallback)', tags: ['triage'],
      access: allow(adminsOnly, 'settings:write'),
      body: Obj({ briefEndpoint: Nullable(EndpointIn) }),
      response: { 200: SettingsView, ...commonErrors },
      handler: async ({ principal, body }) => {
        const workspaceId = signedIn(principal).workspaceId;
        await transact(ctx, async (tx) => {
          const wanted = body.briefEndpoint;
          if (!wanted) return removeBriefEndpoint(tx.sql, workspaceId);
          // Leaving the key out keeps the stored one, so admins can change the model without re-typing it.
          const apiKey = wanted.apiKey ?? (await readBriefEndpoint(tx.sql, workspaceId))?.apiKey;
          if (!apiKey) throw new AppError('VALIDATION_FAILED', 'give apiKey: no key is stored yet');
          return saveBriefEndpoint(tx.sql, workspaceId, { baseUrl: wanted.baseUrl.replace(/\/+$/, ''), model: wanted.model, apiKey, timeoutMs: wanted.timeoutMs ?? 15_000 }, tx.now);
        });
        return view(workspaceId);
      },
    }),
  ];
}
