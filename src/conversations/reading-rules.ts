/**
 * What a conversation knows of its customer's intent, mood and urgency. Triage proposes readings
 * after every customer message; an agent may set the intent by hand. Pure.
 */
export const sentiments = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof sentiments)[number];

export const urgencies = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof urgencies)[number];

export type IntentSource = 'model' | 'agent';

export interface ConversationReading {
  intent: string | null;
  intentConfidence: number | null;
  intentSource: IntentSource | null;
  sentiment: Sentiment | null;
  sentimentScore: number | null;
  urgency: Urgency | null;
  urgencyScore: number | null;
  urgencyReasons: string[];
}

/** A proposed change: fields left out stay as they are. */
export type ReadingChange = Partial<ConversationReading>;

/**
 * Merges a proposed reading into the current one. A model never overwrites an intent an agent set:
 * the agent read the whole conversation, the model one message.
 */
export function mergeReading(current: ConversationReading, change: ReadingChange): ConversationReading {
  const agentSaid = current.intentSource === 'agent' && change.intentSource !== 'agent';
  const intentChanges = change.intent !== undefined && !agentSaid;
  return {
    intent: intentChanges ? (change.intent ?? null) : current.intent,
    intentConfidence: intentChanges ? (change.intentConfidence ?? null) : current.intentConfidence,
    intentSource: intentChanges ? (change.intent === null ? null : (change.intentSource ?? 'model')) : current.intentSource,
    sentiment: change.sentiment === undefined ? current.sentiment : change.sentiment,
    sentimentScore: change.sentimentScore === undefined ? current.sentimentScore : change.sentimentScore,
    urgency: change.urgency === undefined ? current.urgency : change.urgency,
    urgencyScore: change.urgencyScore === undefined ? current.urgencyScore : change.urgencyScore,
    urgencyReasons: change.urgencyReasons ?? current.urgencyReasons,
  };
}

export function sameReading(a: ConversationReading, b: ConversationReading): boolean {
  return a.intent === b.intent && a.intentConfidence === b.intentConfidence && a.intentSource === b.intentSource && a.sentiment === b.sentiment
    && a.sentimentScore === b.sentimentScore && a.urgency === b.urgency && a.urgencyScore === b.urgencyScore
    && a.urgencyReasons.join('\n') === b.urgencyReasons.join('\n');
}
