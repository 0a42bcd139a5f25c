/** The frames of docs/chat-protocol.md as the widget (a visitor) sees them. */

export type MessageKind = 'customer' | 'agent' | 'bot' | 'system' | 'note';

/** A file on a message (docs/chat-protocol.md, Attachments). */
export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface WireMessage {
  id: string;
  seq: number;
  kind: MessageKind;
  author: { type: string; name?: string };
  body: string;
  clientId?: string | null;
  attachments?: Attachment[];
  createdAt?: string;
}

export interface ConversationSummary {
  id: string;
  status: string;
  lastSeq?: number;
}

export type ServerFrame =
  | { type: 'ready'; visitorId?: string; conversations: ConversationSummary[] }
  | { type: 'ack'; clientId: string; conversationId: string; messageId: string; seq: number; duplicate?: boolean }
  | { type: 'message'; conversationId: string; message: WireMessage }
  | { type: 'resumed'; conversationId: string; lastSeq: number }
  | { type: 'conversation'; conversation: { id: string; status: string; agent?: { name: string } | null } }
  | { type: 'queue'; conversationId: string; position: number | null; agentsOnline: number; estimatedWaitSeconds: number | null; offerAfterSeconds?: number | null }
  | { type: 'typing'; conversationId: string; typing: boolean; who?: { type: string; name?: string } }
  | { type: 'error'; code: string; message?: string; ref?: string }
  | { type: 'ping' }
  | { type: 'pong' };

export type ClientFrame =
  | { type: 'send'; clientId: string; body: string; conversationId?: string; attachmentIds?: string[] }
  | { type: 'resume'; conversationId: string; afterSeq: number }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'handoff'; conversationId: string }
  | { type: 'ping' }
  | { type: 'pong' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The well-formed attachments of a list (anything else is left out). */
export const validAttachments = (v: unknown): Attachment[] =>
  Array.isArray(v) ? v.filter((a): a is Attachment => isObject(a) && isString(a.id) && isString(a.name) && isString(a.contentType) && isSeq(a.size)) : [];

/** Parses one frame; null for anything the widget cannot use (it then ignores the frame). */
export function parseServerFrame(text: unknown): ServerFrame | null {
  let f: unknown;
  try {
    f = JSON.parse(String(text));
  } catch {
    return null;
  }
  if (!isObject(f)) return null;
  switch (f.type) {
    case 'ready':
      return Array.isArray(f.conversations) && f.conversations.every((c) => isObject(c) && isString(c.id)) ? (f as ServerFrame) : null;
    case 'ack':
      return isString(f.clientId) && isString(f.conversationId) && isSeq(f.seq) ? (f as ServerFrame) : null;
    case 'message': {
      const m = f.message;
      return isString(f.conversationId) && isObject(m) && isString(m.id) && isSeq(m.seq) && isString(m.kind) && isString(m.body)
        ? ({ ...f, message: { ...m, author: isObject(m.author) ? m.author : { type: m.kind }, attachments: validAttachments(m.attachments) } } as ServerFrame)
        : null;
    }
    case 'resumed':
      return isString(f.conversationId) ? (f as ServerFrame) : null;
    case 'conversation':
      return isObject(f.conversation) && isString(f.conversation.id) && isString(f.conversation.status) ? (f as ServerFrame) : null;
    case 'typing':
    case 'queue':
      return isString(f.conversationId) ? (f as ServerFrame) : null;
    case 'error':
      return isString(f.code) ? (f as ServerFrame) : null;
    case 'ping':
    case 'pong':
      return f as ServerFrame;
    default:
      return null;
  }
}
