/**
 * SLA policies: which promise applies to a conversation, and what happens as it nears or passes
 * its deadline. Pure: input is checked here, matching takes the conversation's facts as data.
 */
import { AppError } from '../../kernel/index.ts';

export const clockKinds = ['first_response', 'next_response', 'resolution'] as const;
export type ClockKind = (typeof clockKinds)[number];

export const escalationActions = ['notify_owner', 'notify_supervisors', 'raise_priority', 'reassign'] as const;
export type EscalationAction = (typeof escalationActions)[number];

/** One step: `offsetSeconds` before the deadline (negative) or after it (positive); 0 is the breach itself. */
export interface EscalationStep {
  kind: ClockKind;
  offsetSeconds: number;
  action: EscalationAction;
}

export interface PolicyConditions {
  channels?: string[];
  priorities?: string[];
  intents?: string[];
  languages?: string[];
  tiers?: string[];
}

/** Business seconds per promise; null: this policy makes no such promise. */
export interface PolicyTargets {
  firstResponseSeconds: number | null;
  nextResponseSeconds: number | null;
  resolutionSeconds: number | null;
}

export interface PolicyInput {
  name: string;
  conditions: PolicyConditions;
  targets: PolicyTargets;
  escalation: EscalationStep[];
  /** Business hours to count in; null: the conversation team's calendar, else the workspace default, else 24/7. */
  calendarId: string | null;
  enabled: boolean;
}

export interface ConversationFacts {
  channel: string;
  priority: string;
  intent: string | null;
  language: string | null;
  tier: string | null;
}

const refuse = (path: string, message: string): never => {
  throw new AppError('VALIDATION_FAILED', `${path}: ${message}`, { path });
};

const maxTargetSeconds = 365 * 24 * 3600;

function target(value: unknown, path: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > maxTargetSeconds) refuse(path, 'must be whole seconds from 1 to a year, or null');
  return value as number;
}

function list(value: unknown, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '' || v.length > 100) || value.length > 50) refuse(path, 'must be a list of up to 50 non-empty names');
  const cleaned = [...new Set((value as string[]).map((v) => v.trim()))];
  return cleaned.length ? cleaned : undefined;
}

/** A checked copy of a policy, or VALIDATION_FAILED naming the field. */
export function checkPolicy(input: PolicyInput): PolicyInput {
  const name = input.name.trim();
  if (!name || name.length > 100) refuse('name', 'must have 1 to 100 characters');
  const targets: PolicyTargets = {
    firstResponseSeconds: target(input.targets.firstResponseSeconds, 'targets.firstResponseSeconds'),
    nextResponseSeconds: target(input.targets.nextResponseSeconds, 'targets.nextResponseSeconds'),
    resolutionSeconds: target(input.targets.resolutionSeconds, 'targets.resolutionSeconds'),
  };
  if (targets.firstResponseSeconds === null && targets.nextResponseSeconds === null && targets.resolutionSeconds === null) refuse('targets', 'set at least one target');
  const c = input.conditions;
  const conditions: PolicyConditions = Object.fromEntries(
    (['channels', 'priorities', 'intents', 'languages', 'tiers'] as const).map((k) => [k, list(c[k], `conditions.${k}`)]).filter(([, v]) => v !== undefined),
  );
  if (input.escalation.length > 20) refuse('escalation', 'at most 20 steps');
  const seen = new Set<string>();
  const escalation = input.escalation.map((step, i) => {
    if (!clockKinds.includes(step.kind)) refuse(`escalation[${i}].kind`, `must be one of ${clockKinds.join(', ')}`);
    if (!escalationActions.includes(step.action)) refuse(`escalation[${i}].action`, `must be one of ${escalationActions.join(', ')}`);
    if (!Number.isInteger(step.offsetSeconds) || Math.abs(step.offsetSeconds) > maxTargetSeconds) refuse(`escalation[${i}].offsetSeconds`, 'must be whole seconds within a year of the deadline');
    const key = `${step.kind}:${step.offsetSeconds}:${step.action}`;
    if (seen.has(key)) refuse(`escalation[${i}]`, 'is the same as an earlier step');
    seen.add(key);
    const targetOf = { first_response: targets.firstResponseSeconds, next_response: targets.nextResponseSeconds, resolution: targets.resolutionSeconds }[step.kind];
    if (targetOf === null) refuse(`escalation[${i}].kind`, `this policy has no ${step.kind.replace('_', ' ')} target`);
    return { kind: step.kind, offsetSeconds: step.offsetSeconds, action: step.action };
  });
  // Steps fire in deadline order; keeping them sorted makes "the next step" a simple index.
  escalation.sort((a, b) => a.offsetSeconds - b.offsetSeconds);
  return { name, conditions, targets, escalation, calendarId: input.calendarId, enabled: input.enabled };
}

const matches = (allowed: string[] | undefined, value: string | null) => !allowed || (value !== null && allowed.includes(value));

/** Whether a conversation falls under a policy: every condition given must hold. */
export function policyApplies(conditions: PolicyConditions, facts: ConversationFacts): boolean {
  return matches(conditions.channels, facts.channel) && matches(conditions.priorities, facts.priority) && matches(conditions.intents, facts.intent)
    && matches(conditions.languages, facts.language) && matches(conditions.tiers, facts.tier);
}

/** The first enabled policy, in the admins' order, that applies; null: no promise is made. */
export function choosePolicy<P extends { enabled: boolean; conditions: PolicyConditions }>(ordered: readonly P[], facts: ConversationFacts): P | null {
  return ordered.find((p) => p.enabled && policyApplies(p.conditions, facts)) ?? null;
}

export function targetFor(targets: PolicyTargets, kind: ClockKind): number | null {
  return { first_response: targets.firstResponseSeconds, next_response: targets.nextResponseSeconds, resolution: targets.resolutionSeconds }[kind];
}
