/**
 * Language identification for short support messages: Arabic script vs Latin script by letter
 * counts; within Latin script, Arabizi vs English vs French by cue words, Arabizi digit-letters
 * (3, 7, 5, 2, 9 …) and character trigram profiles; a dialect guess for Arabic from marker words.
 * Pure: text in, a plain result out.
 */
import { guessArabicDialect, guessArabiziDialect, type ArabicDialect } from './arabic-dialect.ts';
import { cueWords, latinLanguages, trigramProfiles, wordTrigrams, type LatinLanguage } from './latin-profiles.ts';

export type Language = 'ar' | 'ar-Latn' | 'en' | 'fr' | 'und';
/** ISO 15924 codes for the two scripts we read, 'mixed' for both, 'none' when there are no letters. */
export type Script = 'Arab' | 'Latn' | 'mixed' | 'other' | 'none';

export interface LanguageGuess {
  language: Language;
  script: Script;
  /** 0…1: how sure the guess is (share of the winning evidence, damped for very short text). */
  confidence: number;
  /** Arabic script and Latin-script words side by side in one message; `language` is the dominant one. */
  mixed: boolean;
  /** For 'ar' always; for 'ar-Latn' only when a marker points to a dialect. */
  dialect?: ArabicDialect;
}

const urlPattern = /\b(?:https?:\/\/|www\.)\S+/giu;
const emailPattern = /[^\s@]+@[^\s@]+\.[^\s@]+/gu;
const handlePattern = /(?:^|\s)[@#][\p{L}\p{N}_.]+/gu;
const tokenPattern = /[\p{L}\p{M}0-9'’]+/gu;
const arabicLetter = /(?=\p{L})\p{Script=Arabic}/u;
const latinLetter = /(?=\p{L})\p{Script=Latin}/u;
/** A digit standing for an Arabic sound inside a Latin word: 3ayez, a5od, sha3'al, 7aga, la2. */
const arabiziDigit = /[a-z][2356789]|[2356789][a-z]/;
const frenchAccent = /[éèêàçùûîôœë]/;
/** Darija glues the article on without a vowel or apostrophe: lcommande, lflous, lcarte (French writes l'). */
const gluedArticle = /^l[bcdfghjklmnpqrstvwxz][a-z0-9]{2,}$/;
/** The ma…ch / ma…sh negation around a verb: mawsletch, man9derch, mafhemtsh. */
const wrappedNegation = /^ma[a-z0-9]{3,}(?:ch|sh)$/;

/** The minority script must hold this share of letters for the message to count as mixed. */
const mixedShare = 0.08;
/** Weight of the trigram evidence against one cue word. */
const trigramWeight = 0.35;

interface Words {
  arabic: string[];
  latin: string[];
  arabicLetters: number;
  latinLetters: number;
  otherLetters: number;
}

/** Guess the language of one short message. */
export function identifyLanguage(text: string): LanguageGuess {
  const words = splitWords(text);
  const letters = words.arabicLetters + words.latinLetters + words.otherLetters;
  if (letters === 0) return { language: 'und', script: 'none', confidence: 0, mixed: false };
  if (words.arabicLetters + words.latinLetters === 0) return { language: 'und', script: 'other', confidence: 0, mixed: false };

  const arabicShare = words.arabicLetters / letters;
  const latinShare = words.latinLetters / letters;
  const mixed = Math.min(arabicShare, latinShare) >= mixedShare && words.arabic.length > 0 && words.latin.some((w) => letterCount(w) >= 2);
  const script: Script = mixed ? 'mixed' : arabicShare >= latinShare ? 'Arab' : 'Latn';
  const lengthFactor = Math.min(1, 0.55 + letters / 40);

  if (arabicShare >= latinShare) {
    const { dialect } = guessArabicDialect(words.arabic);
    return { language: 'ar', script, confidence: round(arabicShare * lengthFactor), mixed, dialect };
  }

  const latin = classifyLatin(words.latin);
  const guess: LanguageGuess = { language: latin.language, script, confidence: round(latin.confidence * latinShare * lengthFactor), mixed };
  if (latin.language === 'ar-Latn') {
    const { dialect, evidence } = guessArabiziDialect(words.latin);
    if (evidence > 0) guess.dialect = dialect;
  }
  if (latin.language === 'und') guess.confidence = 0;
  return guess;
}

function splitWords(text: string): Words {
  const cleaned = text.replace(urlPattern, ' ').replace(emailPattern, ' ').replace(handlePattern, ' ');
  const words: Words = { arabic: [], latin: [], arabicLetters: 0, latinLetters: 0, otherLetters: 0 };
  for (const token of cleaned.match(tokenPattern) ?? []) {
    let arabic = 0;
    let latin = 0;
    let other = 0;
    for (const char of token) {
      if (arabicLetter.test(char)) arabic += 1;
      else if (latinLetter.test(char)) latin += 1;
      else if (/\p{L}/u.test(char)) other += 1;
    }
    words.arabicLetters += arabic;
    words.latinLetters += latin;
    words.otherLetters += other;
    if (arabic > 0 && arabic >= latin) words.arabic.push(token);
    else if (latin > 0) words.latin.push(token.toLowerCase().replace(/’/g, "'"));
  }
  return words;
}

function letterCount(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
}

interface LatinGuess {
  language: LatinLanguage | 'und';
  confidence: number;
}

/** Score Arabizi, English and French over Latin-script words; the best score wins. */
export function classifyLatin(words: readonly string[]): LatinGuess {
  const scores: Record<LatinLanguage, number> = { 'ar-Latn': 0, en: 0, fr: 0 };
  let grams = 0;
  const logLikelihood: Record<LatinLanguage, number> = { 'ar-Latn': 0, en: 0, fr: 0 };
  for (const word of words) {
    for (const language of latinLanguages) {
      scores[language] += cueWords[language][word] ?? cueWords[language][word.replace(/^[a-z]'/, '')] ?? 0;
    }
    if (arabiziDigit.test(word) && letterCount(word) >= 2) scores['ar-Latn'] += 2.5;
    if (gluedArticle.test(word) && !cueWords.en[word]) scores['ar-Latn'] += 2;
    // A known Arabizi word with the negation's -ch/-sh glued on: n9derch, 3reftch.
    const bare = word.replace(/t?(?:ch|sh)$/, '');
    if (bare !== word && bare.length >= 3 && !cueWords['ar-Latn'][word]) scores['ar-Latn'] += cueWords['ar-Latn'][bare] ?? 0;
    if (wrappedNegation.test(word) && !cueWords.en[word] && !cueWords.fr[word]) scores['ar-Latn'] += 2;
    if (frenchAccent.test(word)) scores.fr += 1;
    for (const gram of wordTrigrams(word)) {
      grams += 1;
      for (const language of latinLanguages) {
        const profile = trigramProfiles[language];
        logLikelihood[language] += profile.logProb.get(gram) ?? profile.unseen;
      }
    }
  }
  if (grams === 0) return { language: 'und', confidence: 0 };
  const best = Math.max(...latinLanguages.map((l) => logLikelihood[l]));
  for (const language of latinLanguages) scores[language] += trigramWeight * (logLikelihood[language] - best);

  const ranked = [...latinLanguages].sort((a, b) => scores[b] - scores[a]);
  const [first, second] = ranked as [LatinLanguage, LatinLanguage];
  // Softmax over the scores: a clear margin gives a confident guess, a near tie a hesitant one.
  const total = latinLanguages.reduce((sum, l) => sum + Math.exp(scores[l] - scores[first]), 0);
  return { language: first, confidence: scores[first] === scores[second] ? 0.5 / total : 1 / total };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
