/**
 * Checking a routing rule an admin wrote: pure. Every problem names where it is
 * (`conditions[1].value: expected a list for op "in"`), so the console can point at the field.
 */
import type {
  ConditionOp, RoutingActions, RoutingCondition, RoutingRuleInput, RulePriority, RuleProblem, Scalar, TimeWindow, Weekday,
} from './routing-rule-types.ts';

export const conditionOps = ['is', 'is_not', 'in', 'not_in', 'contains', 'exists', 'between', 'not_between'] as const satisfies readonly ConditionOp[];
export const rulePriorities = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly RulePriority[];
const weekdaySet: Record<Weekday, true> = { sun: true, mon: true, tue: true, wed: true, thu: true, fri: true, sat: true };
export const weekdays = Object.keys(weekdaySet) as Weekday[];

export const maxConditions = 20;
export const maxListValues = 100;
export const maxSkills = 20;

/** What the caller sends: values are not trusted to have the shape their op needs. */
export interface RuleDraft {
  name: string;
  enabled?: boolean | undefined;
  conditions: { field: string; op: string; value?: unknown }[];
  actions: { teamId?: string | null | undefined; addSkills?: string[] | undefined; priority?: string | undefined };
  stop?: boolean | undefined;
}

export interface ValidationOptions {
  /** The channels a conversation can have; a rule naming another could never match. */
  channels: readonly string[];
}

const opsFor: Record<string, readonly ConditionOp[]> = {
  channel: ['is', 'is_not', 'in', 'not_in'],
  language: ['is', 'is_not', 'in', 'not_in', 'exists'],
  intent: ['is', 'is_not', 'in', 'not_in', 'contains', 'exists'],
  time: ['between', 'not_between'],
  contact: ['is', 'is_not', 'in', 'not_in', 'contains', 'exists'],
};
const attributeKey = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const languageTag = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const clock = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const isScalar = (v: unknown): v is Scalar => (typeof v === 'string' && v.trim().length > 0 && v.length <= 200) || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
const tidy = (v: Scalar): Scalar => (typeof v === 'string' ? v.trim() : v);

/** 'contact.tier' → 'contact'; built-in fields fold to lower case; attribute names keep theirs. */
function fieldKind(field: string): { kind: string; field: string } | null {
  const trimmed = field.trim();
  if (trimmed.toLowerCase().startsWith('contact.')) {
    const key = trimmed.slice('contact.'.length);
    return attributeKey.test(key) ? { kind: 'contact', field: `contact.${key}` } : null;
  }
  const lower = trimmed.toLowerCase();
  return Object.hasOwn(opsFor, lower) && lower !== 'contact' ? { kind: lower, field: lower } : null;
}

function checkWindow(value: unknown, at: string, problems: RuleProblem[]): TimeWindow | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: at, message: 'expected { days?, from: "HH:MM", to: "HH:MM" } for a time window' });
    return undefined;
  }
  const { days, from, to, ...rest } = value as Record<string, unknown>;
  for (const key of Object.keys(rest)) problems.push({ path: `${at}.${key}`, message: 'unknown field (use days, from, to)' });
  if (typeof from !== 'string' || !clock.test(from) || from === '24:00') problems.push({ path: `${at}.from`, message: 'expected a time "HH:MM" from 00:00 to 23:59' });
  if (typeof to !== 'string' || !clock.test(to)) problems.push({ path: `${at}.to`, message: 'expected a time "HH:MM" from 00:01 to 24:00' });
  if (typeof from === 'string' && from === to) problems.push({ path: `${at}.to`, message: 'from and to are the same; for the whole day use 00:00 to 24:00' });
  let dayList: Weekday[] | undefined;
  if (days !== undefined) {
    if (!Array.isArray(days) || days.length === 0) problems.push({ path: `${at}.days`, message: `expected a non-empty list of days (${weekdays.join(', ')}); leave it out for every day` });
    else {
      dayList = [];
      for (const [i, d] of days.entries()) {
        const day = typeof d === 'string' ? d.trim().toLowerCase() : '';
        if (Object.hasOwn(weekdaySet, day)) dayList.push(day as Weekday);
        else problems.push({ path: `${at}.days[${i}]`, message: `"${String(d)}" is not a day (${weekdays.join(', ')})` });
      }
      dayList = [...new Set(dayList)];
    }
  }
  return { ...(dayList ? { days: dayList } : {}), from: String(from), to: String(to) };
}

