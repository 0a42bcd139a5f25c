/** The shapes of the routing endpoints (overview, warm transfers, rules, schedules, team routing); types.ts passes them on. */

/** GET /api/v1/routing/overview: one queue per team and channel. */
export interface RoutingQueue {
  teamId: string | null;
  channel: string;
  waiting: number;
  oldestWaitSeconds: number;
}

export interface RoutingAgentLoad {
  id: string;
  name: string;
  status: string;
  /** Open conversations per channel. */
  load: Record<string, number>;
  /** Seats offered per channel. */
  capacity: Record<string, number>;
  /** 0…1: seats in use over seats offered. */
  occupancy: number;
}

export interface WaitingConversation {
  conversationId: string;
  waitedSeconds: number;
  wouldGoTo: string | null;
  /** Why nobody has it yet: no_agent_online, all_at_capacity… (null when an agent would get it). */
  reason: string | null;
}

export interface RoutingOverview {
  queues: RoutingQueue[];
  agents: RoutingAgentLoad[];
  waiting: WaitingConversation[];
}

export type TransferStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

/** A warm transfer: the owner keeps the conversation until the agent (or a member of the team) accepts. */
export interface TransferRequest {
  id: string;
  conversationId: string;
  fromAgentId: string | null;
  /** Who asked: the owner, or a supervisor handing over someone else's conversation. */
  requestedBy: string | null;
  toAgentId: string | null;
  toTeamId: string | null;
  reason: string;
  status: TransferStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  declineReason: string | null;
}

export interface NewTransferInput {
  toAgentId?: string | null;
  toTeamId?: string | null;
  reason: string;
}

export const conditionOps = ['is', 'is_not', 'in', 'not_in', 'contains', 'exists', 'between', 'not_between'] as const;
export type ConditionOp = (typeof conditionOps)[number];
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];
export const rulePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type RulePriority = (typeof rulePriorities)[number];

export interface TimeWindow {
  days?: Weekday[];
  from: string;
  to: string;
}

export type RuleScalar = string | number | boolean;
export type ConditionValue = RuleScalar | RuleScalar[] | TimeWindow | null;

/** field: channel | language | intent | time | contact.<attribute>. */
export interface RoutingCondition {
  field: string;
  op: ConditionOp;
  value?: ConditionValue;
}

export interface RoutingActions {
  teamId?: string | null;
  addSkills?: string[];
  priority?: RulePriority;
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RoutingCondition[];
  actions: RoutingActions;
  stop: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RoutingRuleInput {
  name: string;
  enabled?: boolean;
  conditions: RoutingCondition[];
  actions: RoutingActions;
  stop?: boolean;
}

/** POST /api/v1/routing/rules/test: what the rules would do now (nothing is changed). */
export interface RoutingRuleTest {
  at: string;
  subject: { channel: string; language: string | null; intent: string | null; timeZone: string; contact: Record<string, unknown> };
  outcome: { teamId?: string | null; skills: string[]; priority?: RulePriority; matchedRuleIds: string[] };
  effects: { teamId?: string | null; priority?: RulePriority; kept: string[] };
}

/** A weekly window: day 0 = Sunday, 'HH:MM' to 'HH:MM'. */
export interface ShiftWindow {
  day: number;
  start: string;
  end: string;
}

export interface AgentSchedule {
  agentId: string;
  shifts: ShiftWindow[];
  onCallExpert: boolean;
}

export interface TeamRouting {
  teamId: string;
  overflowTo: string | null;
  overflowAfterSeconds: number;
  hours: { timeZone: string; windows: ShiftWindow[] } | null;
  onCallTeamId: string | null;
}
