import type { Sql } from '../../platform/db/index.ts';
import type { TransferRequest, TransferStatus } from './transfer-rules.ts';

function toRequest(r: Record<string, unknown>): TransferRequest {
  return {
    id: r.id as string, conversationId: r.conversation_id as string, fromAgentId: (r.from_agent_id as string | null) ?? null,
    requestedBy: (r.requested_by as string | null) ?? null,
    toAgentId: (r.to_agent_id as string | null) ?? null, toTeamId: (r.to_team_id as string | null) ?? null, reason: r.reason as string,
    status: r.status as TransferStatus, createdAt: r.created_at as Date, decidedAt: (r.decided_at as Date | null) ?? null,
    decidedBy: (r.decided_by as string | null) ?? null, declineReason: (r.decline_reason as string | null) ?? null,
  };
}

export async function insertTransfer(sql: Sql, workspaceId: string, t: TransferRequest): Promise<boolean> {
  const rows = await sql.query(
    `insert into transfer_requests (id, workspace_id, conversation_id, from_agent_id, to_agent_id, to_team_id, reason, status, created_at, requested_by)
     values ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9) on conflict do nothing returning id`,
    [t.id, workspaceId, t.conversationId, t.fromAgentId, t.toAgentId, t.toTeamId, t.reason, t.createdAt, t.requestedBy],
  );
  return rows.length > 0;
}

export async function findTransfer(sql: Sql, workspaceId: string, id: string, forUpdate = false): Promise<TransferRequest | null> {
  const rows = await sql.query(`select * from transfer_requests where workspace_id = $1 and id = $2${forUpdate ? ' for update' : ''}`, [workspaceId, id]);
  return rows[0] ? toRequest(rows[0]) : null;
}

export async function decideTransfer(sql: Sql, id: string, status: TransferStatus, by: string, at: Date, declineReason: string | null): Promise<void> {
  await sql.query('update transfer_requests set status = $2, decided_by = $3, decided_at = $4, decline_reason = $5 where id = $1', [id, status, by, at, declineReason]);
}

export async function listTransfers(sql: Sql, workspaceId: string, q: { status?: TransferStatus | undefined; conversationId?: string | undefined; limit: number }): Promise<TransferRequest[]> {
  const rows = await sql.query(
    `select * from transfer_requests where workspace_id = $1 and ($2::text is null or status = $2) and ($3::uuid is null or conversation_id = $3)
     order by created_at desc, id desc limit $4`,
    [workspaceId, q.status ?? null, q.conversationId ?? null, q.limit],
  );
  return rows.map(toRequest);
}

/** Accepted transfers per conversation intent (null: not yet known), for spotting what bounces. */
export async function transferCounts(sql: Sql, workspaceId: string, since: Date): Promise<{ conversationId: string; accepted: number }[]> {
  const rows = await sql.query<{ conversation_id: string; n: number }>(
    `select conversation_id, count(*)::int as n from transfer_requests where workspace_id = $1 and status = 'accepted' and created_at >= $2 group by conversation_id`,
    [workspaceId, since],
  );
  return rows.map((r) => ({ conversationId: r.conversation_id, accepted: r.n }));
}
