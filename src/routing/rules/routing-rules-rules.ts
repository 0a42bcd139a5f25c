/**
 * Evaluating routing rules: pure. Rules run in position order; for each action field the first
 * matching rule that sets it wins (team, priority), skills add up, and a matching rule with
 * `stop` ends the evaluation.
 */
import type {
  AttributeValue, RoutingCondition, RoutingOutcome, RoutingRule, RoutingSubject, Scalar, TimeWindow, Weekday,
} from './routing-rule-types.ts';

/** Text compares trimmed, case-folded and NFKC-normalised, so 'Gold', ' gold' and 'GOLD' are one tier. */
export function foldText(value: Scalar): string {
  return String(value).normalize('NFKC').trim().toLowerCase();
}

/**
 * 'language is ar' holds for 'ar', 'ar-EG', 'ar-Latn' (Arabizi): a tag matches the rule's tag or
 * any more specific tag under it, split on subtag boundaries ('ar' never matches 'arn').
 */
export function languageMatches(tag: string, wanted: Scalar): boolean {
  const have = foldText(tag).replace(/_/g, '-');
  const want = foldText(wanted).replace(/_/g, '-');
  return want.length > 0 && (have === want || have.startsWith(`${want}-`));
}

const dayIndex: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const shortDays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const minutesPerDay = 24 * 60;

// Building an Intl formatter costs far more than using one; the cache changes no result.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** Weekday (0 = Sunday) and minute of the day on the wall clock of `timeZone`; null for an unknown zone. */
export function wallClock(now: Date, timeZone: string): { day: number; minute: number } | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      f = null;
    }
    formatters.set(timeZone, f);
  }
  if (!f) return null;
  let day = 0;
  let minute = 0;
  for (const part of f.formatToParts(now)) {
    if (part.type === 'weekday') day = shortDays[part.value] ?? 0;
    else if (part.type === 'hour') minute += Number(part.value) * 60;
    else if (part.type === 'minute') minute += Number(part.value);
  }
  return { day, minute };
}

/** 'HH:MM' → minutes after midnight ('24:00' = 1440); null when malformed. */
export function parseClock(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= minutesPerDay ? minutes : null;
}

/**
 * Is the wall clock inside the window? Read in the zone's local time, so DST moves the window
 * with the clocks: 09:00–17:00 in New York is 13:00–21:00 UTC in summer, 14:00–22:00 in winter.
 */
export function inTimeWindow(window: TimeWindow, now: Date, timeZone: string): boolean {
  const clock = wallClock(now, timeZone);
  const from = parseClock(window.from);
  const to = parseClock(window.to);
  if (!clock || from === null || to === null) return false; // nothing we can reason about opens nothing
  const days = new Set((window.days?.length ? window.days : (Object.keys(dayIndex) as Weekday[])).map((d) => dayIndex[d]));
  if (to > from) return days.has(clock.day) && clock.minute >= from && clock.minute < to;
  // Past midnight: the evening belongs to the listed day, the small hours to the day after it.
  const yesterday = (clock.day + 6) % 7;
  return (days.has(clock.day) && clock.minute >= from) || (days.has(yesterday) && clock.minute < to);
}

function subjectValue(field: string, subject: RoutingSubject): AttributeValue | undefined {
  if (field === 'channel') return subject.channel;
  if (field === 'language') return subject.language;
  if (field === 'intent') return subject.intent;
  if (field.startsWith('contact.')) return subject.contact[field.slice('contact.'.length)];
  return undefined;
}

const isPresent = (v: AttributeValue | undefined): v is Scalar => v !== null && v !== undefined && foldText(v) !== '';
const asList = (value: RoutingCondition['value']): Scalar[] => (Array.isArray(value) ? value : value === null || value === undefined || typeof value === 'object' ? [] : [value]);

/** Does one condition hold? A missing value fails is/in/contains and passes is_not/not_in. */
export function conditionHolds(condition: RoutingCondition, subject: RoutingSubject): boolean {
  const { field, op, value } = condition;
  if (field === 'time') {
    if (op !== 'between' && op !== 'not_between') return false;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    const inside = inTimeWindow(value, subject.now, subject.timeZone);
    return op === 'between' ? inside : !inside;
  }
  const have = subjectValue(field, subject);
  const equals = (want: Scalar) => isPresent(have) && (field === 'language' ? languageMatches(String(have), want) : foldText(have) === foldText(want));
  switch (op) {
    case 'is': return asList(value).slice(0, 1).some(equals);
    case 'is_not': return !asList(value).slice(0, 1).some(equals);
    case 'in': return asList(value).some(equals);
    case 'not_in': return !asList(value).some(equals);
    case 'contains': return isPresent(have) && asList(value).slice(0, 1).some((want) => foldText(have).includes(foldText(want)));
    case 'exists': return isPresent(have) === (value !== false);
    default: return false;
  }
}

export function ruleMatches(rule: RoutingRule, subject: RoutingSubject): boolean {
  return rule.conditions.every((c) => conditionHolds(c, subject));
}

/** What the rules say for one conversation. Disabled rules are skipped; ties in position go by id. */
export function evaluateRoutingRules(rules: readonly RoutingRule[], subject: RoutingSubject): RoutingOutcome {
  const ordered = [...rules].filter((r) => r.enabled).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const outcome: RoutingOutcome = { skills: [], matchedRuleIds: [] };
  for (const rule of ordered) {
    if (!ruleMatches(rule, subject)) continue;
    outcome.matchedRuleIds.push(rule.id);
    const { teamId, addSkills, priority } = rule.actions;
    if (teamId !== undefined && !('teamId' in outcome)) outcome.teamId = teamId;
    if (priority !== undefined && outcome.priority === undefined) outcome.priority = priority;
    for (const skill of addSkills ?? []) {
      const name = foldText(skill);
      if (name && !outcome.skills.includes(name)) outcome.skills.push(name);
    }
    if (rule.stop) break;
  }
  return outcome;
}
