/** The shapes the console reads from Sanad's HTTP API (see /api/openapi.json). */

export * from './email-types';
export * from './routing-types';

export const conversationStatuses = ['open', 'pending', 'resolved', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const messageKinds = ['customer', 'agent', 'note', 'bot', 'system'] as const;
export type MessageKind = (typeof messageKinds)[number];

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Channel = 'chat' | 'email' | 'sms' | 'whatsapp' | 'telegram' | 'callback' | 'api';
export const urgencyLevels = ['low', 'normal', 'high', 'critical'] as const;
export type UrgencyLevel = (typeof urgencyLevels)[number];
export const sentiments = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof sentiments)[number];
/** Who set the intent: the intent model, or an agent by hand (a model never overwrites an agent). */
export type IntentSource = 'model' | 'agent';

export interface Conversation {
  id: string;
  workspaceId: string;
  number: number;
  contactId: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  ownerId: string | null;
  teamId: string | null;
  tags: string[];
  subject: string | null;
  language: string | null;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Triage's reading of the customer's messages (null until the first customer message is read). */
  intent: string | null;
  intentConfidence: number | null;
  intentSource: IntentSource | null;
  sentiment: Sentiment | null;
  sentimentScore: number | null;
  urgency: UrgencyLevel | null;
  /** 0…100. */
  urgencyScore: number | null;
  /** Stable codes, strongest first: 'wording:fraud', 'tier:vip', 'repeat:2', 'wait:>5m', 'sentiment:negative'… */
  urgencyReasons: string[];
}

export interface MessageAuthor {
  type: string;
  id?: string;
  /** Socket frames carry a display name; the REST API does not. */
  name?: string;
}

/** A file on a message (or uploaded, waiting to be attached to one). */
export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  kind: MessageKind;
  author: MessageAuthor;
  body: string;
  clientId: string | null;
  attachments: Attachment[];
  createdAt: string;
}

export interface Agent {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: 'admin' | 'supervisor' | 'agent';
  status: string;
  teamIds: string[];
  active: boolean;
}

export interface Team {
  id: string;
  name: string;
  description: string;
  memberIds: string[];
}

export interface Identity {
  kind: 'email' | 'phone' | 'visitor' | 'external';
  value: string;
}

export interface Contact {
  id: string;
  name: string | null;
  language: string | null;
  attributes: Record<string, unknown>;
  identities: Identity[];
  mergedFrom: string[];
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Session {
  agent: Agent;
  csrfToken: string;
}

/** A key fact read from a customer message: an order number, ticket, email, phone, amount or date. */
export interface TriageFact {
  kind: string;
  value: string;
  raw: string;
  start: number;
  end: number;
}

/** What triage read in one customer message. */
export interface TriageReading {
  messageId: string;
  seq: number;
  language: string;
  dialect: string | null;
  mixed: boolean;
  languageConfidence: number;
  intent: string | null;
  intentConfidence: number | null;
  facts: TriageFact[];
  readAt: string;
}

/** GET /api/v1/conversations/:id/triage. */
export interface ConversationTriage {
  language: string | null;
  dialect: string | null;
  facts: TriageFact[];
  readings: TriageReading[];
}

/** GET /api/v1/conversations/:id/brief: the hand-off brief. */
export interface HandoffBrief {
  summary: string;
  customer: string;
  language: string;
  intent: string | null;
  facts: { kind: string; value: string }[];
  tried: string[];
  promised: string[];
  openQuestion: string | null;
  source: 'local' | 'endpoint';
  fallbackReason?: string;
}

export interface IntentCategory {
  name: string;
  description: string;
  teamId: string | null;
  archived: boolean;
  /** How many examples teach it. */
  examples: number;
  createdAt: string;
  updatedAt: string;
}

export interface CategoryExample {
  id: string;
  label: string;
  text: string;
  lang: string | null;
  source: 'curated' | 'agent';
  conversationId: string | null;
  createdAt: string;
}

export interface ExampleInput {
  text: string;
  lang?: string | null;
}

export interface NewCategoryInput {
  name: string;
  description?: string;
  teamId?: string | null;
  examples: ExampleInput[];
}

export interface CategoryPatch {
  description?: string;
  teamId?: string | null;
  archived?: boolean;
}

export interface ModelScore {
  examples: number;
  accuracy: number;
  macroF1: number;
}

export type ModelStatus = 'active' | 'retired' | 'refused';

export interface ModelVersion {
  id: string;
  version: number;
  status: ModelStatus;
  decision: string;
  labels: string[];
  trainedOn: number;
  heldOut: number;
  score: ModelScore;
  /** The model in use when this one was judged, on the same held-out examples. */
  activeScore: ModelScore | null;
  trainMs: number;
  createdAt: string;
  activatedAt: string | null;
}

export interface BriefEndpointView {
  baseUrl: string;
  model: string;
  timeoutMs: number;
  apiKeySet: boolean;
}

export interface TriageSettings {
  briefEndpoint: BriefEndpointView | null;
}

/** PUT /api/v1/triage/settings: leaving apiKey out keeps the stored key. */
export interface BriefEndpointInput {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

export const callbackStatuses = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type CallbackStatus = (typeof callbackStatuses)[number];

/** A promised call (GET/POST /api/v1/callbacks): the work itself is a conversation on the 'callback' channel. */
export interface Callback {
  id: string;
  conversationId: string;
  contactId: string;
  /** The chat the customer asked from (widget callbacks only). */
  sourceConversationId: string | null;
  /** Normalised (e.g. +966551234567). */
  phone: string;
  windowStart: string;
  windowEnd: string;
  /** The customer's IANA time zone. */
  timeZone: string;
  note: string | null;
  status: CallbackStatus;
  /** The owner of the callback's conversation. */
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/v1/callbacks/summary. */
export interface CallbackSummary {
  scheduled: number;
  done: number;
  missed: number;
  cancelled: number;
  /** Missed with a window that ended in the last 7 days. */
  missedLast7Days: number;
}

/** POST /api/v1/callbacks: a contact or a phone (phone wins), a window and its time zone. */
export interface NewCallbackInput {
  contactId?: string;
  phone?: string;
  windowStart: string;
  windowEnd: string;
  timeZone: string;
  note?: string;
  teamId?: string | null;
  language?: string | null;
}
