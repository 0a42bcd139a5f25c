/**
 * readSentiment: the lexicon and rules for every message; for Arabic-script text the learnt linear
 * model (arabic-model.ts) then decides, taking the lexicon's evidence as input, unless the lexicon
 * is already sure (|score| ≥ 0.6) or rests on negation or sarcasm, which a bag of
 * n-grams cannot see ("ماعجبني" looks like عجبني to it). Support wording the lexicon knows ("ما حد يرد", "قرفتوني") should
 * not be overruled by a model that learnt from tweets about politics and football. Pure.
 */
import { arabicFeatures, decodeModel, modelLabels, predict, type LinearModel } from './arabic-model.ts';
import { arabicModelWeights } from './arabic-model-weights.ts';
import { readLexicon, round, type Sentiment } from './lexicon-reading.ts';

export { neutralBand, type Sentiment, type SentimentLabel } from './lexicon-reading.ts';

/** At or beyond this lexical |score| the lexicon's label stands (±1.4 of evidence: one strong word). */
export const lexiconTrusted = 0.6;

export type SentimentReader = (text: string, language?: string) => Sentiment;

const RULE_CUE = /^(?:negated|sarcasm):/u;
const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/gu;

function isArabicScript(text: string, language?: string): boolean {
  if (language === 'en' || language === 'ar-Latn') return false;
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  return arabic > 0 && arabic >= (text.match(LATIN_LETTER)?.length ?? 0);
}

/** With no lexical cue at all, the model calls a message polar only at this probability: plain requests stay neutral. */
export const modelPolarFloor = 0.55;

export interface ReaderOptions {
  trusted?: number;
  polarFloor?: number;
}

/** A reader over a given model (null: lexicon only); the bench uses it for cross-validation. */
export function createSentimentReader(model: LinearModel | null, options: ReaderOptions = {}): SentimentReader {
  const { trusted = lexiconTrusted, polarFloor = modelPolarFloor } = options;
  return (text, language) => {
    const { positive, negative, ...lexical } = readLexicon(text, language);
    if (!model || lexical.confidence === 0 || !isArabicScript(text, language)) return lexical;
    if (Math.abs(lexical.score) >= trusted || (lexical.label !== 'neutral' && lexical.cues.some((c) => RULE_CUE.test(c)))) return lexical;
    const p = predict(model, arabicFeatures(text, { positive, negative, score: lexical.score }, model.bits));
    let best = p.indexOf(Math.max(...p));
    if (lexical.cues.length === 0 && (p[best] ?? 0) < polarFloor) best = modelLabels.indexOf('neutral');
    const label = modelLabels[best] ?? 'neutral';
    const score = (p[2] ?? 0) - (p[0] ?? 0);
    return { label, score: round(score), confidence: round(p[best] ?? 0), cues: [...lexical.cues, `model:${label}`] };
  };
}

let shipped: SentimentReader | undefined;

/**
 * Sentiment of one support message: label, score in -1…1, confidence in 0…1 and the cues behind it.
 * `language` is optional ('en', 'ar', 'ar-Latn'…): 'en' turns Arabizi words off, 'ar-Latn' turns
 * short Arabizi negators on; without it both are guessed from the text.
 */
export function readSentiment(text: string, language?: string): Sentiment {
  // Decoded on first use, once: a few ms that a process that never reads sentiment does not pay.
  shipped ??= createSentimentReader(decodeModel(arabicModelWeights));
  return shipped(text, language);
}
