import { HttpClient, type HttpClientOptions } from './http';
import type { Agent, Attachment, Contact, Conversation, ConversationStatus, Message, Page, Session, Team } from './types';
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
