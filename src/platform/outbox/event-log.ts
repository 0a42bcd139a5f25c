import type { NewEvent, StoredEvent } from '../../kernel/index.ts';
import type { Sql } from '../db/index.ts';

interface EventRow extends Record<string, unknown> {
  position: number;
  id: string;
  workspace_id: string | null;
  type: string;
  subject_type: string;
  subject_id: string;
  actor: StoredEvent['actor'];
  payload: Record<string, unknown>;
  occurred_at: Date;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    position: Number(row.position),
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actor: row.actor ?? null,
    payload: row.payload,
    occurredAt: new Date(row.occurred_at),
  };
}

/** Appends events inside the caller's transaction, so they exist exactly when the change does. */
export async function appendEvents(
  sql: Sql,
  events: readonly (NewEvent & { id: string; occurredAt: Date })[],
): Promise<StoredEvent[]> {
  const stored: StoredEvent[] = [];
  for (const e of events) {
    const rows = await sql.query<EventRow>(
      `insert into events (id, workspace_id, type, subject_type, subject_id, actor, payload, occurred_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
      [e.id, e.workspaceId, e.type, e.subjectType, e.subjectId, e.actor ?? null, e.payload, e.occurredAt],
    );
    stored.push(toStoredEvent(rows[0]!));
  }
  return stored;
}

export interface EventQuery {
  workspaceId: string;
  afterPosition?: number;
  types?: readonly string[];
  subjectId?: string;
  limit: number;
}

export async function readEvents(sql: Sql, q: EventQuery): Promise<StoredEvent[]> {
  const rows = await sql.query<EventRow>(
    `select * from events
      where workspace_id = $1 and position > $2
        and ($3::text[] is null or type = any($3))
        and ($4::text is null or subject_id = $4)
      order by position limit $5`,
    [q.workspaceId, q.afterPosition ?? 0, q.types?.length ? q.types : null, q.subjectId ?? null, q.limit],
  );
  return rows.map(toStoredEvent);
}

export async function readUnpublished(sql: Sql, olderThan: Date, limit: number): Promise<StoredEvent[]> {
  const rows = await sql.query<EventRow>(
    `select * from events where published_at is null and occurred_at <= $1 order by position limit $2`,
    [olderThan, limit],
  );
  return rows.map(toStoredEvent);
}

export async function markPublished(sql: Sql, positions: readonly number[], at: Date): Promise<void> {
  if (positions.length === 0) return;
  await sql.query('update events set published_at = $1 where position = any($2) and published_at is null', [at, positions]);
}
