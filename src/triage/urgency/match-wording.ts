/**
 * Finds the urgency reasons whose wording occurs in a message. Text and entries go through the
 * intent classifier's normalisation (hamza, ة, ى, diacritics, stretched letters, case), so one
 * spelling of an entry covers the common variants. Patterns are compiled once, on load.
 */
import { normalizeText, tokenize } from '../intent/normalize.ts';
import { urgencyNegators, wording, type WordingReason } from './wording.ts';

const PROCLITIC = '(?:[وف]?(?:بال|لل|ال|ب|ل)|[وف])?';

function words(text: string): string[] {
  // "can't" → "ca not", so "not log in" covers can't / cannot / couldn't.
  return tokenize(normalizeText(text.replace(/n['’]t\b/giu, ' not')));
}

function entryPattern(entry: string): string {
  const whole = entry.endsWith('$');
  const parts = (whole ? entry.slice(0, -1) : entry).split(' ').map((part) => {
    const stem = part.endsWith('*');
    const body = words(stem ? part.slice(0, -1) : part).join(' ');
    return stem ? `${body}\\S*` : body;
  });
  return `${parts.join(' ')}${whole ? '(?= |$)' : ''}`;
}

const patterns = (Object.entries(wording) as Array<[WordingReason, readonly string[]]>).map(
  ([reason, entries]) => [reason, new RegExp(`(?:^| )${PROCLITIC}(?:${entries.map(entryPattern).join('|')})`, 'u')] as const,
);
const urgentEntries = wording.urgent.map(entryPattern).join('|');
const negatedUrgent = new RegExp(`(?:^| )(?:${urgencyNegators.map((w) => words(w).join(' ')).join('|')}) (?:${urgentEntries}|rush)`, 'u');

/** The reasons found, in the order of `wording`, and whether urgency was explicitly denied. */
export function matchWording(text: string): { reasons: WordingReason[]; negatedUrgent: boolean } {
  const line = words(text).join(' ');
  const denied = negatedUrgent.test(line);
  const reasons = patterns.filter(([reason, pattern]) => pattern.test(line) && !(reason === 'urgent' && denied)).map(([reason]) => reason);
  // A double charge is money gone too; counting both would make every duplicate charge critical.
  return { reasons: reasons.includes('charged_twice') ? reasons.filter((r) => r !== 'money_lost') : reasons, negatedUrgent: denied };
}
