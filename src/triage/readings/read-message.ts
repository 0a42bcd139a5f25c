import { extractFacts, type Fact } from '../facts/extract-facts.ts';
import type { IntentModel } from '../intent/model.ts';
import { identifyLanguage, type LanguageGuess } from '../language/identify-language.ts';
import { readSentiment, type Sentiment } from '../sentiment/index.ts';
import { assessUrgency, type Urgency } from '../urgency/index.ts';

/** What triage reads in one customer message. */
export interface Reading {
  language: LanguageGuess;
  facts: Fact[];
  /** Null until the workspace has an intent model. */
  intent: { label: string; confidence: number } | null;
  sentiment: Sentiment;
  urgency: Urgency;
}

/** Who wrote and how long they have waited: what urgency weighs besides the words. */
export interface ReadingContext {
  tier: string | null;
  contactsInLastDay: number;
  waitedSeconds: number;
  channel: string;
}

/** Pure: text (and the day it was written, for "yesterday") in, reading out. */
export function readMessage(text: string, writtenOn: Date, model: IntentModel | null, context: ReadingContext): Reading {
  const classified = model?.classify(text) ?? null;
  const language = identifyLanguage(text);
  const sentiment = readSentiment(text, language.language);
  return {
    language,
    facts: extractFacts(text, { referenceDate: writtenOn.toISOString().slice(0, 10) }),
    intent: classified ? { label: classified.label, confidence: classified.confidence } : null,
    sentiment,
    urgency: assessUrgency({ text, sentiment, ...context }),
  };
}
