import type { Sql } from '../../platform/db/index.ts';
import type { Measured, WaitBasis } from './wait-rules.ts';

export interface PredictionRow {
  conversationId: string;
  workspaceId: string;
  channel: string;
  teamId: string | null;
  waitingSince: Date;
  predictedSeconds: number | null;
  basis: WaitBasis;
}

/** Idempotent: every node hears the same event, the first to write keeps its prediction. */
export async function insertPrediction(sql: Sql, p: PredictionRow): Promise<void> {
  await sql.query(
    `insert into wait_predictions (conversation_id, workspace_id, channel, team_id, waiting_since, predicted_seconds, basis)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
    [p.conversationId, p.workspaceId, p.channel, p.teamId, p.waitingSince, p.predictedSeconds, JSON.stringify(p.basis)],
  );
}

/** The wait that ended when an agent took the conversation: the latest open wait only. */
export async function recordClaim(sql: Sql, conversationId: string, at: Date): Promise<void> {
  await sql.query(
    `update wait_predictions set claimed_at = $2, actual_seconds = greatest(0, round(extract(epoch from ($2::timestamptz - waiting_since))))::int
     where conversation_id = $1 and claimed_at is null and waiting_since <= $2`,
    [conversationId, at],
  );
}

export async function recordResolution(sql: Sql, conversationId: string, at: Date): Promise<void> {
  await sql.query('update wait_predictions set resolved_at = $2 where conversation_id = $1 and claimed_at is not null and resolved_at is null and claimed_at <= $2', [conversationId, at]);
}

/** Median seconds from an agent taking a conversation to resolving it, per channel, since `since`. */
export async function medianHandleByChannel(sql: Sql, workspaceId: string, since: Date): Promise<Map<string, number>> {
  const rows = await sql.query<{ channel: string; handle: number | null }>(
    `select channel, percentile_cont(0.5) within group (order by extract(epoch from resolved_at - claimed_at)) as handle
     from wait_predictions where workspace_id = $1 and resolved_at is not null and claimed_at > $2 group by channel`,
    [workspaceId, since],
  );
  return new Map(rows.filter((r) => r.handle !== null).map((r) => [r.channel, Number(r.handle)]));
}

export async function measuredWaits(sql: Sql, workspaceId: string, since: Date, channel?: string): Promise<Measured[]> {
  const rows = await sql.query<{ channel: string; predicted_seconds: number | null; actual_seconds: number }>(
    `select channel, predicted_seconds, actual_seconds from wait_predictions
     where workspace_id = $1 and claimed_at > $2 and actual_seconds is not null and ($3::text is null or channel = $3)`,
    [workspaceId, since, channel ?? null],
  );
  return rows.map((r) => ({ channel: r.channel, predictedSeconds: r.predicted_seconds === null ? null : Number(r.predicted_seconds), actualSeconds: Number(r.actual_seconds) }));
}

/** Per channel, the predicted wait past which a customer is offered a callback or email instead. */
export const defaultOfferAfterSeconds: Readonly<Record<string, number>> = { chat: 120 };

export async function offerThresholds(sql: Sql, workspaceId: string): Promise<Record<string, number>> {
  const [row] = await sql.query<{ offer_after_seconds: Record<string, number> }>('select offer_after_seconds from wait_settings where workspace_id = $1', [workspaceId]);
  return { ...defaultOfferAfterSeconds, ...(row?.offer_after_seconds ?? {}) };
}

export async function saveOfferThresholds(sql: Sql, workspaceId: string, thresholds: Record<string, number>, at: Date): Promise<void> {
  await sql.query(
    `insert into wait_settings (workspace_id, offer_after_seconds, updated_at) values ($1, $2, $3)
     on conflict (workspace_id) do update set offer_after_seconds = excluded.offer_after_seconds, updated_at = excluded.updated_at`,
    [workspaceId, JSON.stringify(thresholds), at],
  );
}
