import type { Actor } from '../../kernel/index.ts';
import type { Sql } from '../../platform/db/index.ts';
import type { CallbackStatus } from './callback-rules.ts';

export interface Callback {
  id: string;
  workspaceId: string;
  conversationId: string;
  contactId: string;
  /** The chat the customer asked from, when they did. */
  sourceConversationId: string | null;
  phone: string;
  windowStart: Date;
  windowEnd: Date;
  timeZone: string;
  note: string | null;
  status: CallbackStatus;
  createdBy: Actor;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Record<string, unknown>;
const toCallback = (r: Row): Callback => ({
  id: r.id as string, workspaceId: r.workspace_id as string, conversationId: r.conversation_id as string, contactId: r.contact_id as string,
  sourceConversationId: (r.source_conversation_id as string | null) ?? null, phone: r.phone as string, windowStart: r.window_start as Date,
  windowEnd: r.window_end as Date, timeZone: r.time_zone as string, note: (r.note as string | null) ?? null, status: r.status as CallbackStatus,
  createdBy: r.created_by as Actor, createdAt: r.created_at as Date, updatedAt: r.updated_at as Date,
});

export async function insertCallback(sql: Sql, c: Callback): Promise<void> {
  await sql.query(
    `insert into callbacks (id, workspace_id, conversation_id, contact_id, source_conversation_id, phone, window_start, window_end, time_zone, note, status, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [c.id, c.workspaceId, c.conversationId, c.contactId, c.sourceConversationId, c.phone, c.windowStart, c.windowEnd, c.timeZone, c.note, c.status, JSON.stringify(c.createdBy), c.createdAt, c.updatedAt],
  );
}

export async function findCallback(sql: Sql, workspaceId: string, id: string, forUpdate = false): Promise<Callback | null> {
  const rows = await sql.query(`select * from callbacks where workspace_id = $1 and id = $2${forUpdate ? ' for update' : ''}`, [workspaceId, id]);
  return rows[0] ? toCallback(rows[0]) : null;
}

export async function setCallbackStatus(sql: Sql, id: string, status: CallbackStatus, at: Date): Promise<void> {
  await sql.query('update callbacks set status = $2, updated_at = $3 where id = $1', [id, status, at]);
}

/** Soonest first; `after` is the keyset position (window start, id) of the previous page. */
export async function listCallbackRows(sql: Sql, workspaceId: string, status: CallbackStatus | null, after: { at: Date; id: string } | null, limit: number): Promise<Callback[]> {
  const rows = await sql.query(
    `select * from callbacks where workspace_id = $1 and ($2::text is null or status = $2)
       and ($3::timestamptz is null or (window_start, id) > ($3::timestamptz, $4::uuid))
     order by window_start, id limit $5`,
    [workspaceId, status, after?.at ?? null, after?.id ?? null, limit],
  );
  return rows.map(toCallback);
}

/** Scheduled callbacks whose window has ended, locked so two sweepers never both report one. */
export async function lockOverdue(sql: Sql, now: Date, limit: number): Promise<Callback[]> {
  const rows = await sql.query(
    "select * from callbacks where status = 'scheduled' and window_end <= $1 order by window_end limit $2 for update skip locked",
    [now, limit],
  );
  return rows.map(toCallback);
}

/** The promised time per conversation (its window's start) for work still to be done. */
export async function dueAtRows(sql: Sql, workspaceId: string, conversationIds: readonly string[]): Promise<Map<string, Date>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await sql.query<{ conversation_id: string; window_start: Date }>(
    "select conversation_id, window_start from callbacks where workspace_id = $1 and conversation_id = any($2) and status in ('scheduled', 'missed')",
    [workspaceId, conversationIds],
  );
  return new Map(rows.map((r) => [r.conversation_id, r.window_start]));
}

export async function countByStatus(sql: Sql, workspaceId: string, missedSince: Date): Promise<{ byStatus: Record<string, number>; missedRecently: number }> {
  const rows = await sql.query<{ status: string; n: number }>('select status, count(*)::int as n from callbacks where workspace_id = $1 group by status', [workspaceId]);
  const [recent] = await sql.query<{ n: number }>("select count(*)::int as n from callbacks where workspace_id = $1 and status = 'missed' and window_end > $2", [workspaceId, missedSince]);
  return { byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])), missedRecently: Number(recent?.n ?? 0) };
}
