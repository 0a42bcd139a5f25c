import { HttpClient, type HttpClientOptions } from './http';
import type {
  Agent, Attachment, BriefEndpointInput, CategoryExample, CategoryPatch, Contact, Conversation, ConversationStatus, ConversationTriage, HandoffBrief,
  IntentCategory, Message, ModelVersion, NewCategoryInput, Page, Session, Team, TriageSettings,
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
