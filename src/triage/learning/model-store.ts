import type { Sql } from '../../platform/db/index.ts';
import type { HeldOutScore } from './promotion-rules.ts';

export type ModelStatus = 'active' | 'retired' | 'refused';

export interface ModelVersion {
  id: string;
  version: number;
  status: ModelStatus;
  /** Why it was shipped, refused, or put back (first_model, not_worse, worse_than_active, rolled_back…). */
  decision: string;
  labels: string[];
  trainedOn: number;
  heldOut: number;
  score: HeldOutScore;
  /** The model in use at the time, measured on the same held-back examples. */
  activeScore: HeldOutScore | null;
  trainMs: number;
  createdAt: Date;
  activatedAt: Date | null;
}

const summaryColumns = 'id, version, status, decision, labels, trained_on, held_out, score, active_score, train_ms, created_at, activated_at';

function toVersion(r: Record<string, unknown>): ModelVersion {
  return {
    id: r.id as string, version: Number(r.version), status: r.status as ModelStatus, decision: r.decision as string, labels: r.labels as string[],
    trainedOn: Number(r.trained_on), heldOut: Number(r.held_out), score: r.score as HeldOutScore, activeScore: (r.active_score as HeldOutScore | null) ?? null,
    trainMs: Number(r.train_ms), createdAt: r.created_at as Date, activatedAt: (r.activated_at as Date | null) ?? null,
  };
}

export async function listModelVersions(sql: Sql, workspaceId: string, page: { limit: number; before?: number | undefined }): Promise<ModelVersion[]> {
  const rows = await sql.query(
    `select ${summaryColumns} from intent_models where workspace_id = $1 and ($2::int is null or version < $2) order by version desc limit $3`,
    [workspaceId, page.before ?? null, page.limit],
  );
  return rows.map(toVersion);
}

export async function findModelVersion(sql: Sql, workspaceId: string, id: string, forUpdate = false): Promise<ModelVersion | null> {
  const rows = await sql.query(`select ${summaryColumns} from intent_models where workspace_id = $1 and id = $2${forUpdate ? ' for update' : ''}`, [workspaceId, id]);
  return rows[0] ? toVersion(rows[0]) : null;
}

export async function findActiveVersion(sql: Sql, workspaceId: string): Promise<ModelVersion | null> {
  const rows = await sql.query(`select ${summaryColumns} from intent_models where workspace_id = $1 and status = 'active'`, [workspaceId]);
  return rows[0] ? toVersion(rows[0]) : null;
}

export async function readModelBytes(sql: Sql, id: string): Promise<Uint8Array | null> {
  const rows = await sql.query<{ bytes: Uint8Array | null }>('select bytes from intent_models where id = $1', [id]);
  return rows[0]?.bytes ?? null;
}

export async function insertModelVersion(
  sql: Sql, workspaceId: string, v: Omit<ModelVersion, 'version'>, bytes: Uint8Array | null,
): Promise<ModelVersion> {
  const rows = await sql.query(
    `insert into intent_models (id, workspace_id, version, status, decision, labels, trained_on, held_out, score, active_score, train_ms, bytes, created_at, activated_at)
     values ($1, $2, coalesce((select max(version) from intent_models where workspace_id = $2), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     returning ${summaryColumns}`,
    [v.id, workspaceId, v.status, v.decision, v.labels, v.trainedOn, v.heldOut, JSON.stringify(v.score), v.activeScore ? JSON.stringify(v.activeScore) : null,
      v.trainMs, bytes, v.createdAt, v.activatedAt],
  );
  return toVersion(rows[0] as Record<string, unknown>);
}

/** Retires the active version (if any) and makes `id` the active one. */
export async function activateVersion(sql: Sql, workspaceId: string, id: string, decision: string, at: Date): Promise<void> {
  await sql.query("update intent_models set status = 'retired' where workspace_id = $1 and status = 'active' and id <> $2", [workspaceId, id]);
  await sql.query("update intent_models set status = 'active', decision = $3, activated_at = $4 where workspace_id = $1 and id = $2", [workspaceId, id, decision, at]);
}

/**
 * One trainer per workspace across every node: a lease row taken when free or expired. Training
 * runs outside any transaction (it is CPU work), so a row lease rather than a transaction lock.
 */
export async function claimTrainingLease(sql: Sql, workspaceId: string, holder: string, now: Date, until: Date): Promise<boolean> {
  const rows = await sql.query(
    `insert into intent_training_leases (workspace_id, holder, until) values ($1, $2, $3)
     on conflict (workspace_id) do update set holder = excluded.holder, until = excluded.until where intent_training_leases.until < $4
     returning workspace_id`,
    [workspaceId, holder, until, now],
  );
  return rows.length > 0;
}

export async function releaseTrainingLease(sql: Sql, workspaceId: string, holder: string): Promise<void> {
  await sql.query('delete from intent_training_leases where workspace_id = $1 and holder = $2', [workspaceId, holder]);
}
