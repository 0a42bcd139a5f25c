import { HttpClient, type HttpClientOptions } from './http';
import type {
  Agent, AgentSchedule, Attachment, Callback, CallbackStatus, CallbackSummary, BriefEndpointInput, CategoryExample, CategoryPatch, Contact, Conversation, ConversationStatus, ConversationTriage, EmailView, HandoffBrief,
  InboundMail, InboundStatus, IntentCategory, Mailbox, MailboxInput, Message, ModelVersion, NewCallbackInput, NewCategoryInput, NewTransferInput, Page, RoutingOverview, RoutingRule, RoutingRuleInput, RoutingRuleTest,
  Session, ShiftWindow, Team, TeamRouting, TransferRequest, TransferStatus, TriageSettings,
} from './types';
import { filterToQuery, type InboxFilter } from '../state/filters';

export interface AssignInput {
  ownerId?: string | null;
  teamId?: string | null;
  reason?: string;
}

export interface PostMessageInput {
  kind: 'agent' | 'note';
  body: string;
  clientId: string;
  attachmentIds?: readonly string[];
}

/** Where an agent's browser downloads an attachment (the session cookie authorises it). */
export function attachmentUrl(id: string): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}`;
}

/** Where an admin downloads a mail exactly as it arrived (message/rfc822, never rendered). */
export function inboundRawUrl(id: string): string {
  return `/api/v1/email/inbound/${encodeURIComponent(id)}/raw`;
}

/** Every message has an `attachments` list, even from a server that leaves it out. */
const withAttachments = (m: Message): Message => (Array.isArray(m.attachments) ? m : { ...m, attachments: [] });

/** Every endpoint the console calls, typed. */
export class SanadApi {
  readonly http: HttpClient;

  constructor(options: HttpClientOptions = {}) {
    this.http = new HttpClient(options);
  }

  async login(email: string, password: string): Promise<Session> {
    const session = await this.http.post<Session>('/api/v1/auth/login', { email, password });
    this.http.setCsrfToken(session.csrfToken);
    return session;
  }

  async session(): Promise<Session> {
    const session = await this.http.get<Session>('/api/v1/auth/session');
    this.http.setCsrfToken(session.csrfToken);
    return session;
  }

  async logout(): Promise<void> {
    await this.http.post('/api/v1/auth/logout');
    this.http.setCsrfToken(null);
  }

  conversations(filter: InboxFilter, cursor?: string | null, limit = 30, signal?: AbortSignal): Promise<Page<Conversation>> {
    return this.http.get('/api/v1/conversations', { ...filterToQuery(filter), cursor, limit }, signal);
  }

  contactConversations(contactId: string, cursor?: string | null, signal?: AbortSignal): Promise<Page<Conversation>> {
    return this.http.get('/api/v1/conversations', { contactId, sort: 'recent_activity', cursor, limit: 50 }, signal);
  }

  conversation(id: string, signal?: AbortSignal): Promise<Conversation> {
    return this.http.get(`/api/v1/conversations/${encodeURIComponent(id)}`, {}, signal);
  }

  async messages(conversationId: string, afterSeq: number, signal?: AbortSignal): Promise<Page<Message>> {
    const page: Page<Message> = await this.http.get(`/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { afterSeq, limit: 200 }, signal);
    return { ...page, items: page.items.map(withAttachments) };
  }

  /** Every message after `afterSeq`, following the cursor to the end. */
  async allMessagesAfter(conversationId: string, afterSeq: number, signal?: AbortSignal): Promise<Message[]> {
    const out: Message[] = [];
    let from = afterSeq;
    for (;;) {
      const page = await this.messages(conversationId, from, signal);
      out.push(...page.items);
      const last = page.items.at(-1);
      if (!page.nextCursor || !last) return out;
      from = last.seq;
    }
  }

  /** Sends a reply or note; `attachmentIds` are files uploaded beforehand with `uploadAttachment` (at most 5). */
  postMessage(conversationId: string, input: PostMessageInput): Promise<Message> {
    const { attachmentIds, ...rest } = input;
    const body = attachmentIds && attachmentIds.length > 0 ? { ...rest, attachmentIds: [...attachmentIds] } : rest;
    return this.http.post<Message>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body).then(withAttachments);
  }

  /** Uploads a picture or PDF as raw bytes; the answer's id goes in the next message's `attachmentIds`. */
  uploadAttachment(file: Blob, name: string, contentType: string, signal?: AbortSignal): Promise<Attachment> {
    return this.http.postBytes(`/api/v1/attachments?name=${encodeURIComponent(name)}`, file, contentType, signal);
  }

  setStatus(conversationId: string, status: ConversationStatus): Promise<Conversation> {
    return this.http.post(`/api/v1/conversations/${encodeURIComponent(conversationId)}/status`, { status });
  }

  assign(conversationId: string, input: AssignInput): Promise<Conversation> {
    return this.http.post(`/api/v1/conversations/${encodeURIComponent(conversationId)}/assign`, input);
  }

  /** What triage read in the customer's messages: language, dialect, key facts. */
  triage(conversationId: string, signal?: AbortSignal): Promise<ConversationTriage> {
    return this.http.get(`/api/v1/conversations/${encodeURIComponent(conversationId)}/triage`, {}, signal);
  }

  /** The hand-off brief, written in the agent's UI language. */
  brief(conversationId: string, locale: 'en' | 'ar', signal?: AbortSignal): Promise<HandoffBrief> {
    return this.http.get(`/api/v1/conversations/${encodeURIComponent(conversationId)}/brief`, { locale }, signal);
  }

  /** Re-categorises a conversation by hand (the correction teaches the next model). */
  setIntent(conversationId: string, intent: string): Promise<Conversation> {
    return this.http.put(`/api/v1/conversations/${encodeURIComponent(conversationId)}/intent`, { intent });
  }

  async categories(signal?: AbortSignal): Promise<IntentCategory[]> {
    const answer: { items: IntentCategory[] } = await this.http.get('/api/v1/triage/categories', {}, signal);
    return answer.items;
  }

  createCategory(input: NewCategoryInput): Promise<IntentCategory> {
    return this.http.post('/api/v1/triage/categories', input);
  }

  updateCategory(name: string, patch: CategoryPatch): Promise<IntentCategory> {
    return this.http.patch(`/api/v1/triage/categories/${encodeURIComponent(name)}`, patch);
  }

  categoryExamples(name: string, cursor?: string | null, signal?: AbortSignal): Promise<Page<CategoryExample>> {
    return this.http.get(`/api/v1/triage/categories/${encodeURIComponent(name)}/examples`, { cursor, limit: 50 }, signal);
  }

  addExamples(name: string, texts: readonly string[]): Promise<IntentCategory> {
    return this.http.post(`/api/v1/triage/categories/${encodeURIComponent(name)}/examples`, { examples: texts.map((text) => ({ text })) });
  }

  /** Intent model versions, newest first. */
  models(cursor?: string | null, signal?: AbortSignal): Promise<Page<ModelVersion>> {
    return this.http.get('/api/v1/triage/models', { cursor, limit: 50 }, signal);
  }

  /** Trains a new version now; it is shipped only if it is not worse than the one in use. */
  trainModel(): Promise<ModelVersion> {
    return this.http.post('/api/v1/triage/models');
  }

  /** Puts a kept (shipped) version back in use. */
  activateModel(id: string): Promise<ModelVersion> {
    return this.http.post(`/api/v1/triage/models/${encodeURIComponent(id)}/activate`);
  }

  triageSettings(signal?: AbortSignal): Promise<TriageSettings> {
    return this.http.get('/api/v1/triage/settings', {}, signal);
  }

  /** Sets (or, with null, clears) the endpoint that writes briefs. */
  saveTriageSettings(briefEndpoint: BriefEndpointInput | null): Promise<TriageSettings> {
    return this.http.put('/api/v1/triage/settings', { briefEndpoint });
  }

  contact(id: string, signal?: AbortSignal): Promise<Contact> {
    return this.http.get(`/api/v1/contacts/${encodeURIComponent(id)}`, {}, signal);
  }

  searchContacts(q: string, signal?: AbortSignal): Promise<Page<Contact>> {
    return this.http.get('/api/v1/contacts', { q, limit: 8 }, signal);
  }

  /** Supervisors' picture: queues, agents' load, and why each waiting conversation waits. */
  routingOverview(signal?: AbortSignal): Promise<RoutingOverview> {
    return this.http.get('/api/v1/routing/overview', {}, signal);
  }

  /** Warm transfer: asks an agent or a team to take over; the owner keeps it until accepted (409 TRANSFER_PENDING if one waits). */
  requestTransfer(conversationId: string, input: NewTransferInput): Promise<TransferRequest> {
    return this.http.post(`/api/v1/conversations/${encodeURIComponent(conversationId)}/transfers`, input);
  }

  async transfers(query: { status?: TransferStatus; conversationId?: string; limit?: number } = {}, signal?: AbortSignal): Promise<TransferRequest[]> {
    const answer: { items: TransferRequest[] } = await this.http.get('/api/v1/transfers', { ...query }, signal);
    return answer.items;
  }

  acceptTransfer(id: string): Promise<TransferRequest> {
    return this.http.post(`/api/v1/transfers/${encodeURIComponent(id)}/accept`);
  }

  declineTransfer(id: string, reason?: string): Promise<TransferRequest> {
    return this.http.post(`/api/v1/transfers/${encodeURIComponent(id)}/decline`, reason ? { reason } : {});
  }

  cancelTransfer(id: string): Promise<TransferRequest> {
    return this.http.post(`/api/v1/transfers/${encodeURIComponent(id)}/cancel`);
  }

  async routingRules(signal?: AbortSignal): Promise<RoutingRule[]> {
    const answer: { items: RoutingRule[] } = await this.http.get('/api/v1/routing/rules', {}, signal);
    return answer.items;
  }

  createRoutingRule(input: RoutingRuleInput): Promise<RoutingRule> {
    return this.http.post('/api/v1/routing/rules', input);
  }

  updateRoutingRule(id: string, patch: Partial<RoutingRuleInput>): Promise<RoutingRule> {
    return this.http.patch(`/api/v1/routing/rules/${encodeURIComponent(id)}`, patch);
  }

  deleteRoutingRule(id: string): Promise<RoutingRule> {
    return this.http.delete(`/api/v1/routing/rules/${encodeURIComponent(id)}`);
  }

  async reorderRoutingRules(ids: readonly string[]): Promise<RoutingRule[]> {
    const answer: { items: RoutingRule[] } = await this.http.post('/api/v1/routing/rules/reorder', { ids: [...ids] });
    return answer.items;
  }

  /** The conversation with this number (the API has no lookup by number: pages through the newest, at most `maxPages` × 200). */
  async conversationByNumber(number: number, maxPages = 10): Promise<Conversation | null> {
    let cursor: string | null = null;
    for (let page = 0; page < maxPages; page += 1) {
      const answer: Page<Conversation> = await this.http.get('/api/v1/conversations', {
        status: ['open', 'pending', 'resolved', 'closed'], sort: 'newest', limit: 200, cursor,
      });
      const found = answer.items.find((c) => c.number === number);
      if (found) return found;
      cursor = answer.nextCursor;
      if (!cursor) return null;
    }
    return null;
  }

  /** Dry run: what the rules would do for this conversation now. */
  testRoutingRules(conversationId: string): Promise<RoutingRuleTest> {
    return this.http.post('/api/v1/routing/rules/test', { conversationId });
  }

  agentSchedule(agentId: string, signal?: AbortSignal): Promise<AgentSchedule> {
    return this.http.get(`/api/v1/routing/agents/${encodeURIComponent(agentId)}/schedule`, {}, signal);
  }

  saveAgentSchedule(agentId: string, input: { shifts: ShiftWindow[]; onCallExpert: boolean }): Promise<AgentSchedule> {
    return this.http.put(`/api/v1/routing/agents/${encodeURIComponent(agentId)}/schedule`, input);
  }

  teamRouting(teamId: string, signal?: AbortSignal): Promise<TeamRouting> {
    return this.http.get(`/api/v1/routing/teams/${encodeURIComponent(teamId)}`, {}, signal);
  }

  saveTeamRouting(teamId: string, input: Omit<TeamRouting, 'teamId'>): Promise<TeamRouting> {
    return this.http.put(`/api/v1/routing/teams/${encodeURIComponent(teamId)}`, input);
  }

  /** Promises a call; the answer names the new 'callback' conversation. */
  createCallback(input: NewCallbackInput): Promise<Callback> {
    return this.http.post('/api/v1/callbacks', input);
  }

  /** Callbacks, soonest window first; `status` filters. */
  callbacks(status?: CallbackStatus | null, cursor?: string | null, signal?: AbortSignal): Promise<Page<Callback>> {
    return this.http.get('/api/v1/callbacks', { status, cursor, limit: 50 }, signal);
  }

  callbackSummary(signal?: AbortSignal): Promise<CallbackSummary> {
    return this.http.get('/api/v1/callbacks/summary', {}, signal);
  }

  /** The call was made (done) or called off (cancelled); 400 CALLBACK_NOT_OPEN once it is final. */
  changeCallback(id: string, status: 'done' | 'cancelled'): Promise<Callback> {
    return this.http.patch(`/api/v1/callbacks/${encodeURIComponent(id)}`, { status });
  }

  /** The mails of an email conversation: headers, sanitised HTML, folded quotes, delivery of replies. */
  async conversationEmail(conversationId: string, signal?: AbortSignal): Promise<EmailView[]> {
    const answer: { items: EmailView[] } = await this.http.get(`/api/v1/conversations/${encodeURIComponent(conversationId)}/email`, {}, signal);
    return answer.items;
  }

  /** Sends a failed reply again (any agent). */
  retryOutboundEmail(deliveryId: string): Promise<{ ok: true }> {
    return this.http.post(`/api/v1/email/outbound/${encodeURIComponent(deliveryId)}/retry`);
  }

  async mailboxes(signal?: AbortSignal): Promise<Mailbox[]> {
    const answer: { items: Mailbox[] } = await this.http.get('/api/v1/email/mailboxes', {}, signal);
    return answer.items;
  }

  createMailbox(input: MailboxInput): Promise<Mailbox> {
    return this.http.post('/api/v1/email/mailboxes', input);
  }

  /** Changes a mailbox; `{ enabled: false }` disables it. */
  updateMailbox(id: string, patch: Partial<MailboxInput>): Promise<Mailbox> {
    return this.http.patch(`/api/v1/email/mailboxes/${encodeURIComponent(id)}`, patch);
  }

  /** Mail as it arrived, newest first; `status: 'failed'` lists mail that could not be read. */
  inboundMail(status?: InboundStatus | null, cursor?: string | null, signal?: AbortSignal): Promise<Page<InboundMail>> {
    return this.http.get('/api/v1/email/inbound', { status, cursor, limit: 50 }, signal);
  }

  /** Reads a failed (or ignored) mail again. */
  retryInboundMail(id: string): Promise<{ ok: true }> {
    return this.http.post(`/api/v1/email/inbound/${encodeURIComponent(id)}/retry`);
  }

  agents(): Promise<Agent[]> {
    return this.all<Agent>('/api/v1/agents');
  }

  teams(): Promise<Team[]> {
    return this.all<Team>('/api/v1/teams');
  }

  private async all<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<T> = await this.http.get(path, { limit: 200, cursor });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
}
