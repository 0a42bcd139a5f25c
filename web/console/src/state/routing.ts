/** Pure logic for the supervisor screen, warm transfers and the routing rules editor. */
import type { ApiError } from '../api/http';
import type {
  Agent, ConditionOp, NewTransferInput, RoutingCondition, RoutingRule, RoutingRuleInput, RulePriority, ShiftWindow, TransferRequest, Weekday,
} from '../api/types';
import { rulePriorities, weekdays } from '../api/types';
import type { MessageKey } from '../i18n/dictionary';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

export const waitReasons = [
  'no_agent_in_team', 'no_agent_online', 'no_agent_on_shift', 'no_agent_with_language', 'no_agent_with_skill', 'all_at_capacity',
  'outside_hours_no_on_call', 'held_for_previous_agent', 'awaiting_triage',
] as const;
export type WaitReason = (typeof waitReasons)[number];

/** The dictionary entry for why a conversation waits, or null for a code this console does not know (show "Other: code"). */
export function waitReasonKey(code: string): MessageKey | null {
  return isOneOf(waitReasons, code) ? `waitReason.${code}` : null;
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The reason in words: a known code translated, an unknown one as "Other: code", none as "An agent is free". */
export function waitReasonLabel(t: T, code: string | null): string {
  if (code === null) return t('waitReason.none');
  const key = waitReasonKey(code);
  return key ? t(key) : t('waitReason.other', { code });
}

/** Whole hours, minutes and seconds of a duration (negative and fractional seconds round to whole, at least 0). */
export function durationParts(seconds: number): { hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}

/** "42 s", "3 min 07 s", "2 h 05 min" (in the UI language through `t`). */
export function formatDuration(t: T, seconds: number): string {
  const p = durationParts(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  if (p.hours > 0) return t('duration.hm', { h: p.hours, m: two(p.minutes) });
  if (p.minutes > 0) return t('duration.ms', { m: p.minutes, s: two(p.seconds) });
  return t('duration.s', { s: p.seconds });
}

/** A wait the server measured at `fetchedAtMs`, grown to `nowMs` so the screen ticks between refreshes. */
export function tickingSeconds(serverSeconds: number, fetchedAtMs: number, nowMs: number): number {
  return Math.max(0, serverSeconds + Math.max(0, Math.floor((nowMs - fetchedAtMs) / 1000)));
}

/** Occupancy 0…1 as a whole percent, clamped to 0…100 (an over-full agent shows as 100, with the counts beside it). */
export function occupancyPercent(occupancy: number): number {
  if (!Number.isFinite(occupancy)) return 0;
  return Math.round(Math.min(1, Math.max(0, occupancy)) * 100);
}

/** Every channel an agent has load or capacity on, in a stable order (chat, email, messaging, callback, then others A–Z). */
export function agentChannels(load: Record<string, number>, capacity: Record<string, number>): string[] {
  const order = ['chat', 'email', 'messaging', 'callback'];
  const all = [...new Set([...Object.keys(capacity), ...Object.keys(load)])];
  return all.sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a.localeCompare(b);
  });
}

/** Pending transfers the signed-in agent may answer: sent to them, or to a team they are in (never their own requests). */
export function incomingTransfers(transfers: readonly TransferRequest[], me: Pick<Agent, 'id' | 'teamIds'>): TransferRequest[] {
  return transfers.filter(
    (x) => x.status === 'pending' && x.fromAgentId !== me.id && (x.toAgentId === me.id || (x.toAgentId === null && x.toTeamId !== null && me.teamIds.includes(x.toTeamId))),
  );
}

export type WarmTransferCheck = { ok: true; body: NewTransferInput } | { ok: false; problem: 'pickTarget' | 'reasonRequired' };

/** A warm transfer names an agent or a team, and always says why. */
export function checkWarmTransfer(target: { kind: 'agent'; agentId: string } | { kind: 'team'; teamId: string }, reason: string): WarmTransferCheck {
  const id = target.kind === 'agent' ? target.agentId : target.teamId;
  if (!id) return { ok: false, problem: 'pickTarget' };
  const trimmed = reason.trim();
  if (!trimmed) return { ok: false, problem: 'reasonRequired' };
  return { ok: true, body: target.kind === 'agent' ? { toAgentId: id, reason: trimmed } : { toTeamId: id, reason: trimmed } };
}

/** The `{ path, message }` problems a 400 names (routing rules), or none. */
export function problemsOf(error: unknown): { path: string; message: string }[] {
  const details = (error as ApiError | null)?.details as { problems?: unknown } | undefined;
  if (!details || !Array.isArray(details.problems)) return [];
  return details.problems.filter(
    (p): p is { path: string; message: string } => typeof p === 'object' && p !== null && typeof (p as { path?: unknown }).path === 'string' && typeof (p as { message?: unknown }).message === 'string',
  );
}

// ---- Routing rule form ↔ API ----

export const ruleFields = ['channel', 'language', 'intent', 'time', 'contact'] as const;
export type RuleFieldKind = (typeof ruleFields)[number];

const opsByField: Record<RuleFieldKind, readonly ConditionOp[]> = {
  channel: ['is', 'is_not', 'in', 'not_in'],
  language: ['is', 'is_not', 'in', 'not_in', 'exists'],
  intent: ['is', 'is_not', 'in', 'not_in', 'contains', 'exists'],
  time: ['between', 'not_between'],
  contact: ['is', 'is_not', 'in', 'not_in', 'contains', 'exists'],
};

/** The ops a field takes (the server refuses others). */
export function opsForField(kind: RuleFieldKind): readonly ConditionOp[] {
  return opsByField[kind];
}

