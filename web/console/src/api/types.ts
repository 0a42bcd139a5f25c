/** The shapes the console reads from Sanad's HTTP API (see /api/openapi.json). */

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

/** GET /api/v1/routing/overview: one queue per team and channel. */
export interface RoutingQueue {
  teamId: string | null;
  channel: string;
  waiting: number;
  oldestWaitSeconds: number;
}

export interface RoutingAgentLoad {
  id: string;
  name: string;
  status: string;
  /** Open conversations per channel. */
  load: Record<string, number>;
  /** Seats offered per channel. */
  capacity: Record<string, number>;
  /** 0…1: seats in use over seats offered. */
  occupancy: number;
}

export interface WaitingConversation {
  conversationId: string;
  waitedSeconds: number;
  wouldGoTo: string | null;
  /** Why nobody has it yet: no_agent_online, all_at_capacity… (null when an agent would get it). */
  reason: string | null;
}

export interface RoutingOverview {
  queues: RoutingQueue[];
  agents: RoutingAgentLoad[];
  waiting: WaitingConversation[];
}

export type TransferStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

/** A warm transfer: the owner keeps the conversation until the agent (or a member of the team) accepts. */
export interface TransferRequest {
  id: string;
  conversationId: string;
  fromAgentId: string | null;
  /** Who asked: the owner, or a supervisor handing over someone else's conversation. */
  requestedBy: string | null;
  toAgentId: string | null;
  toTeamId: string | null;
  reason: string;
  status: TransferStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  declineReason: string | null;
}

export interface NewTransferInput {
  toAgentId?: string | null;
  toTeamId?: string | null;
  reason: string;
}

export const conditionOps = ['is', 'is_not', 'in', 'not_in', 'contains', 'exists', 'between', 'not_between'] as const;
export type ConditionOp = (typeof conditionOps)[number];
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];
export const rulePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type RulePriority = (typeof rulePriorities)[number];

export interface TimeWindow {
  days?: Weekday[];
  from: string;
  to: string;
}

export type RuleScalar = string | number | boolean;
export type ConditionValue = RuleScalar | RuleScalar[] | TimeWindow | null;

/** field: channel | language | intent | time | contact.<attribute>. */
export interface RoutingCondition {
  field: string;
  op: ConditionOp;
  value?: ConditionValue;
}

export interface RoutingActions {
  teamId?: string | null;
  addSkills?: string[];
  priority?: RulePriority;
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RoutingCondition[];
  actions: RoutingActions;
  stop: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RoutingRuleInput {
  name: string;
  enabled?: boolean;
  conditions: RoutingCondition[];
  actions: RoutingActions;
  stop?: boolean;
}

/** POST /api/v1/routing/rules/test: what the rules would do now (nothing is changed). */
export interface RoutingRuleTest {
  at: string;
  subject: { channel: string; language: string | null; intent: string | null; timeZone: string; contact: Record<string, unknown> };
  outcome: { teamId?: string | null; skills: string[]; priority?: RulePriority; matchedRuleIds: string[] };
  effects: { teamId?: string | null; priority?: RulePriority; kept: string[] };
}

/** A weekly window: day 0 = Sunday, 'HH:MM' to 'HH:MM'. */
export interface ShiftWindow {
  day: number;
  start: string;
  end: string;
}

export interface AgentSchedule {
  agentId: string;
  shifts: ShiftWindow[];
  onCallExpert: boolean;
}

export interface TeamRouting {
  teamId: string;
  overflowTo: string | null;
  overflowAfterSeconds: number;
  hours: { timeZone: string; windows: ShiftWindow[] } | null;
  onCallTeamId: string | null;
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

export interface EmailAddress {
  address: string;
  /** '' when the mail gave no display name. */
  name: string;
}

export const deliveryStatuses = ['queued', 'sent', 'retrying', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Whether an outbound mail reached the relay. */
export interface EmailDelivery {
  id: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  recipients: string[];
}

/** One message's email (GET /api/v1/conversations/:id/email). */
export interface EmailView {
  /** The conversation message this mail is. */
  messageId: string;
  direction: 'inbound' | 'outbound';
  rfcMessageId: string;
  subject: string;
  from: EmailAddress | null;
  replyTo: string | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  /**
   * Sanitised on the server (no script, no handlers, no positioning); remote images hold their URL
   * in data-sanad-remote-src until the agent asks. Still rendered only inside a sandboxed frame.
   */
  html: string | null;
  blockedImages: number;
  /** The whole text; the message's body is its visible (folded) part. */
  text: string;
  /** Quoted history folded away from the text, if any. */
  quoted: string | null;
  /** The HTML has quoted history the console may fold, and words left to show without it. */
  htmlQuoteFoldable: boolean;
  textDirection: 'ltr' | 'rtl';
  /** An auto-reply or a bounce. */
  automatic: boolean;
  inboundId: string | null;
  /** Attachments the HTML already shows in place (cid: pictures): not listed again. */
  inlineAttachmentIds: string[];
  delivery: EmailDelivery | null;
  createdAt: string;
}

export type MailboxInbound = 'smtp' | 'imap';

export interface MailboxImap {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  folder: string;
  pollSeconds: number;
}

/** A mailbox as the API shows it: never its IMAP password, only whether one is stored. */
export interface Mailbox {
  id: string;
  address: string;
  name: string;
  teamId: string | null;
  inbound: MailboxInbound;
  imap: MailboxImap | null;
  hasImapPassword: boolean;
  autoAcknowledge: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MailboxImapInput {
  host: string;
  port?: number;
  secure?: boolean;
  user: string;
  /** Sent only when the admin typed one; left out, the stored password is kept. */
  password?: string;
  folder?: string;
  pollSeconds?: number;
}

/** POST /api/v1/email/mailboxes and (every field optional) PATCH /api/v1/email/mailboxes/:id. */
export interface MailboxInput {
  address: string;
  name: string;
  teamId?: string | null;
  inbound: MailboxInbound;
  imap?: MailboxImapInput | null;
  autoAcknowledge?: boolean;
  enabled?: boolean;
}

export const inboundStatuses = ['received', 'processed', 'ignored', 'failed'] as const;
export type InboundStatus = (typeof inboundStatuses)[number];

/** Mail as it arrived (GET /api/v1/email/inbound); status 'failed' could not be read. */
export interface InboundMail {
  id: string;
  mailboxId: string;
  source: MailboxInbound;
  size: number;
  messageId: string | null;
  from: string | null;
  status: InboundStatus;
  problems: string[];
  error: string | null;
  conversationId: string | null;
  receivedAt: string;
  processedAt: string | null;
}
