/**
 * The inputs and outputs of the routing decision. Structural on purpose: the engine maps agents,
 * teams and conversations into these shapes, so the decision never depends on a store.
 */

export type RoutingPriority = 'low' | 'normal' | 'high' | 'urgent';
/** Conversation channels; an unknown one is routed against the capacity key of the same name. */
export type RoutingChannel = 'chat' | 'email' | 'whatsapp' | 'sms' | 'telegram' | 'callback' | 'api' | (string & {});
export type RoutingAgentStatus = 'online' | 'away' | 'offline' | 'on_call';

/** A weekly window in some time zone's wall clock. `end <= start` crosses midnight into the next day. */
export interface WeeklyWindow {
  /** 0 = Sunday … 6 = Saturday, the day the window starts on. */
  day: number;
  /** 'HH:MM', 24-hour. */
  start: string;
  /** 'HH:MM', 24-hour; '24:00' is the end of the day. */
  end: string;
}

export interface WaitingItem {
  id: string;
  channel: RoutingChannel;
  priority: RoutingPriority;
  enqueuedAt: Date;
  /** null: any team may take it. */
  teamId: string | null;
  /** A BCP 47 tag from triage ('ar', 'ar-eg', 'en'); null when any language will do. */
  requiredLanguage: string | null;
  requiredSkills: string[];
  /** Triage urgency, 0 (calm) to 1 (on fire). */
  urgency?: number;
  /** Agents who helped this customer before, most recent first. */
  previousAgentIds: string[];
  customerTier?: string | null;
  /** A promised time (a callback window, an SLA); work close to it jumps ahead. */
  dueAt?: Date | null;
}

export interface AgentState {
  id: string;
  teamIds: string[];
  status: RoutingAgentStatus;
  /** Proficiency 1 (can help) to 5 (native or expert). */
  languages: { code: string; proficiency: number }[];
  skills: { name: string; proficiency: number }[];
  /** Open items the agent may hold at once, per capacity key (chat, email, messaging, callback). */
  capacity: Record<string, number>;
  /** Open items the agent holds now, per capacity key. */
  load: Record<string, number>;
  lastAssignedAt: Date | null;
  timeZone: string;
  /** Weekly windows in the agent's own time zone; an empty list means no shift rules. */
  shifts: WeeklyWindow[];
  /** May take another team's work when that team is outside its hours and has no on-call team. */
  isOnCallExpert?: boolean;
}

export interface TeamRouting {
  id: string;
  overflowTo: string | null;
  overflowAfterSeconds: number;
  /** null: open around the clock. */
  hours: { timeZone: string; windows: WeeklyWindow[] } | null;
  /** Who takes the team's work outside its hours; null falls back to on-call experts. */
  onCallTeamId: string | null;
}

/** How an agent was reached: its own team, an overflow team, or on call outside hours. */
export type RouteVia = 'team' | 'overflow' | 'on_call';

export interface Assignment {
  itemId: string;
  agentId: string;
  score: number;
  effectivePriority: number;
  via: RouteVia;
  previousAgent: boolean;
}

export const unassignedReasons = [
  'no_agent_in_team',
  'no_agent_online',
  'no_agent_on_shift',
  'no_agent_with_language',
  'no_agent_with_skill',
  'all_at_capacity',
  'outside_hours_no_on_call',
  'held_for_previous_agent',
] as const;
export type UnassignedReason = (typeof unassignedReasons)[number];

export interface Unassigned {
  itemId: string;
  reason: UnassignedReason;
  effectivePriority: number;
}

export interface RoutingDecision {
  /** In the order they were decided: highest effective priority first. */
  assignments: Assignment[];
  unassigned: Unassigned[];
}

/** Why a freed agent takes nothing. */
export const idleReasons = ['agent_unknown', 'agent_not_online', 'agent_off_shift', 'agent_at_capacity', 'no_eligible_item'] as const;
export type IdleReason = (typeof idleReasons)[number];

export interface Idle {
  agentId: string;
  reason: IdleReason;
}
