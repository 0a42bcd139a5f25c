/**
 * The lexical reading of one support message in Arabic (MSA, dialects, Arabizi), English or a mix:
 * hand-written lexicons plus rules, no learning. Each polar word adds its weight; a negator in the three words before
 * it flips it (a negated complaint only half-flips: "not bad" is faint praise), intensifiers and
 * stretched or capitalised words strengthen it, what follows "but"/"بس" outweighs what precedes it.
 * Emoji and emoticons add weight; praise next to 🙄 or "يا سلام" reads as sarcasm. Pure.
 */
import { emojiWeights, emoticonsIn, findEmoji, sarcasmEmoji } from './emoji.ts';
import { isQuestionWord, lookupWord, matchPhrase, roleOf, type Polar, type Role } from './lexicon.ts';
import { laughs, wordsOf, type Word } from './tokens.ts';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  label: SentimentLabel;
  /** -1…1. Lexicon: tanh of half the summed weights (one plain word ≈ ±0.46, three ≈ ±0.9); model: p(positive) − p(negative). */
  score: number;
  /** 0…1. Lexicon: how one-sided and plentiful the evidence is; model: probability of the label; 0 when there is nothing to read. */
  confidence: number;
  /** What drove it, e.g. 'lexicon:زفت', 'negated:good', 'emoji:😡', 'intensified:bad', 'sarcasm:🙄', 'model:negative'. */
  cues: string[];
}

/** |score| below this is neutral: one "ok" (0.3) stays neutral, one "good" (1) does not. */
export const neutralBand = 0.2;
const negationWindow = 3;
/** Flipped praise is a complaint; a flipped complaint ("مش وحش") is only faint praise. */
const flipPositive = -0.8;
const flipNegative = -0.5;
const boost = 1.5;
const soften = 0.5;
/** Weight before / after a contrast word ("thanks, but…"). */
const beforeContrast = 0.6;
const afterContrast = 1.3;
/** A stretched "ليييش" / "whyyy" / "pleeease" is exasperation even without a polar word. */
const exasperation = -0.8;
const frustratedQuestion = -0.5;
const shouting = -0.5;
const laughter = 0.3;
/** "oh great", "يا سلام" on their own already mean the opposite. */
const sarcasmWeight = -1;

type Item = { word: Word; key: string; index: number; polar?: Polar; role?: Role };

/** The lexicon's reading plus the summed positive and negative evidence behind it. */
export interface LexiconReading extends Sentiment {
  positive: number;
  negative: number;
}

/** Read one message by lexicon and rules. `language` ('en', 'ar', 'ar-Latn'…) only switches Arabizi words on or off. */
export function readLexicon(text: string, language?: string): LexiconReading {
  const words = wordsOf(text);
  const emoji = findEmoji(text);
  if (words.length === 0 && emoji.size === 0 && emoticonsIn(text).length === 0) {
    return { label: 'neutral', score: 0, confidence: 0, cues: [], positive: 0, negative: 0 };
  }
  const useArabizi = language !== 'en';
  const arabiziText = language === 'ar-Latn' || /[a-z][2356789]|[2356789][a-z]/iu.test(text);
  const items = itemsOf(words, useArabizi, arabiziText);
  const cues: string[] = [];
  const parts: number[] = [];
  const note = (cue: string) => void (cues.includes(cue) || cues.push(cue));
  const add = (weight: number, cue: string) => {
    parts.push(weight);
    note(cue);
  };

  const sarcasmCue = sarcasmOf(items, emoji);
  const lastContrast = items.findLastIndex((i) => i.role === 'contrast');
  let negation: { left: number; clause: number } | undefined;
  for (const item of items) {
    const { word, polar, role } = item;
    if (role === 'negator' || role === 'arabizi-negator') negation = { left: negationWindow, clause: word.clause };
    if (role === 'sarcasm') add(sarcasmWeight, `sarcasm:${item.key}`);
    if (!polar) {
      if (word.elongated && isQuestionWord(word)) add(exasperation, `elongated:${word.norm}`);
      if (negation && !role) negation.left -= 1;
      if (negation && (negation.left <= 0 || negation.clause !== word.clause)) negation = undefined;
      continue;
    }
    let weight = polar.weight;
    let cue = `lexicon:${polar.key}`;
    if (polar.negatedInside || (negation && negation.clause === word.clause)) {
      // Negated mild praise ("doesn't work", "ما وصل", "not ok") is still a full complaint.
      weight = weight > 0 ? flipPositive * Math.max(1, weight) : weight * flipNegative;
      cue = `negated:${polar.key}`;
      negation = undefined;
    }
    const near = neighbours(items, item.index);
    if (near.includes('intensifier')) { weight *= boost; note(`intensified:${polar.key}`); }
    if (near.includes('diminisher')) weight *= soften;
    if (word.elongated) { weight *= boost; note(`elongated:${polar.key}`); }
    if (word.caps) { weight *= boost; note(`caps:${word.raw}`); }
    if (lastContrast >= 0) weight *= item.index < lastContrast ? beforeContrast : afterContrast;
    if (sarcasmCue && weight > 0) { weight *= flipPositive; cue = `sarcasm:${polar.key}`; }
    add(weight, cue);
  }
  for (const [symbol, count] of emoji) {
    const weight = emojiWeights[symbol];
    if (weight !== undefined) add(weight * (1 + 0.25 * Math.min(count - 1, 3)), `emoji:${symbol}`);
  }
  for (const [emoticon, weight] of emoticonsIn(text)) add(weight, `emoticon:${emoticon}`);
  if (sarcasmCue) note(`sarcasm:${sarcasmCue}`);
  if (laughs(text)) add(laughter, 'laughter');

  let raw = parts.reduce((a, b) => a + b, 0);
  const capsWords = words.filter((w) => w.caps).length;
  const loud = capsWords >= 2 && capsWords >= 0.6 * words.filter((w) => w.script === 'latn' && w.raw.length >= 3).length;
  if (loud) { raw = raw * 1.25 + shouting; parts.push(shouting); cues.push('caps:shouting'); }
  if (/!{2,}/u.test(text)) { raw *= 1.25; cues.push('punct:!!'); }
  if (/[?؟]{2,}|[?؟]!|![?؟]/u.test(text)) {
    cues.push('punct:??');
    if (raw > 0) raw *= 1.25;
    else { raw = raw * 1.25 + frustratedQuestion; parts.push(frustratedQuestion); }
  }
  return decide(raw, parts, cues);
}

