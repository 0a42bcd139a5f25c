/**
 * The shapes of routing rules: types only, so the pure rule files and the stores can share them
 * without sharing code (pure files may import nothing but types and the kernel).
 */

export type RulePriority = 'low' | 'normal' | 'high' | 'urgent';

/** `between` / `not_between` are for `time` only; `not_between` says "outside these hours". */
export type ConditionOp = 'is' | 'is_not' | 'in' | 'not_in' | 'contains' | 'exists' | 'between' | 'not_between';

export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';

/**
 * Weekdays and a wall-clock range in the workspace's time zone. A range whose end is not after
 * its start runs past midnight into the next day (fri 22:00–02:00 covers Saturday 01:30).
 * `days` left out means every day; '24:00' is allowed as an end.
 */
export interface TimeWindow {
  days?: Weekday[];
  from: string;
  to: string;
}

export type Scalar = string | number | boolean;
export type ConditionValue = Scalar | Scalar[] | TimeWindow | null;

/** field: 'channel' | 'language' | 'intent' | 'time' | 'contact.<attribute>' (e.g. contact.tier, contact.utm_campaign). */
export interface RoutingCondition {
  field: string;
  op: ConditionOp;
  value?: ConditionValue | undefined;
}

export interface RoutingActions {
  /** A team to queue in; null takes the conversation out of any team queue. */
  teamId?: string | null | undefined;
  addSkills?: string[] | undefined;
  priority?: RulePriority | undefined;
}

export interface RoutingRule {
  id: string;
  name: string;
  /** 1-based order; lower runs first. */
  position: number;
  enabled: boolean;
  /** All must hold; none means the rule always matches (a catch-all). */
  conditions: RoutingCondition[];
  actions: RoutingActions;
  /** When this rule matches, later rules are not looked at. */
  stop: boolean;
}

export type AttributeValue = string | number | boolean | null;

/** What the rules look at for one conversation. */
export interface RoutingSubject {
  channel: string;
  language: string | null;
  intent: string | null;
  contact: Record<string, AttributeValue>;
  now: Date;
  timeZone: string;
}

export interface RoutingOutcome {
  /** Left out when no matching rule names a team. */
  teamId?: string | null;
  skills: string[];
  priority?: RulePriority;
  matchedRuleIds: string[];
}

/** A rule as an admin writes it: the store gives it an id and a position. */
export interface RoutingRuleInput {
  name: string;
  enabled?: boolean | undefined;
  conditions: RoutingCondition[];
  actions: RoutingActions;
  stop?: boolean | undefined;
}

export interface RuleProblem {
  /** Where in the rule, e.g. `conditions[1].value`. */
  path: string;
  message: string;
}
