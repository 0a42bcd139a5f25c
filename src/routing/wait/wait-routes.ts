import { Type } from '@sinclair/typebox';
import { channels, type Channel } from '../../conversations/index.ts';
import { allow, commonErrors, defineRoute, everyRole, Id, Language, managers, Nullable, Obj, signedIn, type RouteDef } from '../../http/index.ts';
import { AppError } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { waitAccuracy } from './wait-rules.ts';
import { queueWait } from './wait-service.ts';
import { measuredWaits, offerThresholds, saveOfferThresholds } from './wait-store.ts';

const ChannelName = Type.Union(channels.map((c) => Type.Literal(c)));
const Seconds = Type.Integer({ minimum: 0 });
const BasisView = Obj({
  reason: Type.String({ description: 'seat_free, queue, no_agent_available or no_recent_handle_times' }),
  agents: Type.Integer(), seats: Type.Integer(), freeSeats: Type.Integer(), ahead: Type.Integer(), medianHandleSeconds: Nullable(Type.Number()),
});
const WaitView = Obj({
  channel: Type.String(), teamId: Nullable(Id), predictedSeconds: Nullable(Seconds), basis: BasisView, offerAfterSeconds: Nullable(Seconds),
});
const Share = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
const AccuracyView = Obj({
  since: Type.String({ format: 'date-time' }),
  channels: Type.Array(Obj({
    channel: Type.String(), count: Type.Integer(), unpredicted: Type.Integer(), medianAbsoluteErrorSeconds: Nullable(Type.Number()),
    within30Seconds: Share, within50Percent: Share,
  })),
});
const Thresholds = Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 86_400 }));

/** The honest wait over HTTP: the prediction per queue, how good past predictions were, and the offer threshold. */
export function waitRoutes(ctx: CommandContext): RouteDef[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/routing/wait', summary: 'Predicted wait for new work in a queue (channel + team); null when there is no basis', tags: ['routing'],
      access: allow(everyRole, 'conversations:read'),
      query: Obj({ channel: ChannelName, teamId: Type.Optional(Id), language: Type.Optional(Language) }),
      response: { 200: WaitView, ...commonErrors },
      handler: async ({ principal, query }) => {
        const wait = await queueWait(ctx, signedIn(principal).workspaceId, { channel: query.channel, teamId: query.teamId ?? null, language: query.language ?? null });
        return { channel: wait.channel, teamId: wait.teamId, predictedSeconds: wait.predictedSeconds, basis: wait.basis, offerAfterSeconds: wait.offerAfterSeconds };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/routing/wait-accuracy', summary: 'How far predicted waits were from the real ones, per channel', tags: ['routing'],
      access: allow(managers, 'conversations:read'),
      query: Obj({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'look back this many days (default 7)' })), channel: Type.Optional(ChannelName) }),
      response: { 200: AccuracyView, ...commonErrors },
      handler: async ({ principal, query }) => {
        const since = new Date(ctx.clock().getTime() - (query.days ?? 7) * 86_400_000);
        const rows = await measuredWaits(ctx.db, signedIn(principal).workspaceId, since, query.channel);
        return { since: since.toISOString(), channels: waitAccuracy(rows) };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/routing/wait-settings', summary: 'Per channel, the predicted wait past which customers are offered a callback or email', tags: ['routing'],
      access: allow(everyRole, 'settings:read'),
      response: { 200: Obj({ offerAfterSeconds: Thresholds }), ...commonErrors },
      handler: async ({ principal }) => ({ offerAfterSeconds: await offerThresholds(ctx.db, signedIn(principal).workspaceId) }),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/routing/wait-settings', summary: 'Set the offer thresholds (seconds per channel; the default for chat is 120)', tags: ['routing'],
      access: allow(managers, 'settings:write'),
      body: Obj({ offerAfterSeconds: Thresholds }),
      response: { 200: Obj({ offerAfterSeconds: Thresholds }), ...commonErrors },
      handler: async ({ principal, body }) => {
        const workspaceId = signedIn(principal).workspaceId;
        const unknown = Object.keys(body.offerAfterSeconds).filter((c) => !(channels as readonly string[]).includes(c as Channel));
        if (unknown.length) throw new AppError('VALIDATION_FAILED', `unknown channel ${unknown.join(', ')}; channels are ${channels.join(', ')}`);
        await transact(ctx, (tx) => saveOfferThresholds(tx.sql, workspaceId, body.offerAfterSeconds, tx.now));
        return { offerAfterSeconds: await offerThresholds(ctx.db, workspaceId) };
      },
    }),
  ];
}