/** Words grouped into phrases and modifiers, in order. */
function itemsOf(words: readonly Word[], useArabizi: boolean, arabiziText: boolean): Item[] {
  const items: Item[] = [];
  for (let at = 0; at < words.length;) {
    const word = words[at] as Word;
    const phrase = matchPhrase(words, at);
    if (phrase) {
      items.push({ word, key: phrase.key, index: items.length, polar: phrase.polar, role: phrase.role });
      at += phrase.length;
      continue;
    }
    const role = roleOf(word);
    let usable = role === 'arabizi-negator' ? (arabiziText ? role : undefined) : role;
    // "ما أجمل…" (how lovely!) is an exclamation: ما before a four-letter أفعل does not negate.
    if (word.norm === 'ما' && /^ا[^ا]{3}$/u.test(words[at + 1]?.norm ?? '')) usable = undefined;
    items.push({ word, key: word.norm, index: items.length, role: usable, polar: usable ? undefined : lookupWord(word, useArabizi) });
    at += 1;
  }
  return items;
}

/** Modifier roles of the two items before and the one after (Arabic puts "جدا" after), same clause. */
function neighbours(items: readonly Item[], index: number): Array<Role | undefined> {
  const clause = items[index]?.word.clause;
  return [items[index - 2], items[index - 1], items[index + 1]].filter((i) => i?.word.clause === clause).map((i) => i?.role);
}

function sarcasmOf(items: readonly Item[], emoji: ReadonlyMap<string, number>): string | undefined {
  const phrase = items.find((i) => i.role === 'sarcasm');
  if (phrase) return phrase.key;
  if (!items.some((i) => (i.polar?.weight ?? 0) > 0)) return undefined;
  return [...emoji.keys()].find((e) => sarcasmEmoji.has(e));
}

function decide(raw: number, parts: readonly number[], cues: string[]): LexiconReading {
  const score = Math.tanh(raw / 2);
  const label: SentimentLabel = score >= neutralBand ? 'positive' : score <= -neutralBand ? 'negative' : 'neutral';
  const positive = parts.filter((p) => p > 0).reduce((a, b) => a + b, 0);
  const negative = -parts.filter((p) => p < 0).reduce((a, b) => a + b, 0);
  const evidence = positive + negative;
  let confidence: number;
  if (evidence === 0) confidence = 0.5; // words but no cue: probably neutral, not certainly
  else if (label === 'neutral') confidence = 0.2 + 0.5 * (1 - Math.abs(score) / neutralBand);
  else confidence = (Math.abs(positive - negative) / evidence) * (0.4 + 0.6 * (1 - Math.exp(-evidence / 2)));
  return { label, score: round(score), confidence: round(confidence), cues, positive, negative };
}

export const round = (x: number) => Math.round(x * 1000) / 1000 + 0;
