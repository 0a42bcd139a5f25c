import type { Actor } from '../kernel/index.ts';
import type { Sql } from '../platform/db/index.ts';
import type { AttachmentMeta } from './attachment-store.ts';
import type { Channel, ConversationStatus, MessageKind, Priority } from './conversation-rules.ts';
import type { IntentSource, Sentiment, Urgency } from './reading-rules.ts';

export interface Conversation {
  id: string;
  workspaceId: string;
  number: number;
  contactId: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  ownerId: string | null;
  teamId: string | null;
  tags: string[];
  subject: string | null;
  language: string | null;
  lastSeq: number;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** What triage or an agent says the customer wants; an agent's word is never overwritten by a model. */
  intent: string | null;
  intentConfidence: number | null;
  intentSource: IntentSource | null;
  sentiment: Sentiment | null;
  sentimentScore: number | null;
  urgency: Urgency | null;
  urgencyScore: number | null;
  urgencyReasons: string[];
}

export interface Message {
  id: string;
  workspaceId: string;
  conversationId: string;
  seq: number;
  kind: MessageKind;
  author: Actor;
  body: string;
  clientId: string | null;
  attachments: AttachmentMeta[];
  createdAt: Date;
}

const columns: [keyof Conversation, string][] = [
  ['id', 'id'], ['workspaceId', 'workspace_id'], ['number', 'number'], ['contactId', 'contact_id'], ['channel', 'channel'],
  ['status', 'status'], ['priority', 'priority'], ['ownerId', 'owner_id'], ['teamId', 'team_id'], ['tags', 'tags'],
  ['subject', 'subject'], ['language', 'language'], ['lastSeq', 'last_seq'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at'],
  ['lastActivityAt', 'last_activity_at'], ['firstResponseAt', 'first_response_at'], ['resolvedAt', 'resolved_at'], ['closedAt', 'closed_at'],
  ['intent', 'intent'], ['intentConfidence', 'intent_confidence'], ['intentSource', 'intent_source'], ['sentiment', 'sentiment'],
  ['sentimentScore', 'sentiment_score'], ['urgency', 'urgency'], ['urgencyScore', 'urgency_score'], ['urgencyReasons', 'urgency_reasons'],
];

export function toConversation(row: Record<string, unknown>): Conversation {
  return Object.fromEntries(columns.map(([key, column]) => [key, row[column]])) as unknown as Conversation;
}

export async function nextConversationNumber(sql: Sql, workspaceId: string): Promise<number> {
  const rows = await sql.query<{ last_number: number }>(
    `insert into conversation_numbers (workspace_id, last_number) values ($1, 1)
     on conflict (workspace_id) do update set last_number = conversation_numbers.last_number + 1 returning last_number`,
    [workspaceId],
  );
  return Number(rows[0]!.last_number);
}

export async function insertConversation(sql: Sql, c: Conversation): Promise<void> {
  await sql.query(
    `insert into conversations (${columns.map(([, col]) => col).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    columns.map(([key]) => c[key]),
  );
}

const mutable = columns.filter(([key]) => !['id', 'workspaceId', 'number', 'createdAt'].includes(key));
/** `update conversations set …` with the conversation's id at `$first` and its mutable fields after it. */
const updateFrom = (first: number) =>
  `update conversations set ${mutable.map(([, col], i) => `${col} = $${first + i + 1}`).join(', ')} where id = $${first}`;
const updateParams = (c: Conversation) => [c.id, ...mutable.map(([key]) => c[key])];

/** Writes every mutable field; the row lock taken by `findConversation(..., true)` makes it safe. */
export async function saveConversation(sql: Sql, c: Conversation): Promise<void> {
  await sql.query(updateFrom(1), updateParams(c));
}

export async function findConversation(sql: Sql, workspaceId: string, id: string, forUpdate = false): Promise<Conversation | null> {
  const rows = await sql.query(`select * from conversations where workspace_id = $1 and id = $2${forUpdate ? ' for update' : ''}`, [workspaceId, id]);
  return rows[0] ? toConversation(rows[0]) : null;
}

export interface ConversationFilter {
  statuses?: ConversationStatus[] | undefined;
  ownerId?: string | undefined;
  unassigned?: boolean | undefined;
  teamId?: string | undefined;
  channel?: Channel | undefined;
  contactIds?: string[] | undefined;
  priority?: Priority | undefined;
  tag?: string | undefined;
}

export type ConversationSort = 'newest' | 'recent_activity';

export async function listConversationRows(
  sql: Sql, workspaceId: string, filter: ConversationFilter, sort: ConversationSort, after: [string, string] | null, limit: number,
): Promise<Conversation[]> {
  const sortColumn = sort === 'newest' ? 'created_at' : 'last_activity_at';
  const rows = await sql.query(
    `select * from conversations
      where workspace_id = $1
        and ($2::text[] is null or status = any($2))
        and ($3::uuid is null or owner_id = $3)
        and (not $4::boolean or owner_id is null)
        and ($5::uuid is null or team_id = $5)
        and ($6::text is null or channel = $6)
        and ($7::uuid[] is null or contact_id = any($7))
        and ($8::text is null or priority = $8)
        and ($9::text is null or $9 = any(tags))
        and ($10::timestamptz is null or (${sortColumn}, id) < ($10, $11::uuid))
      order by ${sortColumn} desc, id desc limit $12`,
    [
      workspaceId, filter.statuses?.length ? filter.statuses : null, filter.ownerId ?? null, filter.unassigned ?? false,
      filter.teamId ?? null, filter.channel ?? null, filter.contactIds ?? null, filter.priority ?? null, filter.tag ?? null,
      after?.[0] ?? null, after?.[1] ?? null, limit,
    ],
  );
  return rows.map(toConversation);
}

export interface ChannelLoad {
  openByOwner: Record<string, number>;
  waiting: number;
  medianHandleSeconds: number | null;
  medianFirstResponseSeconds: number | null;
}

/** Live load on one channel, and how long its conversations took recently. */
export async function channelLoadRows(sql: Sql, workspaceId: string, channel: Channel, since: Date): Promise<ChannelLoad> {
  const owned = await sql.query<{ owner_id: string; n: number }>(
    `select owner_id, count(*)::int as n from conversations
      where workspace_id = $1 and channel = $2 and status in ('open', 'pending') and owner_id is not null group by owner_id`,
    [workspaceId, channel],
  );
  const [stats] = await sql.query<{ waiting: number; handle: number | null; first: number | null }>(
    `select
       (select count(*)::int from conversations where workspace_id = $1 and channel = $2 and status = 'open' and owner_id is null) as waiting,
       (select percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at))
          from conversations where workspace_id = $1 and channel = $2 and resolved_at is not null and created_at > $3) as handle,
       (select percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at))
          from conversations where workspace_id = $1 and channel = $2 and first_response_at is not null and created_at > $3) as first`,
    [workspaceId, channel, since],
  );
  return {
    openByOwner: Object.fromEntries(owned.map((r) => [r.owner_id, r.n])),
    waiting: stats?.waiting ?? 0,
    medianHandleSeconds: stats?.handle ?? null,
    medianFirstResponseSeconds: stats?.first ?? null,
  };
}

/** Where a conversation waits: 1 + the unowned open ones of its channel that came before it; null when it is not waiting. */
export async function queuePositionRow(sql: Sql, workspaceId: string, conversationId: string): Promise<number | null> {
  const rows = await sql.query<{ position: number | null }>(
    `select case when c.status = 'open' and c.owner_id is null then
       (select count(*)::int from conversations q
         where q.workspace_id = c.workspace_id and q.channel = c.channel and q.status = 'open' and q.owner_id is null
           and q.number <= c.number)
     end as position
     from conversations c where c.workspace_id = $1 and c.id = $2`,
    [workspaceId, conversationId],
  );
  return rows[0]?.position ?? null;
}

interface MessageRow extends Record<string, unknown> {
  id: string; workspace_id: string; conversation_id: string; seq: number; kind: MessageKind; author: Actor; body: string;
  client_id: string | null; attachments: AttachmentMeta[] | null; created_at: Date;
}

const toMessage = (r: MessageRow): Message => ({
  id: r.id, workspaceId: r.workspace_id, conversationId: r.conversation_id, seq: Number(r.seq), kind: r.kind, author: r.author,
  body: r.body, clientId: r.client_id, attachments: r.attachments ?? [], createdAt: r.created_at,
});

const insertMessageText = `insert into messages (id, workspace_id, conversation_id, seq, kind, author, body, client_id, attachments, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
const insertMessageParams = (m: Message) =>
  [m.id, m.workspaceId, m.conversationId, m.seq, m.kind, m.author, m.body, m.clientId, JSON.stringify(m.attachments), m.createdAt];

/**
 * Inserts the message and writes the conversation as `saveConversation` does, in one statement (a
 * writable CTE: one round trip on the hot path). The caller holds the conversation's row lock.
 */
export async function insertMessageAndSaveConversation(sql: Sql, m: Message, c: Conversation): Promise<void> {
  await sql.query(`with inserted as (${insertMessageText}) ${updateFrom(11)}`, [...insertMessageParams(m), ...updateParams(c)]);
}

export async function findMessageByClientId(sql: Sql, conversationId: string, clientId: string): Promise<Message | null> {
  const rows = await sql.query<MessageRow>('select * from messages where conversation_id = $1 and client_id = $2', [conversationId, clientId]);
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function findMessageBySeq(sql: Sql, workspaceId: string, conversationId: string, seq: number): Promise<Message | null> {
  const rows = await sql.query<MessageRow>('select * from messages where workspace_id = $1 and conversation_id = $2 and seq = $3', [workspaceId, conversationId, seq]);
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function listMessageRows(
  sql: Sql, conversationId: string, afterSeq: number, limit: number, kinds: readonly MessageKind[] | null,
): Promise<Message[]> {
  const rows = await sql.query<MessageRow>(
    `select * from messages where conversation_id = $1 and seq > $2 and ($3::text[] is null or kind = any($3))
     order by seq limit $4`,
    [conversationId, afterSeq, kinds, limit],
  );
  return rows.map(toMessage);
}
