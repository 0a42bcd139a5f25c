/**
 * The lexicons and modifier lists compiled once into lookup tables over normalised words:
 * exact words, '*' stems (longest first) and phrases (longest first). Arabic words are also tried
 * without their proclitics (و، ف، ب، ال، لل…) so "والزفت" finds زفت, and with a wrapped negation
 * taken off ("ماعجبنيش", "مبيردش", "ma3gbnish") so it reads as a negated word.
 */
import { arabicNegative, arabicPositive } from './lexicon-ar.ts';
import { arabiziNegative, arabiziPositive } from './lexicon-arabizi.ts';
import { englishNegative, englishPositive } from './lexicon-en.ts';
import { arabiziOnlyNegators, contrasts, diminishers, inertPhrases, intensifiers, negators, questionWords, sarcasmPhrases } from './modifiers.ts';
import { keyTokens, squeeze, type Word } from './tokens.ts';

export type Role = 'negator' | 'arabizi-negator' | 'intensifier' | 'diminisher' | 'contrast' | 'inert' | 'sarcasm';

/** A polar match: the lexicon key as written in the cue, and its signed weight. */
export interface Polar {
  key: string;
  weight: number;
  negatedInside?: boolean;
}

interface Table {
  words: Map<string, Polar>;
  stems: Array<[string, Polar]>;
}

function compile(...sources: Array<[Readonly<Record<string, number>>, 1 | -1]>): { table: Table; phrases: Map<string, Polar> } {
  const table: Table = { words: new Map(), stems: [] };
  const phrases = new Map<string, Polar>();
  for (const [source, sign] of sources) {
    for (const [key, magnitude] of Object.entries(source)) {
      const stem = key.endsWith('*');
      const tokens = keyTokens(stem ? key.slice(0, -1) : key);
      const polar = { key: tokens.join(' '), weight: sign * magnitude };
      if (tokens.length > 1) phrases.set(polar.key, polar);
      else if (stem) table.stems.push([polar.key, polar]);
      else table.words.set(polar.key, polar);
    }
  }
  table.stems.sort((a, b) => b[0].length - a[0].length);
  return { table, phrases };
}

const arabic = compile([arabicPositive, 1], [arabicNegative, -1]);
const english = compile([englishPositive, 1], [englishNegative, -1]);
const arabizi = compile([arabiziPositive, 1], [arabiziNegative, -1]);

const roles = new Map<string, Role>();
const addRoles = (role: Role, keys: readonly string[]) => keys.forEach((k) => roles.set(keyTokens(k).join(' '), role));
addRoles('negator', negators);
addRoles('arabizi-negator', arabiziOnlyNegators);
addRoles('intensifier', intensifiers);
addRoles('diminisher', diminishers);
addRoles('contrast', contrasts);
addRoles('inert', inertPhrases);
addRoles('sarcasm', sarcasmPhrases);

const questions = new Set(questionWords.map((w) => keyTokens(w).join(' ')));
const phraseTables = [arabic.phrases, english.phrases, arabizi.phrases];
const longestPhrase = Math.max(...[...roles.keys(), ...phraseTables.flatMap((t) => [...t.keys()])].map((k) => k.split(' ').length));

export type Match = { length: number; key: string; polar?: Polar; role?: Role };

/** The longest phrase (two words or more) starting at `at`, from the lexicons or the modifier lists. */
export function matchPhrase(words: readonly Word[], at: number): Match | undefined {
  for (let length = Math.min(longestPhrase, words.length - at); length >= 2; length -= 1) {
    const span = words.slice(at, at + length);
    if (span.some((w) => w.clause !== span[0]?.clause)) continue;
    const key = span.map((w) => w.norm).join(' ');
    const role = roles.get(key) ?? roles.get(key.replace(/^و/u, ''));
    if (role) return { length, key, role };
    for (const table of phraseTables) {
      const polar = table.get(key) ?? table.get(key.replace(/^و/u, ''));
      if (polar) return { length, key, polar };
    }
  }
  return undefined;
}

/** The modifier role of one word, if any ("ولا" and "وما" keep their و). */
export function roleOf(word: Word): Role | undefined {
  return roles.get(word.norm) ?? (word.script === 'latn' ? roles.get(squeeze(word.norm)) : roles.get(word.norm.replace(/^[وف]/u, '')));
}

export function isQuestionWord(word: Word): boolean {
  return questions.has(word.norm) || questions.has(squeeze(word.norm));
}

function find(table: Table, candidate: string): Polar | undefined {
  const exact = table.words.get(candidate);
  if (exact) return exact;
  for (const [stem, polar] of table.stems) if (candidate.length >= stem.length && candidate.startsWith(stem)) return polar;
  return undefined;
}

const PROCLITIC = /^(?:[وف]?(?:بال|كال|فال|لل|ال|ب|ل)|[وف])/u;

function arabicLookup(word: string): Polar | undefined {
  const candidates = [word];
  const stripped = word.replace(PROCLITIC, '');
  if (stripped !== word && stripped.length >= 2) candidates.push(stripped);
  for (const candidate of candidates) {
    const hit = find(arabic.table, candidate);
    if (hit) return hit;
  }
  // Wrapped negation: ما…ش / م…ش (Egyptian, Maghrebi), or ما glued on (Gulf, Levantine: ماعجبني).
  const wrapped = /^(?:ما|م)(.{3,})ش$/u.exec(word)?.[1] ?? /^ما(.{3,})$/u.exec(word)?.[1];
  const inner = wrapped ? arabicLookup(wrapped) : undefined;
  return inner ? { ...inner, negatedInside: true } : undefined;
}

function latinLookup(word: string, useArabizi: boolean): Polar | undefined {
  for (const candidate of [word, squeeze(word)]) {
    const hit = find(english.table, candidate) ?? (useArabizi ? find(arabizi.table, candidate) : undefined);
    if (hit) return hit;
  }
  if (!useArabizi) return undefined;
  const wrapped = /^ma(.{3,})(?:sh|ch)$/u.exec(word)?.[1];
  const inner = wrapped ? find(arabizi.table, wrapped) : undefined;
  return inner ? { ...inner, negatedInside: true } : undefined;
}

/** The polar reading of one word, or undefined. */
export function lookupWord(word: Word, useArabizi: boolean): Polar | undefined {
  if (word.script === 'arab') return arabicLookup(word.norm);
  if (word.script === 'latn') return latinLookup(word.norm, useArabizi);
  return undefined;
}