function checkValue(kind: string, op: ConditionOp, value: unknown, at: string, options: ValidationOptions, problems: RuleProblem[]): RoutingCondition['value'] {
  if (op === 'between' || op === 'not_between') return checkWindow(value, at, problems);
  if (op === 'exists') {
    if (value !== undefined && typeof value !== 'boolean') problems.push({ path: at, message: 'expected true or false for op "exists" (or leave it out for true)' });
    return value === false ? false : true;
  }
  const list = op === 'in' || op === 'not_in';
  if (list && (!Array.isArray(value) || value.length === 0 || value.length > maxListValues)) {
    problems.push({ path: at, message: `expected a list of 1 to ${maxListValues} values for op "${op}"` });
    return undefined;
  }
  if (!list && (Array.isArray(value) || !isScalar(value) || (op === 'contains' && typeof value !== 'string'))) {
    problems.push({ path: at, message: op === 'contains' ? 'expected some text for op "contains"' : `expected one value (text, number or true/false) for op "${op}"` });
    return undefined;
  }
  const values = (list ? value : [value]) as unknown[];
  const kept: Scalar[] = [];
  for (const [i, v] of values.entries()) {
    const where = list ? `${at}[${i}]` : at;
    if (!isScalar(v)) problems.push({ path: where, message: 'expected text (up to 200 characters), a number or true/false' });
    else if (kind === 'channel' && !options.channels.includes(String(v).trim().toLowerCase())) problems.push({ path: where, message: `"${String(v)}" is not a channel (${options.channels.join(', ')})` });
    else if (kind === 'language' && !languageTag.test(String(v).trim().toLowerCase())) problems.push({ path: where, message: `"${String(v)}" is not a language tag (e.g. ar, ar-EG, en)` });
    else kept.push(kind === 'channel' || kind === 'language' ? String(v).trim().toLowerCase() : tidy(v));
  }
  return list ? kept : kept[0];
}

function checkCondition(c: RuleDraft['conditions'][number], at: string, options: ValidationOptions, problems: RuleProblem[]): RoutingCondition {
  const field = fieldKind(c.field);
  const op = c.op as ConditionOp;
  if (!field) {
    problems.push({ path: `${at}.field`, message: `"${c.field}" is not a field (channel, language, intent, time or contact.<attribute>)` });
    return { field: c.field, op, value: c.value as RoutingCondition['value'] };
  }
  const allowed = opsFor[field.kind] ?? [];
  if (!allowed.includes(op)) {
    problems.push({ path: `${at}.op`, message: `"${c.op}" does not apply to ${field.kind === 'contact' ? 'contact attributes' : field.field} (use ${allowed.join(', ')})` });
    return { field: field.field, op, value: c.value as RoutingCondition['value'] };
  }
  return { field: field.field, op, value: checkValue(field.kind, op, c.value, `${at}.value`, options, problems) };
}

function checkActions(a: RuleDraft['actions'], stop: boolean, problems: RuleProblem[]): RoutingActions {
  const actions: RoutingActions = {};
  if (a.teamId !== undefined) {
    if (a.teamId !== null && !uuid.test(a.teamId)) problems.push({ path: 'actions.teamId', message: 'expected a team id or null' });
    actions.teamId = a.teamId;
  }
  if (a.addSkills !== undefined) {
    const skills = a.addSkills.map((s) => (typeof s === 'string' ? s.trim().toLowerCase() : ''));
    skills.forEach((s, i) => {
      if (!s || s.length > 50) problems.push({ path: `actions.addSkills[${i}]`, message: 'expected a skill name of 1 to 50 characters' });
    });
    if (skills.length > maxSkills) problems.push({ path: 'actions.addSkills', message: `at most ${maxSkills} skills` });
    if (skills.length > 0) actions.addSkills = [...new Set(skills)];
  }
  if (a.priority !== undefined) {
    if (!(rulePriorities as readonly string[]).includes(a.priority)) problems.push({ path: 'actions.priority', message: `expected one of ${rulePriorities.join(', ')}` });
    actions.priority = a.priority as RulePriority;
  }
  if (Object.keys(actions).length === 0 && !stop) problems.push({ path: 'actions', message: 'give at least one of teamId, addSkills, priority (or set stop)' });
  return actions;
}

/** The rule tidied (trimmed, case-folded where case means nothing), and every problem found. */
export function validateRoutingRule(draft: RuleDraft, options: ValidationOptions): { rule: RoutingRuleInput; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const name = draft.name.trim();
  if (name.length === 0 || name.length > 100) problems.push({ path: 'name', message: 'give the rule a name of 1 to 100 characters' });
  if (draft.conditions.length > maxConditions) problems.push({ path: 'conditions', message: `at most ${maxConditions} conditions` });
  const conditions = draft.conditions.map((c, i) => checkCondition(c, `conditions[${i}]`, options, problems));
  const stop = draft.stop ?? false;
  const actions = checkActions(draft.actions, stop, problems);
  return { rule: { name, enabled: draft.enabled ?? true, conditions, actions, stop }, problems };
}

/** One message for the error envelope: the first problem, and how many more there are. */
export function describeProblems(problems: readonly RuleProblem[]): string {
  const [first] = problems;
  if (!first) return 'the rule is valid';
  return `${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`;
}
