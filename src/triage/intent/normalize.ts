/**
 * Text normalisation shared by training and classification, for Arabic and English.
 *
 * Lower-case and NFKC; Arabic diacritics (harakat, tanween, shadda, sukun, dagger alef,
 * Quranic marks) and tatweel removed; alef forms أ إ آ ٱ → ا, ى → ي, ة → ه; Arabic-Indic and
 * Persian digits → ASCII; runs of one letter collapsed (Arabic: 3+ → 1, other scripts: 3+ → 2, so
 * "شكراااا" → "شكرا" and "sooooo" → "soo" while "ممكن" and "account" survive). Pure.
 */

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ALEF_FORMS = /[\u0623\u0625\u0622\u0671]/g;
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const ARABIC_RUN = /([\u0621-\u064A])\1{2,}/g;
const OTHER_RUN = /([^\u0621-\u064A\d])\1{2,}/gu;
const TOKEN = /[\p{L}\p{N}]+/gu;

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
    .replace(ARABIC_RUN, '$1')
    .replace(OTHER_RUN, '$1$1');
}

/** The words of a normalised text: runs of letters and digits; punctuation and spaces split. */
export function tokenize(normalized: string): string[] {
  return normalized.match(TOKEN) ?? [];
}
