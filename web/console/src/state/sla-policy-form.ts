/**
 * The SLA policy form as plain data: targets typed in minutes or hours (sent as seconds), escalation
 * steps as "N minutes before/after the deadline" (sent as signed offsets), conditions as lists.
 * Pure, so the conversions are tested without a browser.
 */
import type { Channel, Priority } from '../api/types';
import type { ClockKind, EscalationAction, SlaPolicy, SlaPolicyInput } from '../api/sla-types';

export type TimeUnit = 'minutes' | 'hours';
export interface DurationField {
  amount: string;
  unit: TimeUnit;
}

export type StepWhen = 'before' | 'at' | 'after';
export interface StepField {
  kind: ClockKind;
  when: StepWhen;
  minutes: string;
  action: EscalationAction;
}

export const targetFields = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type TargetField = (typeof targetFields)[number];
export const targetKind: Record<TargetField, ClockKind> = { firstResponse: 'first_response', nextResponse: 'next_response', resolution: 'resolution' };

export const policyChannels: readonly Channel[] = ['chat', 'email', 'sms', 'whatsapp', 'telegram', 'callback', 'api'];
export const policyPriorities: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export interface PolicyForm {
  name: string;
  channels: Channel[];
  priorities: Priority[];
  /** Comma-separated lists. */
  intents: string;
  languages: string;
  tiers: string;
  targets: Record<TargetField, DurationField>;
  steps: StepField[];
  calendarId: string;
  enabled: boolean;
}

/** A problem found before sending; `field` is the form field to mark (steps: `steps.<index>`). */
export interface PolicyProblem {
  field: string;
  code: 'name' | 'target' | 'noTarget' | 'stepMinutes' | 'stepKind';
}

const unitSeconds: Record<TimeUnit, number> = { minutes: 60, hours: 3600 };

/** Arabic-Indic and Persian digits typed on an Arabic keyboard read as numbers too; a decimal comma too. */
export function normaliseNumber(text: string): string {
  return text
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٫,]/g, '.');
}

/** Seconds for a typed duration: null when empty, NaN when it is not a positive amount of whole seconds. */
export function durationToSeconds(field: DurationField): number | null {
  const text = normaliseNumber(field.amount);
  if (text === '') return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return Number.NaN;
  const seconds = Math.round(Number(text) * unitSeconds[field.unit]);
  return seconds >= 1 && seconds <= 365 * 24 * 3600 ? seconds : Number.NaN;
}

/** Whole hours show as hours; anything else as minutes (up to two decimals, e.g. 30 s = 0.5). */
export function secondsToDuration(seconds: number | null): DurationField {
  if (seconds === null) return { amount: '', unit: 'minutes' };
  if (seconds % 3600 === 0) return { amount: String(seconds / 3600), unit: 'hours' };
  return { amount: String(Math.round((seconds / 60) * 100) / 100), unit: 'minutes' };
}

export function stepToOffset(step: StepField): number {
  if (step.when === 'at') return 0;
  const minutes = Number(normaliseNumber(step.minutes));
  const seconds = Math.round(minutes * 60);
  return step.when === 'before' ? -seconds : seconds;
}

export function offsetToStep(kind: ClockKind, offsetSeconds: number, action: EscalationAction): StepField {
  if (offsetSeconds === 0) return { kind, when: 'at', minutes: '', action };
  const minutes = Math.round((Math.abs(offsetSeconds) / 60) * 100) / 100;
  return { kind, when: offsetSeconds < 0 ? 'before' : 'after', minutes: String(minutes), action };
}

const joinList = (values: readonly string[] | undefined) => (values ?? []).join(', ');
const splitList = (text: string) => [...new Set(text.split(/[,،\n]/).map((v) => v.trim()).filter(Boolean))];

export function emptyPolicyForm(): PolicyForm {
  return {
    name: '', channels: [], priorities: [], intents: '', languages: '', tiers: '',
    targets: { firstResponse: { amount: '', unit: 'minutes' }, nextResponse: { amount: '', unit: 'minutes' }, resolution: { amount: '', unit: 'hours' } },
    steps: [], calendarId: '', enabled: true,
  };
}

