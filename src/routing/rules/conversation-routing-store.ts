import type { Db, Sql } from '../../platform/db/index.ts';

/** When rules were applied: at the start, then again once triage had read the first customer message. */
export type RoutingStage = 'created' | 'triaged';

export interface ConversationRouting {
  conversationId: string;
  stage: RoutingStage;
  skills: string[];
  matchedRuleIds: string[];
  /** The team rules put the conversation in; null when they never chose one. */
  teamId: string | null;
  appliedAt: Date;
}

const toRouting = (r: Record<string, unknown>): ConversationRouting => ({
  conversationId: r.conversation_id as string, stage: r.stage as RoutingStage, skills: r.skills as string[],
  matchedRuleIds: r.matched_rule_ids as string[], teamId: (r.team_id as string | null) ?? null, appliedAt: r.applied_at as Date,
});

export async function findConversationRouting(sql: Sql, workspaceId: string, conversationId: string): Promise<ConversationRouting | null> {
  const rows = await sql.query('select * from conversation_routing where workspace_id = $1 and conversation_id = $2', [workspaceId, conversationId]);
  return rows[0] ? toRouting(rows[0]) : null;
}

/**
 * Claims a stage for one conversation: true for exactly one caller, however many nodes heard the
 * event and however often it was delivered. A stage never goes back ('triaged' beats 'created').
 */
export async function claimStage(sql: Sql, workspaceId: string, routing: Omit<ConversationRouting, 'appliedAt'>, at: Date): Promise<boolean> {
  const rows = await sql.query(
    `insert into conversation_routing (conversation_id, workspace_id, stage, skills, matched_rule_ids, team_id, applied_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (conversation_id) do update set stage = excluded.stage, skills = excluded.skills, matched_rule_ids = excluded.matched_rule_ids,
       team_id = excluded.team_id, applied_at = excluded.applied_at
     where conversation_routing.stage = 'created' and excluded.stage = 'triaged'
     returning conversation_id`,
    [routing.conversationId, workspaceId, routing.stage, routing.skills, routing.matchedRuleIds, routing.teamId, at],
  );
  return rows.length > 0;
}

/**
 * The skills routing rules require for each conversation (the routing engine's `requiredSkills`).
 * Conversations rules never looked at are left out of the map.
 */
export async function requiredSkillsOf(db: Db, workspaceId: string, conversationIds: readonly string[]): Promise<Map<string, string[]>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db.query<{ conversation_id: string; skills: string[] }>(
    'select conversation_id, skills from conversation_routing where workspace_id = $1 and conversation_id = any($2::uuid[])',
    [workspaceId, [...conversationIds]],
  );
  return new Map(rows.map((r) => [r.conversation_id, r.skills]));
}

/**
 * What the engine needs before routing each conversation: the skills rules require, and whether
 * rules have seen triage's reading yet (until then the language and intent may still change).
 */
export async function routingPreparationOf(db: Db, workspaceId: string, conversationIds: readonly string[]): Promise<Map<string, { skills: string[]; settled: boolean }>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db.query<{ conversation_id: string; skills: string[]; stage: RoutingStage }>(
    'select conversation_id, skills, stage from conversation_routing where workspace_id = $1 and conversation_id = any($2::uuid[])',
    [workspaceId, [...conversationIds]],
  );
  return new Map(rows.map((r) => [r.conversation_id, { skills: r.skills, settled: r.stage === 'triaged' }]));
}
