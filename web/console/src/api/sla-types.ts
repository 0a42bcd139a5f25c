/** The shapes of the SLA endpoints (src/sla/sla-routes.ts), as the console reads and sends them. */

export const clockKinds = ['first_response', 'next_response', 'resolution'] as const;
export type ClockKind = (typeof clockKinds)[number];

export const escalationActions = ['notify_owner', 'notify_supervisors', 'raise_priority', 'reassign'] as const;
export type EscalationAction = (typeof escalationActions)[number];

/** One promise on one conversation. `dueAt` is null while paused (waiting on the customer). */
export interface SlaClock {
  id: string;
  conversationId: string;
  kind: ClockKind;
  /** 1 for the first round of its kind; a next-response clock starts a new round per customer message. */
  cycle: number;
  policyId: string | null;
  policyName: string | null;
  targetSeconds: number | null;
  startedAt: string;
  outcome: 'running' | 'met' | 'ended';
  paused: boolean;
  endedAt: string | null;
  dueAt: string | null;
  breachedAt: string | null;
  businessSeconds: number | null;
  nextEscalationAt: string | null;
  escalationsFired: string[];
}

export interface PolicyConditions {
  channels?: string[];
  priorities?: string[];
  intents?: string[];
  languages?: string[];
  tiers?: string[];
}

export interface PolicyTargets {
  firstResponseSeconds: number | null;
  nextResponseSeconds: number | null;
  resolutionSeconds: number | null;
}

/** `offsetSeconds`: negative before the deadline, 0 at the breach, positive after it. */
export interface EscalationStep {
  kind: ClockKind;
  offsetSeconds: number;
  action: EscalationAction;
}

export interface SlaPolicyInput {
  name: string;
  conditions: PolicyConditions;
  targets: PolicyTargets;
  escalation: EscalationStep[];
  calendarId: string | null;
  enabled: boolean;
}

export interface SlaPolicy extends SlaPolicyInput {
  id: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

/** 0 = Sunday … 6 = Saturday; 'HH:MM'; an end not after the start runs past midnight; '24:00' allowed. */
export interface CalendarWindow {
  day: number;
  start: string;
  end: string;
}

export interface BusinessCalendar {
  timeZone: string;
  weekly?: CalendarWindow[];
  holidays?: { date: string; name: string }[];
  specialPeriods?: { from: string; to: string; name?: string; weekly: CalendarWindow[] }[];
  alwaysOpen?: boolean;
}

export interface SlaCalendarInput {
  name: string;
  calendar: BusinessCalendar;
  isDefault?: boolean;
}

export interface SlaCalendar {
  id: string;
  name: string;
  /** Stored as the server checked it; read defensively (the schema says unknown). */
  calendar: BusinessCalendar;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SlaReportRow {
  policyId: string | null;
  policyName: string | null;
  teamId: string | null;
  kind: ClockKind;
  decided: number;
  metOnTime: number;
  breached: number;
  shareMet: number | null;
  running: number;
  /** Business seconds. */
  medianSeconds: number | null;
}

export interface SlaReport {
  from: string;
  to: string;
  rows: SlaReportRow[];
}
