import { getTeam } from '../../accounts/index.ts';
import { channels } from '../../conversations/index.ts';
import { AppError, type Actor } from '../../kernel/index.ts';
import { transact, type CommandContext, type Tx } from '../../platform/outbox/index.ts';
import { deleteRule, findRule, insertRule, listRules, lockWorkspaceRules, setPositions, updateRule, type StoredRule } from './rule-store.ts';
import type { RoutingRuleInput } from './routing-rule-types.ts';
import { describeProblems, validateRoutingRule, type RuleDraft } from './rule-validation-rules.ts';

/** A workspace keeps its rules few enough to read; the console shows them all on one page. */
export const maxRulesPerWorkspace = 200;

/** Checks a rule in full before anything is written: one 400 naming every problem, or nothing. */
async function checked(ctx: CommandContext, workspaceId: string, draft: RuleDraft): Promise<RoutingRuleInput> {
  const { rule, problems } = validateRoutingRule(draft, { channels });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', describeProblems(problems), { problems });
  if (rule.actions.teamId) await getTeam(ctx, workspaceId, rule.actions.teamId);
  return rule;
}

async function requireRule(tx: Tx, workspaceId: string, id: string): Promise<StoredRule> {
  const rule = await findRule(tx.sql, workspaceId, id);
  if (!rule) throw new AppError('ROUTING_RULE_NOT_FOUND', 'no such routing rule');
  return rule;
}

function announce(tx: Tx, workspaceId: string, type: 'created' | 'changed' | 'deleted', ruleId: string, actor: Actor, payload: Record<string, unknown>): void {
  tx.emit({ type: `routing_rule.${type}`, workspaceId, subjectType: 'routing_rule', subjectId: ruleId, actor, payload });
}

/** Adds a rule after the existing ones; reorder to move it up. */
export async function createRoutingRule(ctx: CommandContext, workspaceId: string, draft: RuleDraft, actor: Actor): Promise<StoredRule> {
  const rule = await checked(ctx, workspaceId, draft);
  const id = ctx.newId();
  await transact(ctx, async (tx) => {
    await lockWorkspaceRules(tx.sql, workspaceId);
    const existing = await listRules(tx.sql, workspaceId);
    if (existing.length >= maxRulesPerWorkspace) throw new AppError('VALIDATION_FAILED', `a workspace has at most ${maxRulesPerWorkspace} routing rules; delete or merge some`);
    await insertRule(tx.sql, workspaceId, id, rule, existing.length + 1, tx.now);
    announce(tx, workspaceId, 'created', id, actor, { name: rule.name, position: existing.length + 1 });
  });
  return (await findRule(ctx.db, workspaceId, id)) as StoredRule;
}

export type RuleChange = Partial<RuleDraft>;

/** Changes any part of a rule but its place; the whole rule is checked again as it will be. */
export async function changeRoutingRule(ctx: CommandContext, workspaceId: string, id: string, change: RuleChange, actor: Actor): Promise<StoredRule> {
  const current = await findRule(ctx.db, workspaceId, id);
  if (!current) throw new AppError('ROUTING_RULE_NOT_FOUND', 'no such routing rule');
  const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as RuleChange;
  const rule = await checked(ctx, workspaceId, { ...current, ...given });
  await transact(ctx, async (tx) => {
    await lockWorkspaceRules(tx.sql, workspaceId);
    await requireRule(tx, workspaceId, id);
    await updateRule(tx.sql, workspaceId, id, rule, tx.now);
    announce(tx, workspaceId, 'changed', id, actor, { name: rule.name, fields: Object.keys(given) });
  });
  return (await findRule(ctx.db, workspaceId, id)) as StoredRule;
}

/** Deletes a rule and closes the gap it leaves, so positions stay 1…n. */
export async function deleteRoutingRule(ctx: CommandContext, workspaceId: string, id: string, actor: Actor): Promise<StoredRule> {
  return transact(ctx, async (tx) => {
    await lockWorkspaceRules(tx.sql, workspaceId);
    const rule = await requireRule(tx, workspaceId, id);
    await deleteRule(tx.sql, workspaceId, id);
    const rest = (await listRules(tx.sql, workspaceId)).map((r) => r.id);
    await setPositions(tx.sql, workspaceId, rest, tx.now);
    announce(tx, workspaceId, 'deleted', id, actor, { name: rule.name, position: rule.position });
    return rule;
  });
}

/** Puts every rule in the order given; the list must name each rule exactly once. */
export async function reorderRoutingRules(ctx: CommandContext, workspaceId: string, ids: readonly string[], actor: Actor): Promise<StoredRule[]> {
  await transact(ctx, async (tx) => {
    await lockWorkspaceRules(tx.sql, workspaceId);
    const current = await listRules(tx.sql, workspaceId);
    const known = new Set(current.map((r) => r.id));
    const seen = new Set<string>();
    for (const [i, ruleId] of ids.entries()) {
      if (!known.has(ruleId)) throw new AppError('VALIDATION_FAILED', `ids[${i}]: no routing rule ${ruleId} in this workspace`);
      if (seen.has(ruleId)) throw new AppError('VALIDATION_FAILED', `ids[${i}]: ${ruleId} is listed twice`);
      seen.add(ruleId);
    }
    const missing = current.filter((r) => !seen.has(r.id));
    if (missing.length > 0) throw new AppError('VALIDATION_FAILED', `ids: list every rule; missing ${missing.map((r) => `"${r.name}" (${r.id})`).join(', ')}`);
    await setPositions(tx.sql, workspaceId, ids, tx.now);
    for (const [i, ruleId] of ids.entries()) {
      const before = current.find((r) => r.id === ruleId) as StoredRule;
      if (before.position !== i + 1) announce(tx, workspaceId, 'changed', ruleId, actor, { name: before.name, fields: ['position'], from: before.position, to: i + 1 });
    }
  });
  return listRules(ctx.db, workspaceId);
}
