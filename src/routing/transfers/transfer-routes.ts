import { Type } from '@sinclair/typebox';
import { getAgent } from '../../accounts/index.ts';
import { allow, commonErrors, defineRoute, everyRole, Id, IdParams, managers, Nullable, Obj, Text, Timestamp, type RouteDef } from '../../http/index.ts';
import { AppError, type Principal } from '../../kernel/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { acceptTransfer, declineTransfer, requestTransfer } from './transfer-commands.ts';
import type { Caller } from './transfer-rules.ts';
import { listTransfers, transferCounts } from './transfer-store.ts';
import { getConversation } from '../../conversations/index.ts';

const Status = Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('declined'), Type.Literal('cancelled')]);
const TransferView = Obj({
  id: Id, conversationId: Id, fromAgentId: Nullable(Id), requestedBy: Nullable(Id), toAgentId: Nullable(Id), toTeamId: Nullable(Id), reason: Type.String(), status: Status,
  createdAt: Timestamp, decidedAt: Nullable(Timestamp), decidedBy: Nullable(Id), declineReason: Nullable(Type.String()),
});

/** A transfer is between people: an API token may read them but never ask for or accept one. */
async function callerOf(ctx: CommandContext, principal: Principal | null): Promise<Caller> {
  if (principal?.kind !== 'agent') throw new AppError('FORBIDDEN', 'transfers are asked for and accepted by signed-in agents');
  const agent = await getAgent(ctx, principal.workspaceId, principal.agentId);
  return { agentId: agent.id, role: agent.role, teamIds: agent.teamIds };
}

export function transferRoutes(ctx: CommandContext): RouteDef[] {
  // People only: a token may read transfers but never ask for, accept or refuse one.
  const write = allow(everyRole, null);
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/conversations/:id/transfers', summary: 'Ask a colleague or a team to take over (warm transfer: the owner keeps it until accepted)', tags: ['routing'],
      access: write,
      params: IdParams,
      body: Obj({ toAgentId: Type.Optional(Nullable(Id)), toTeamId: Type.Optional(Nullable(Id)), reason: Text(500, 1) }),
      response: { 201: TransferView, ...commonErrors },
      handler: async ({ principal, params, body }) => requestTransfer(ctx, (principal as { workspaceId: string }).workspaceId, params.id, body, await callerOf(ctx, principal)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/transfers', summary: 'Transfers, newest first (filter by status or conversation)', tags: ['routing'],
      access: allow(everyRole, 'conversations:read'),
      query: Obj({ status: Type.Optional(Status), conversationId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
      response: { 200: Obj({ items: Type.Array(TransferView) }), ...commonErrors },
      handler: async ({ principal, query }) => ({
        items: await listTransfers(ctx.db, (principal as { workspaceId: string }).workspaceId, { status: query.status, conversationId: query.conversationId, limit: query.limit ?? 50 }),
      }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/routing/transfer-stats', summary: 'Accepted transfers in the last N days, per intent and per conversation (what bounces)', tags: ['routing'],
      access: allow(managers, 'conversations:read'),
      query: Obj({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) }),
      response: {
        200: Obj({
          byIntent: Type.Array(Obj({ intent: Nullable(Type.String()), conversations: Type.Integer(), transfers: Type.Integer() })),
          conversations: Type.Array(Obj({ conversationId: Id, intent: Nullable(Type.String()), transfers: Type.Integer() })),
        }),
        ...commonErrors,
      },
      handler: async ({ principal, query }) => {
        const workspaceId = (principal as { workspaceId: string }).workspaceId;
        const since = new Date(ctx.clock().getTime() - (query.days ?? 30) * 86_400_000);
        const counts = (await transferCounts(ctx.db, workspaceId, since)).sort((a, b) => b.accepted - a.accepted).slice(0, 500);
        const conversations = await Promise.all(counts.map(async (c) => ({
          conversationId: c.conversationId, transfers: c.accepted, intent: (await getConversation(ctx, workspaceId, c.conversationId).catch(() => null))?.intent ?? null,
        })));
        const byIntent = new Map<string | null, { intent: string | null; conversations: number; transfers: number }>();
        for (const c of conversations) {
          const row = byIntent.get(c.intent) ?? { intent: c.intent, conversations: 0, transfers: 0 };
          row.conversations += 1;
          row.transfers += c.transfers;
          byIntent.set(c.intent, row);
        }
        return { byIntent: [...byIntent.values()].sort((a, b) => b.transfers - a.transfers), conversations };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/transfers/:id/accept', summary: 'Accept a transfer: the conversation becomes yours and the customer is told', tags: ['routing'],
      access: write,
      params: IdParams,
      response: { 200: TransferView, ...commonErrors },
      handler: async ({ principal, params }) => acceptTransfer(ctx, (principal as { workspaceId: string }).workspaceId, params.id, await callerOf(ctx, principal)),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/transfers/:id/decline', summary: 'Decline a transfer; the conversation stays with its owner', tags: ['routing'],
      access: write,
      params: IdParams,
      body: Obj({ reason: Type.Optional(Text(500)) }),
      response: { 200: TransferView, ...commonErrors },
      handler: async ({ principal, params, body }) =>
        declineTransfer(ctx, (principal as { workspaceId: string }).workspaceId, params.id, await callerOf(ctx, principal), body.reason?.trim() || null, 'declined'),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/transfers/:id/cancel', summary: 'Withdraw a transfer you asked for', tags: ['routing'],
      access: write,
      params: IdParams,
      response: { 200: TransferView, ...commonErrors },
      handler: async ({ principal, params }) => declineTransfer(ctx, (principal as { workspaceId: string }).workspaceId, params.id, await callerOf(ctx, principal), null, 'cancelled'),
    }),
  ];
}
