/**
 * Dates in support messages: ISO (2026-11-23), day-first numeric (23/11/2026, 23.11.2026, 23-11-2026,
 * read month-first only when the day-first reading is impossible: 11/23/2026), and relative words
 * (yesterday, أمس, hier…) which are resolved only against a reference date passed in. Pure.
 */
import { arabicPrefix, notAfterWord, notBeforeWord } from './fact-text.ts';

export interface DateMatch {
  value: string;
  start: number;
  end: number;
}

const isoDate = /(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/g;
const numericDate = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/g;

/** Relative day words and their offset from the reference date. Longer phrases first. */
const relativeDays: Array<[string, number]> = [
  ['the day before yesterday', -2], ['day before yesterday', -2], ['yesterday', -1], ['today', 0], ['tomorrow', 1],
  ['أول أمس', -2], ['اول امس', -2], ['أول امس', -2], ['أمس', -1], ['امس', -1], ['البارحة', -1], ['البارحه', -1],
  ['امبارح', -1], ['إمبارح', -1], ['مبارح', -1], ['اليوم', 0], ['النهارده', 0], ['غداً', 1], ['غدا', 1], ['بكرة', 1], ['بكرا', 1], ['بكره', 1],
  ['avant-hier', -2], ['hier', -1], ["aujourd'hui", 0], ['aujourd’hui', 0], ['demain', 1],
];

const relativePattern = new RegExp(
  `${notAfterWord}(?:${arabicPrefix})(${relativeDays.map(([word]) => word).sort((a, b) => b.length - a.length).join('|')})${notBeforeWord}`,
  'giu',
);
const offsetByWord = new Map(relativeDays.map(([word, offset]) => [word.toLowerCase(), offset]));

function isoOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A reference date as 'YYYY-MM-DD' (a calendar day in the customer's zone, decided by the caller). */
function shiftDays(reference: string, offset: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(reference);
  if (!match) return undefined;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + offset));
  return day.toISOString().slice(0, 10);
}

/** Find dates in digit-folded text. */
export function findDates(folded: string, original: string, referenceDate?: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of folded.matchAll(isoDate)) {
    const value = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (value) found.push({ value, start: m.index, end: m.index + m[0].length });
  }
  for (const m of folded.matchAll(numericDate)) {
    const [first, second, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const value = isoOf(year, second, first) ?? isoOf(year, first, second);
    if (value) found.push({ value, start: m.index, end: m.index + m[0].length });
  }
  for (const m of folded.matchAll(relativePattern)) {
    const word = m[1] ?? '';
    const start = m.index + m[0].length - word.length;
    const raw = original.slice(start, start + word.length);
    const offset = offsetByWord.get(word.toLowerCase()) ?? 0;
    const resolved = referenceDate === undefined ? undefined : shiftDays(referenceDate, offset);
    found.push({ value: resolved ?? raw, start, end: start + word.length });
  }
  return found;
}
