import type { Sql } from '../../platform/db/index.ts';
import type { RoutingActions, RoutingCondition, RoutingRule, RoutingRuleInput } from './routing-rule-types.ts';

export interface StoredRule extends RoutingRule {
  createdAt: Date;
  updatedAt: Date;
}

function toRule(r: Record<string, unknown>): StoredRule {
  return {
    id: r.id as string, name: r.name as string, position: Number(r.position), enabled: r.enabled as boolean,
    conditions: r.conditions as RoutingCondition[], actions: r.actions as RoutingActions, stop: r.stop as boolean,
    createdAt: r.created_at as Date, updatedAt: r.updated_at as Date,
  };
}

/**
 * Writes to one workspace's rules take turns: positions are numbered 1…n, and two admins adding a
 * rule at once must not both take n + 1. Transaction-scoped, so it ends with the transaction.
 */
export async function lockWorkspaceRules(sql: Sql, workspaceId: string): Promise<void> {
  await sql.query(`select pg_advisory_xact_lock(hashtext('sanad.routing_rules:' || $1::text))`, [workspaceId]);
}

export async function listRules(sql: Sql, workspaceId: string): Promise<StoredRule[]> {
  return (await sql.query('select * from routing_rules where workspace_id = $1 order by position, id', [workspaceId])).map(toRule);
}

export async function findRule(sql: Sql, workspaceId: string, id: string): Promise<StoredRule | null> {
  const rows = await sql.query('select * from routing_rules where workspace_id = $1 and id = $2', [workspaceId, id]);
  return rows[0] ? toRule(rows[0]) : null;
}

export async function insertRule(sql: Sql, workspaceId: string, id: string, rule: RoutingRuleInput, position: number, at: Date): Promise<void> {
  await sql.query(
    `insert into routing_rules (id, workspace_id, name, position, enabled, conditions, actions, stop, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [id, workspaceId, rule.name, position, rule.enabled ?? true, JSON.stringify(rule.conditions), JSON.stringify(rule.actions), rule.stop ?? false, at],
  );
}

export async function updateRule(sql: Sql, workspaceId: string, id: string, rule: RoutingRuleInput, at: Date): Promise<void> {
  await sql.query(
    `update routing_rules set name = $3, enabled = $4, conditions = $5, actions = $6, stop = $7, updated_at = $8
     where workspace_id = $1 and id = $2`,
    [workspaceId, id, rule.name, rule.enabled ?? true, JSON.stringify(rule.conditions), JSON.stringify(rule.actions), rule.stop ?? false, at],
  );
}

export async function deleteRule(sql: Sql, workspaceId: string, id: string): Promise<void> {
  await sql.query('delete from routing_rules where workspace_id = $1 and id = $2', [workspaceId, id]);
}

/** Gives each rule its place in `orderedIds` (1-based); the unique position check runs at commit. */
export async function setPositions(sql: Sql, workspaceId: string, orderedIds: readonly string[], at: Date): Promise<void> {
  await sql.query(
    `update routing_rules r set position = o.position, updated_at = $3
       from unnest($2::uuid[]) with ordinality as o(id, position)
      where r.workspace_id = $1 and r.id = o.id and r.position <> o.position`,
    [workspaceId, orderedIds, at],
  );
}
