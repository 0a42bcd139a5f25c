import type { RoutingAgentStatus, RoutingPriority } from '../decision/routing-types-rules.ts';

/**
 * A contact-centre day as the simulation reads it, after validation and defaults (see
 * docs/simulation.md for the JSON form). Times of day are 'HH:MM' wall clock; durations are seconds.
 */

/** A lognormal distribution given by its median and 90th percentile, in seconds. */
export interface Spread {
  median: number;
  p90: number;
}

export interface ScenarioIntent {
  name: string;
  /** Relative weight among intents. */
  share: number;
  /** Skills an agent needs to resolve it. */
  skills: string[];
  /** Multiplies the channel's handle time. */
  handleTimeFactor: number;
  priority: RoutingPriority;
}

export interface ScenarioLanguage {
  code: string;
  share: number;
}

/** First route whose given fields all match picks the team; no match: any team (null). */
export interface ScenarioRoute {
  channel: string | null;
  language: string | null;
  intent: string | null;
  team: string;
}

export interface DailyWindow {
  /** 0 = Sunday … 6 = Saturday: the days the window starts on. */
  days: number[];
  start: string;
  end: string;
}

export interface ScenarioTeam {
  id: string;
  overflowTo: string | null;
  overflowAfterSeconds: number;
  hours: { timeZone: string; windows: DailyWindow[] } | null;
  onCallTeamId: string | null;
}

export interface ScenarioAgent {
  id: string;
  teams: string[];
  /** Language tag → proficiency 1..5. */
  languages: Record<string, number>;
  /** Skill → proficiency 1..5. */
  skills: Record<string, number>;
  /** Capacity key (chat, email, messaging…) → open items at once. */
  capacity: Record<string, number>;
  timeZone: string;
  /** Empty: works around the clock. */
  shifts: DailyWindow[];
  status: RoutingAgentStatus;
  onCallExpert: boolean;
}

export interface Scenario {
  name: string;
  description: string;
  /** The simulated day, YYYY-MM-DD, in `timeZone`. */
  date: string;
  /** The clock of `arrivals`. */
  timeZone: string;
  seed: number;
  tickSeconds: number;
  /** How long a wrongly assigned item stays with the wrong agent before it is handed on. */
  transferSeconds: number;
  /** How long after the day's last arrival the backlog is still worked. */
  drainHours: number;
  /** Channel → expected arrivals in each of the 24 hours. */
  arrivals: Record<string, number[]>;
  languages: ScenarioLanguage[];
  intents: ScenarioIntent[];
  /** Channel → handle time; an intent's factor scales it. */
  handleTime: Record<string, Spread>;
  /** Channel → patience while queued; a channel not listed never abandons. */
  patience: Record<string, Spread>;
  routes: ScenarioRoute[];
  teams: ScenarioTeam[];
  agents: ScenarioAgent[];
}
