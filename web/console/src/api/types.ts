/** The shapes the console reads from Sanad's HTTP API (see /api/openapi.json). */

export const conversationStatuses = ['open', 'pending', 'resolved', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const messageKinds = ['customer', 'agent', 'note', 'bot', 'system'] as const;
export type MessageKind = (typeof messageKinds)[number];

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Channel = 'chat' | 'email' | 'sms' | 'whatsapp' | 'telegram' | 'callback' | 'api';

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