export function policyToForm(policy: SlaPolicy): PolicyForm {
  const c = policy.conditions;
  return {
    name: policy.name,
    channels: (c.channels ?? []).filter((v): v is Channel => policyChannels.includes(v as Channel)),
    priorities: (c.priorities ?? []).filter((v): v is Priority => policyPriorities.includes(v as Priority)),
    intents: joinList(c.intents), languages: joinList(c.languages), tiers: joinList(c.tiers),
    targets: {
      firstResponse: secondsToDuration(policy.targets.firstResponseSeconds),
      nextResponse: secondsToDuration(policy.targets.nextResponseSeconds),
      resolution: secondsToDuration(policy.targets.resolutionSeconds),
    },
    steps: policy.escalation.map((s) => offsetToStep(s.kind, s.offsetSeconds, s.action)),
    calendarId: policy.calendarId ?? '',
    enabled: policy.enabled,
  };
}

/** The body for POST/PATCH, or the first problem to fix (the server checks everything again). */
export function policyFormToInput(form: PolicyForm): { input: SlaPolicyInput } | { problem: PolicyProblem } {
  if (!form.name.trim()) return { problem: { field: 'name', code: 'name' } };
  const seconds = {} as Record<TargetField, number | null>;
  for (const field of targetFields) {
    const value = durationToSeconds(form.targets[field]);
    if (Number.isNaN(value)) return { problem: { field: `targets.${field}`, code: 'target' } };
    seconds[field] = value;
  }
  if (targetFields.every((f) => seconds[f] === null)) return { problem: { field: 'targets.firstResponse', code: 'noTarget' } };
  const escalation = [];
  for (const [i, step] of form.steps.entries()) {
    const field = (Object.keys(targetKind) as TargetField[]).find((f) => targetKind[f] === step.kind)!;
    if (seconds[field] === null) return { problem: { field: `steps.${i}`, code: 'stepKind' } };
    if (step.when !== 'at' && !/^\d+(\.\d+)?$/.test(normaliseNumber(step.minutes))) return { problem: { field: `steps.${i}`, code: 'stepMinutes' } };
    escalation.push({ kind: step.kind, offsetSeconds: stepToOffset(step), action: step.action });
  }
  const conditions: SlaPolicyInput['conditions'] = {};
  if (form.channels.length) conditions.channels = [...form.channels];
  if (form.priorities.length) conditions.priorities = [...form.priorities];
  for (const key of ['intents', 'languages', 'tiers'] as const) {
    const list = splitList(form[key]);
    if (list.length) conditions[key] = list;
  }
  return {
    input: {
      name: form.name.trim(), conditions,
      targets: { firstResponseSeconds: seconds.firstResponse, nextResponseSeconds: seconds.nextResponse, resolutionSeconds: seconds.resolution },
      escalation, calendarId: form.calendarId || null, enabled: form.enabled,
    },
  };
}

/**
 * The form field a server error points at: its message starts with the path
 * ("targets.firstResponseSeconds: …", "escalation[1].kind: …", "body/targets/… must be …").
 */
export function serverProblemField(message: string): string | null {
  const path = message.replace(/^body\//, '').replace(/\//g, '.');
  const step = /^escalation\[?\.?(\d+)/.exec(path);
  if (step) return `steps.${step[1]}`;
  for (const field of targetFields) if (path.startsWith(`targets.${field}`)) return `targets.${field}`;
  if (path.startsWith('name')) return 'name';
  const condition = /^conditions\.(\w+)/.exec(path);
  return condition ? condition[1]! : null;
}

/** The ids in their new order after moving one up (-1) or down (+1); null when it cannot move. */
export function moved(ids: readonly string[], id: string, step: -1 | 1): string[] | null {
  const at = ids.indexOf(id);
  const to = at + step;
  if (at < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}
