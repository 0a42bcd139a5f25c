/**
 * The hand-off brief: what an agent reads before answering, and what travels with every transfer,
 * so nobody asks the customer twice. The input is structural (plain data, no store types) so the
 * builder stays pure and callers from any module can fill it.
 */

/** The agent's UI language: the brief's own words are written in it, quotes stay as written. */
export type BriefLocale = 'en' | 'ar';

export type BriefMessageKind = 'customer' | 'agent' | 'note' | 'bot' | 'system';

export interface BriefFact {
  kind: string;
  value: string;
}

export interface BriefMessage {
  seq: number;
  kind: BriefMessageKind;
  authorName?: string | null;
  body: string;
  createdAt: Date;
}

export interface BriefTransfer {
  /** Display names (agent or team) as the agent would recognise them. */
  from: string;
  to: string;
  reason: string;
  at: Date;
}

export interface BriefInput {
  customer: {
    name: string | null;
    tier?: string | null;
    /** Email, phone… as { kind, value }. */
    identities: ReadonlyArray<{ kind: string; value: string }>;
    /** Conversations before this one. */
    earlierConversations: number;
    contactSince: Date;
  };
  conversation: {
    number: number;
    channel: string;
    status: string;
    priority: string;
    language: string | null;
    tags: readonly string[];
    createdAt: Date;
    ownerName?: string | null;
    teamName?: string | null;
  };
  triage: {
    /** 'ar' | 'ar-Latn' | 'en' | 'fr' | 'und', or null before the first reading. */
    language: string | null;
    dialect: string | null;
    intent: { label: string; confidence: number } | null;
    sentiment: { label: string; score: number } | null;
    urgency: { level: string; reasons: readonly string[] } | null;
    facts: readonly BriefFact[];
  };
  /** Oldest first; may be long, the builder picks what matters. */
  messages: readonly BriefMessage[];
  transfers: readonly BriefTransfer[];
  /** The moment the brief is for; never read from a clock inside the builder. */
  now: Date;
}

export interface Brief {
  /** 2–4 plain sentences in the agent's locale. */
  summary: string;
  /** One line: name, tier, identities, history. */
  customer: string;
  /** The customer's language (and dialect) named in the agent's locale. */
  language: string;
  /** The intent label, or null when there is none or it is out of scope. */
  intent: string | null;
  /** Each fact once. */
  facts: BriefFact[];
  /** What agents, bots and notes already did or asked, with short quotes. */
  tried: string[];
  /** Commitments made to the customer by agents or the bot, sentence as written. */
  promised: string[];
  /** The customer's latest ask that nobody on our side has answered yet. */
  openQuestion: string | null;
  source: 'local' | 'endpoint';
  /** Why the endpoint's brief was not used; only when an endpoint was set and failed. */
  fallbackReason?: string;
}
