import { extractFacts, type Fact } from '../facts/extract-facts.ts';
import type { IntentModel } from '../intent/model.ts';
import { identifyLanguage, type LanguageGuess } from '../language/identify-language.ts';

/** What triage reads in one customer message. */
export interface Reading {
  language: LanguageGuess;
  facts: Fact[];
  /** Null until the workspace has an intent model. */
  intent: { label: string; confidence: number } | null;
}

/** Pure: text (and the day it was written, for "yesterday") in, reading out. */
export function readMessage(text: string, writtenOn: Date, model: IntentModel | null): Reading {
  const classified = model?.classify(text) ?? null;
  return {
    language: identifyLanguage(text),
    facts: extractFacts(text, { referenceDate: writtenOn.toISOString().slice(0, 10) }),
    intent: classified ? { label: classified.label, confidence: classified.confidence } : null,
  };
}
