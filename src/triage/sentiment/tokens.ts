/**
 * Words of a message for sentiment reading: normalised like the intent classifier (so lexicon
 * keys and messages meet in one form), with what normalisation throws away kept as flags:
 * stretched letters ("ليييش", "whyyy"), capitals ("WORST") and the clause each word sits in
 * (punctuation ends a clause, so a negation does not run past a comma).
 */
import { normalizeText, tokenize } from '../intent/normalize.ts';

export type WordScript = 'arab' | 'latn' | 'other';

export interface Word {
  norm: string;
  raw: string;
  script: WordScript;
  elongated: boolean;
  caps: boolean;
  clause: number;
}

const RAW_WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CLAUSE_BREAK = /[.!?؟،,;:\n؛]/u;
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;
// Three of one letter; Arabic ه is left out because هههه is laughter, not stress.
const STRETCH = /([^\d\u0647])\1{2,}/u;
const LAUGHTER = /ه{3,}|(?:ها){2,}|\b(?:ha){2,}|\bl+o+l+\b|\bhh{2,}\b|\bx+d+\b|خخخ+/iu;
const RUN = /(.)\1+/gu;

/** English contractions become a separate "not" so "don't like" negates like "do not like". */
export function expandContractions(text: string): string {
  return text.replace(/n['’]t\b/giu, ' not');
}

/** Normalise one lexicon key or phrase into the form words take here. */
export function keyTokens(key: string): string[] {
  return tokenize(normalizeText(expandContractions(key)));
}

/** The words of a message in order, with their clause numbers. */
export function wordsOf(text: string): Word[] {
  const expanded = expandContractions(text);
  const words: Word[] = [];
  let clause = 0;
  let last = 0;
  for (const match of expanded.matchAll(RAW_WORD)) {
    const raw = match[0];
    const start = match.index ?? 0;
    if (CLAUSE_BREAK.test(expanded.slice(last, start))) clause += 1;
    last = start + raw.length;
    const script: WordScript = ARABIC.test(raw) ? 'arab' : LATIN.test(raw) ? 'latn' : 'other';
    const caps = script === 'latn' && raw.length >= 3 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
    for (const norm of tokenize(normalizeText(raw))) {
      if (/^\d+$/u.test(norm)) continue;
      words.push({ norm, raw, script, elongated: STRETCH.test(raw), caps, clause });
    }
  }
  return words;
}

/** A Latin word with every run of a letter cut to one ("noo" → "no"), a second try for lookups. */
export function squeeze(word: string): string {
  return word.replace(RUN, '$1');
}

/** Whether the message laughs (هههه, hahaha, lol). */
export function laughs(text: string): boolean {
  return LAUGHTER.test(text);
}
