/**
 * Routing rules: admins' conditions (channel, language, intent, the customer's attributes, time)
 * and actions (team, required skills, priority), applied to each new conversation and again once
 * triage has read its first customer message.
 */
export { routingRulesMigrations } from './migrations.ts';
export { routingRulesRoutes } from './rule-routes.ts';
export { startRoutingRules, applyRoutingRules, type RoutingRulesOptions } from './routing-subscriber.ts';
export { requiredSkillsOf, routingPreparationOf, type ConversationRouting, type RoutingStage } from './conversation-routing-store.ts';
export { createRoutingRule, changeRoutingRule, deleteRoutingRule, reorderRoutingRules, type RuleChange } from './rule-commands.ts';
export { testRoutingRules } from './routing-subject.ts';
export type { StoredRule } from './rule-store.ts';
export { evaluateRoutingRules, conditionHolds, languageMatches } from './routing-rules-rules.ts';
export { validateRoutingRule, describeProblems, type RuleDraft } from './rule-validation-rules.ts';
export { planRoutingEffects, type KeptReason, type RoutingEffects } from './routing-effects-rules.ts';
export type {
  ConditionOp, RoutingActions, RoutingCondition, RoutingOutcome, RoutingRule, RoutingRuleInput, RoutingSubject, RulePriority, RuleProblem, TimeWindow, Weekday,
} from './routing-rule-types.ts';
