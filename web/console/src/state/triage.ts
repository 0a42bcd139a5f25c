/** Pure helpers for triage readings: urgency order, reason codes → dictionary keys, categories, scores. */
import type { MessageKey } from '../i18n/dictionary';
import type { Vars } from '../i18n/translate';
import { urgencyLevels, type IntentCategory, type ModelScore, type ModelVersion, type UrgencyLevel } from '../api/types';

/** low 0 < normal 1 < high 2 < critical 3; no reading sorts below low (-1). */
export function urgencyRank(level: UrgencyLevel | null | undefined): number {
  return level ? urgencyLevels.indexOf(level) : -1;
}

/** For sorting most urgent first: level, then score (a missing score counts as 0). */
export function compareUrgency(
  a: { urgency: UrgencyLevel | null; urgencyScore: number | null },
  b: { urgency: UrgencyLevel | null; urgencyScore: number | null },
): number {
  return urgencyRank(b.urgency) - urgencyRank(a.urgency) || (b.urgencyScore ?? 0) - (a.urgencyScore ?? 0);
}

/** High and critical stand out in the inbox; low and normal stay quiet. */
export function isProminentUrgency(level: UrgencyLevel | null | undefined): boolean {
  return urgencyRank(level) >= urgencyRank('high');
}

export interface ReasonLabel {
  key: MessageKey;
  vars?: Vars;
}

const wordingReasons = ['safety', 'fraud', 'hacked', 'legal', 'money_lost', 'charged_twice', 'cannot_login', 'cancel', 'urgent', 'not_urgent'] as const;
const tiers = ['vip', 'enterprise', 'premium', 'business', 'gold'] as const;
const waits: Readonly<Record<string, string>> = { '>5m': '5', '>15m': '15', '>1h': '60', '>4h': '240' };

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * The dictionary entry for a stable urgency reason code ('wording:fraud', 'tier:vip', 'repeat:2',
 * 'wait:>5m', 'sentiment:negative', 'channel:voice'…). A code this console does not know yet is
 * shown as is (`reason.unknown` with the code), never dropped.
 */
export function reasonLabel(code: string): ReasonLabel {
  const colon = code.indexOf(':');
  const kind = colon < 0 ? code : code.slice(0, colon);
  const detail = colon < 0 ? '' : code.slice(colon + 1);
  switch (kind) {
    case 'wording':
      if (isOneOf(wordingReasons, detail)) return { key: `reason.wording.${detail}` };
      break;
    case 'sentiment':
      if (detail === 'negative' || detail === 'positive') return { key: `reason.sentiment.${detail}` };
      break;
    case 'tier':
      if (isOneOf(tiers, detail)) return { key: `reason.tier.${detail}` };
      if (detail) return { key: 'reason.tier', vars: { tier: detail } };
      break;
    case 'repeat':
      if (detail === '3+') return { key: 'reason.repeat.many' };
      if (detail === '1') return { key: 'reason.repeat.one' };
      if (/^\d+$/.test(detail)) return { key: 'reason.repeat.count', vars: { count: Number(detail) } };
      break;
    case 'wait': {
      const minutes = waits[detail];
      if (minutes) return Number(minutes) >= 60 ? { key: 'reason.wait.hours', vars: { hours: Number(minutes) / 60 } } : { key: 'reason.wait.minutes', vars: { minutes: Number(minutes) } };
      break;
    }
    case 'channel':
      if (detail === 'voice' || detail === 'public') return { key: `reason.channel.${detail}` };
      break;
  }
  return { key: 'reason.unknown', vars: { code } };
}

/** Categories an agent may pick: not archived, by name; the current one stays listed even if archived. */
export function selectableCategories(categories: readonly IntentCategory[], current: string | null): IntentCategory[] {
  return categories.filter((c) => !c.archived || c.name === current).sort((a, b) => a.name.localeCompare(b.name));
}

/** Same rule as the server: a lower-case id such as refund or card.lost. */
export const categoryNamePattern = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** Examples typed one per line: trimmed, blank lines and repeats left out. */
export function parseExampleLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || seen.has(trimmed)) continue;
    seen.add(trimmed);
    out.push(trimmed);
  }
  return out;
}

/** The most examples one request may carry (the server's limit). */
export const maxExamplesPerRequest = 500;

/** 0.8731 → 87% (whole percent; a score is a 0…1 share). */
export function percent(share: number | null | undefined): number | null {
  return share === null || share === undefined || !Number.isFinite(share) ? null : Math.round(share * 100);
}

/** How much better (positive) or worse a version scored than the model in use, in whole points. */
export function accuracyDelta(score: ModelScore, active: ModelScore | null): number | null {
  if (!active) return null;
  return Math.round((score.accuracy - active.accuracy) * 100);
}

/** Only shipped versions are kept: a retired one may be put back; the active one and refused ones may not. */
export function canRollBackTo(version: ModelVersion): boolean {
  return version.status === 'retired';
}

/**
 * When to fetch next, at most once every `gapMs`: now (0) when the last fetch is old enough,
 * else after what is left of the gap.
 */
export function throttleDelay(lastFetchAt: number | null, now: number, gapMs: number): number {
  if (lastFetchAt === null) return 0;
  return Math.max(0, lastFetchAt + gapMs - now);
}

const dialects = ['msa', 'gulf', 'egyptian', 'levantine', 'maghrebi'] as const;
const factKinds = ['order_number', 'ticket_number', 'email', 'phone', 'amount', 'date'] as const;

/** The dictionary entry for an Arabic dialect code, or null for one this console does not know. */
export function dialectKey(dialect: string): MessageKey | null {
  return isOneOf(dialects, dialect) ? `dialect.${dialect}` : null;
}

/** The dictionary entry for a fact kind, or null for one this console does not know (show the kind as is). */
export function factKindKey(kind: string): MessageKey | null {
  return isOneOf(factKinds, kind) ? `fact.${kind}` : null;
}

const decisions = ['first_model', 'not_worse', 'worse_than_active', 'nothing_to_judge_by', 'superseded', 'put_back'] as const;

/** The dictionary entry for a model version's decision code, or null for one this console does not know (show it as is). */
export function decisionKey(decision: string): MessageKey | null {
  return isOneOf(decisions, decision) ? `decision.${decision}` : null;
}
