/**
 * Which intent a conversation takes from its messages' readings. The first in-scope reading sets
 * it; a later message replaces it only when read with more confidence ("thanks, ok" must not turn
 * a refund into small talk). Out-of-scope readings never set one: routing then treats the
 * conversation as unclassified and a human decides. An agent's choice is final. Pure.
 */
export interface CurrentIntent {
  intent: string | null;
  intentConfidence: number | null;
  intentSource: 'model' | 'agent' | null;
}

export function proposeIntent(current: CurrentIntent, read: { label: string; confidence: number } | null, oosLabel: string): { intent: string; intentConfidence: number } | null {
  if (!read || read.label === oosLabel || current.intentSource === 'agent') return null;
  if (current.intent === null || read.confidence > (current.intentConfidence ?? 0)) return { intent: read.label, intentConfidence: read.confidence };
  return null;
}

export interface CurrentUrgency {
  urgencyScore: number | null;
}

/**
 * Urgency only rises while a conversation is open: "thanks, waiting" after "my card was used for
 * fraud" does not make it less urgent. Mood follows the latest message.
 */
export function proposeUrgency<T extends { score: number }>(current: CurrentUrgency, read: T): T | null {
  return current.urgencyScore === null || read.score > current.urgencyScore ? read : null;
}