/** One condition row as the form edits it: every value as text. */
export interface ConditionRow {
  kind: RuleFieldKind;
  /** For contact.<attribute>: the attribute name (tier, country…). */
  attribute: string;
  op: ConditionOp;
  /** One value, or a comma-separated list for in / not_in. */
  value: string;
  /** For exists: true (has one) or false (has none). */
  exists: boolean;
  /** For time: no days = every day. */
  days: Weekday[];
  from: string;
  to: string;
}

export interface RuleForm {
  name: string;
  enabled: boolean;
  stop: boolean;
  conditions: ConditionRow[];
  /** '' = leave the team alone, 'none' = take it out of any team queue, else a team id. */
  team: string;
  /** Comma-separated skills. */
  skills: string;
  priority: RulePriority | '';
}

export function emptyCondition(kind: RuleFieldKind = 'channel'): ConditionRow {
  return { kind, attribute: '', op: opsByField[kind][0]!, value: '', exists: true, days: [], from: '09:00', to: '17:00' };
}

export function emptyRuleForm(): RuleForm {
  return { name: '', enabled: true, stop: false, conditions: [emptyCondition()], team: '', skills: '', priority: '' };
}

/** Switching the field keeps the op when the new field takes it, else picks the field's first. */
export function withKind(row: ConditionRow, kind: RuleFieldKind): ConditionRow {
  const ops = opsByField[kind];
  return { ...row, kind, op: ops.includes(row.op) ? row.op : ops[0]! };
}

/** "a, b\nc" → ['a', 'b', 'c']. */
export function splitList(text: string): string[] {
  return text.split(/[,،\n]/).map((s) => s.trim()).filter(Boolean);
}

const scalarText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function conditionToRow(c: RoutingCondition): ConditionRow {
  const lower = c.field.trim().toLowerCase();
  const isContact = lower.startsWith('contact.');
  const kind: RuleFieldKind = isContact ? 'contact' : isOneOf(ruleFields, lower) ? lower : 'intent';
  const row: ConditionRow = { ...emptyCondition(kind), attribute: isContact ? c.field.trim().slice('contact.'.length) : '', op: c.op };
  const v = c.value;
  if (c.op === 'between' || c.op === 'not_between') {
    const w = (v && typeof v === 'object' && !Array.isArray(v) ? v : { from: '', to: '' }) as { days?: Weekday[]; from: string; to: string };
    return { ...row, days: [...(w.days ?? [])], from: w.from, to: w.to };
  }
  if (c.op === 'exists') return { ...row, exists: v !== false };
  if (Array.isArray(v)) return { ...row, value: v.map(scalarText).join(', ') };
  return { ...row, value: scalarText(v) };
}

/** A condition as the API takes it. */
export function rowToCondition(row: ConditionRow): RoutingCondition {
  const field = row.kind === 'contact' ? `contact.${row.attribute.trim()}` : row.kind;
  switch (row.op) {
    case 'between':
    case 'not_between': {
      const days = weekdays.filter((d) => row.days.includes(d));
      return { field, op: row.op, value: { ...(days.length > 0 ? { days } : {}), from: row.from.trim(), to: row.to.trim() } };
    }
    case 'exists':
      return { field, op: row.op, value: row.exists };
    case 'in':
    case 'not_in':
      return { field, op: row.op, value: splitList(row.value) };
    default:
      return { field, op: row.op, value: row.value.trim() };
  }
}

export function ruleToForm(rule: Pick<RoutingRule, 'name' | 'enabled' | 'stop' | 'conditions' | 'actions'>): RuleForm {
  const team = rule.actions.teamId === undefined ? '' : rule.actions.teamId === null ? 'none' : rule.actions.teamId;
  return {
    name: rule.name, enabled: rule.enabled, stop: rule.stop, conditions: rule.conditions.map(conditionToRow), team,
    skills: (rule.actions.addSkills ?? []).join(', '), priority: rule.actions.priority ?? '',
  };
}

/** The rule as the API takes it (POST, or PATCH with every field: each replaces the one there). */
export function formToRule(form: RuleForm): RoutingRuleInput {
  const actions: RoutingRuleInput['actions'] = {};
  if (form.team === 'none') actions.teamId = null;
  else if (form.team) actions.teamId = form.team;
  const skills = splitList(form.skills);
  if (skills.length > 0) actions.addSkills = skills;
  if (form.priority && isOneOf(rulePriorities, form.priority)) actions.priority = form.priority;
  return { name: form.name.trim(), enabled: form.enabled, stop: form.stop, conditions: form.conditions.map(rowToCondition), actions };
}

/** Moves the item at `index` by `by` (−1 up, +1 down); the ids in their new order, or null when it cannot move. */
export function moveId(ids: readonly string[], index: number, by: -1 | 1): string[] | null {
  const target = index + by;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return null;
  const out = [...ids];
  [out[index], out[target]] = [out[target]!, out[index]!];
  return out;
}

// ---- Schedules ----

const clock = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Shifts sorted by day then start; a problem index for the first one whose times are not HH:MM or start == end. */
export function checkShifts(shifts: readonly ShiftWindow[]): { ok: true; shifts: ShiftWindow[] } | { ok: false; index: number } {
  const bad = shifts.findIndex((s) => !clock.test(s.start) || s.start === '24:00' || !clock.test(s.end) || s.start === s.end || s.day < 0 || s.day > 6);
  if (bad >= 0) return { ok: false, index: bad };
  return { ok: true, shifts: [...shifts].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)) };
}

/** Index into weekdays for a day number (0 = Sunday). */
export function dayCode(day: number): Weekday {
  return weekdays[((day % 7) + 7) % 7]!;
}
