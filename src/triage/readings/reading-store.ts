import type { Sql } from '../../platform/db/index.ts';
import type { Fact } from '../facts/extract-facts.ts';
import type { Reading } from './read-message.ts';

export interface StoredReading {
  messageId: string;
  conversationId: string;
  seq: number;
  language: string;
  dialect: string | null;
  mixed: boolean;
  languageConfidence: number;
  intent: string | null;
  intentConfidence: number | null;
  facts: Fact[];
  sentiment: string | null;
  sentimentScore: number | null;
  urgency: string | null;
  urgencyScore: number | null;
  urgencyReasons: string[];
  readAt: Date;
}

/**
 * Idempotent: an event delivered twice (or to two nodes) stores one reading. Says whether it was
 * stored, and whether it is the conversation's first (the insert does not see itself).
 */
export async function insertReading(
  sql: Sql, ids: { workspaceId: string; conversationId: string; messageId: string; seq: number }, reading: Reading, at: Date,
): Promise<{ stored: boolean; first: boolean }> {
  const rows = await sql.query<{ earlier: number }>(
    `with added as (
       insert into triage_readings (message_id, workspace_id, conversation_id, seq, language, dialect, mixed, language_confidence, intent, intent_confidence, facts, read_at,
         sentiment, sentiment_score, urgency, urgency_score, urgency_reasons)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) on conflict (message_id) do nothing returning message_id)
     select (select count(*)::int from triage_readings where conversation_id = $3) as earlier from added`,
    [ids.messageId, ids.workspaceId, ids.conversationId, ids.seq, reading.language.language, reading.language.dialect ?? null, reading.language.mixed,
      reading.language.confidence, reading.intent?.label ?? null, reading.intent?.confidence ?? null, JSON.stringify(reading.facts), at,
      reading.sentiment.label, reading.sentiment.score, reading.urgency.level, Math.round(reading.urgency.score), reading.urgency.reasons],
  );
  return { stored: rows.length > 0, first: rows[0]?.earlier === 0 };
}

export async function listReadings(sql: Sql, workspaceId: string, conversationId: string): Promise<StoredReading[]> {
  const rows = await sql.query<Record<string, unknown>>('select * from triage_readings where workspace_id = $1 and conversation_id = $2 order by seq', [workspaceId, conversationId]);
  return rows.map((r) => ({
    messageId: r.message_id as string, conversationId: r.conversation_id as string, seq: Number(r.seq), language: r.language as string,
    dialect: r.dialect as string | null, mixed: r.mixed as boolean, languageConfidence: r.language_confidence as number,
    intent: r.intent as string | null, intentConfidence: r.intent_confidence as number | null, facts: r.facts as Fact[], readAt: r.read_at as Date,
    sentiment: (r.sentiment as string | null) ?? null, sentimentScore: (r.sentiment_score as number | null) ?? null, urgency: (r.urgency as string | null) ?? null,
    urgencyScore: r.urgency_score === null || r.urgency_score === undefined ? null : Number(r.urgency_score), urgencyReasons: (r.urgency_reasons as string[] | null) ?? [],
  }));
}

export interface TimelineFact extends Fact {
  conversationId: string;
  seq: number;
  readAt: Date;
}

/** Facts read in these conversations, newest message first, each kind+value once (its latest mention). */
export async function listFactsOf(sql: Sql, workspaceId: string, conversationIds: readonly string[], limit: number): Promise<TimelineFact[]> {
  if (conversationIds.length === 0) return [];
  const rows = await sql.query<{ conversation_id: string; seq: number; read_at: Date; facts: Fact[] }>(
    `select conversation_id, seq, read_at, facts from triage_readings
     where workspace_id = $1 and conversation_id = any($2) and jsonb_array_length(facts) > 0 order by read_at desc, seq desc limit 2000`,
    [workspaceId, conversationIds],
  );
  const seen = new Set<string>();
  const facts: TimelineFact[] = [];
  for (const row of rows) {
    for (const fact of row.facts) {
      const key = `${fact.kind}:${fact.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ ...fact, conversationId: row.conversation_id, seq: Number(row.seq), readAt: row.read_at });
    }
  }
  return facts.slice(0, limit);
}
