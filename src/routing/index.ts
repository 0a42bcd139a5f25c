/**
 * Routing: the engine that hands out waiting work (engine/), and the pure decision it applies: who should take which waiting work, given agents, teams,
 * policy and `now` (decideAssignments for a batch, bestItemForAgent when an agent frees capacity,
 * bestAgentForItem when work arrives), with a reason code for every item left waiting.
 */
export { decideAssignments, type DecideAssignmentsInput } from './decision/decide-assignments.ts';
export { bestAgentForItem, bestItemForAgent, type BestAgentForItemInput, type BestItemForAgentInput } from './decision/best-match.ts';
export { defaultRoutingPolicy, resolvePolicy, type RoutingPolicy, type RoutingPolicyOverrides } from './decision/routing-policy-rules.ts';
export { capacityKeyOf, effectivePriority } from './decision/item-priority-rules.ts';
export { isWithinWindows, minuteOfWeek } from './decision/weekly-hours-rules.ts';
export {
  idleReasons,
  unassignedReasons,
  type AgentState,
  type Assignment,
  type Idle,
  type IdleReason,
  type RouteVia,
  type RoutingAgentStatus,
  type RoutingChannel,
  type RoutingDecision,
  type RoutingPriority,
  type TeamRouting,
  type Unassigned,
  type UnassignedReason,
  type WaitingItem,
  type WeeklyWindow,
} from './decision/routing-types-rules.ts';
// The engine: live state → decision → guarded claims, on every relevant event and a periodic tick.
export { RoutingEngine, claimAssignment, type PassResult, type RoutingEngineOptions } from './engine/routing-engine.ts';
export { routingEngineRoutes } from './engine/routing-routes.ts';
export { routingEngineMigrations } from './engine/migrations.ts';
export { routingOverview, type RoutingOverview } from './engine/routing-overview.ts';
// Warm transfers: asked with a reason, accepted by the colleague or team, the owner keeps it until then.
export { transferRoutes } from './transfers/transfer-routes.ts';
export { transferMigrations } from './transfers/migrations.ts';
export { acceptTransfer, declineTransfer, requestTransfer } from './transfers/transfer-commands.ts';
// Admins' routing rules: conditions (channel, language, intent, customer attributes, time) → team, skills, priority.
export {
  evaluateRoutingRules, requiredSkillsOf, routingPreparationOf, routingRulesMigrations, routingRulesRoutes, startRoutingRules,
  type RoutingCondition, type RoutingOutcome, type RoutingRule, type RoutingSubject,
} from './rules/index.ts';
// The contact-centre day simulation comparing policies on the same arrivals (`sanad simulate`).
export { parseScenario, parseScenarioText, ScenarioError } from './simulation/scenario-parse.ts';
export { isPolicyName, policyNames, simulateScenario, type PolicyName, type SimulationResult } from './simulation/simulate.ts';
export { formatSimulationTable } from './simulation/report-rules.ts';
export type { Scenario } from './simulation/scenario-types-rules.ts';
// The honest wait: a predicted wait per queue from live state, measured against the real waits.
export {
  chatWaitSource, predictWait, queueWait, startWaitTracking, trackWaitEvent, waitAccuracy, waitMigrations, waitRoutes, type QueueWait, type WaitPrediction,
} from './wait/index.ts';
// Callbacks: promised calls, routed as 'callback' conversations due at their window's start.
export {
  callbackMigrations, callbackRoutes, callbackSummary, changeCallback, createCallback, dueAtOf, sweepMissedCallbacks, visitorCallbackScheduler,
  type Callback, type CallbackStatus,
} from './callbacks/index.ts';
