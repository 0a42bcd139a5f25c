import type { Attachment, Conversation, Message, MessageAuthor } from '../api/types';
import { messageKinds } from '../api/types';

/** Frames the agent socket sends (docs/chat-protocol.md, "Server → client"). */
export type ServerFrame =
  | { type: 'ready'; agentId: string }
  | { type: 'message'; conversationId: string; message: Message }
  | { type: 'resumed'; conversationId: string; lastSeq: number }
  | { type: 'conversation'; conversation: Partial<Conversation> & { id: string } }
  /** Anything else that happened to a conversation, named by its event type (`email.sent`, `sla.breached`, …). */
  | { type: 'conversation_event'; conversationId: string; event: string }
  | { type: 'typing'; conversationId: string; typing: boolean; who: { type: 'agent' | 'contact'; name?: string } }
  | { type: 'error'; code: string; message: string; ref?: string }
  | { type: 'pong' };

/** Frames the console sends (docs/chat-protocol.md, "Agent → server"). */
export type ClientFrame =
  | { type: 'resume'; conversationId: string; afterSeq: number }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'ping' };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isName = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Reads one text frame; anything malformed or unknown is null (and ignored by the caller). */
export function parseServerFrame(text: string): ServerFrame | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(data) || !isString(data.type)) return null;
  switch (data.type) {
    case 'ready':
      return isString(data.agentId) ? { type: 'ready', agentId: data.agentId } : null;
    case 'message': {
      if (!isString(data.conversationId)) return null;
      const message = parseMessage(data.conversationId, data.message);
      return message ? { type: 'message', conversationId: data.conversationId, message } : null;
    }
    case 'resumed':
      return isString(data.conversationId) && isSeq(data.lastSeq) ? { type: 'resumed', conversationId: data.conversationId, lastSeq: data.lastSeq } : null;
    case 'conversation':
      return isObject(data.conversation) && isString(data.conversation.id)
        ? { type: 'conversation', conversation: data.conversation as Partial<Conversation> & { id: string } }
        : null;
    case 'conversation_event':
      return isName(data.conversationId) && isName(data.event)
        ? { type: 'conversation_event', conversationId: data.conversationId, event: data.event }
        : null;
    case 'typing': {
      if (!isString(data.conversationId) || typeof data.typing !== 'boolean' || !isObject(data.who)) return null;
      const whoType = data.who.type;
      if (whoType !== 'agent' && whoType !== 'contact') return null;
      const who: { type: 'agent' | 'contact'; name?: string } = isString(data.who.name) ? { type: whoType, name: data.who.name } : { type: whoType };
      return { type: 'typing', conversationId: data.conversationId, typing: data.typing, who };
    }
    case 'error':
      return {
        type: 'error', code: isString(data.code) ? data.code : 'UNKNOWN', message: isString(data.message) ? data.message : '',
        ...(isString(data.ref) ? { ref: data.ref } : {}),
      };
    case 'pong':
      return { type: 'pong' };
    default:
      return null;
  }
}

function parseMessage(conversationId: string, raw: unknown): Message | null {
  if (!isObject(raw) || !isString(raw.id) || !isSeq(raw.seq) || !isString(raw.body) || !isString(raw.createdAt)) return null;
  if (!isString(raw.kind) || !(messageKinds as readonly string[]).includes(raw.kind)) return null;
  const author: MessageAuthor = { type: 'unknown' };
  if (isObject(raw.author)) {
    if (isString(raw.author.type)) author.type = raw.author.type;
    if (isString(raw.author.id)) author.id = raw.author.id;
    if (isString(raw.author.name)) author.name = raw.author.name;
  }
  return {
    id: raw.id, conversationId, seq: raw.seq, kind: raw.kind as Message['kind'], author, body: raw.body,
    clientId: isString(raw.clientId) ? raw.clientId : null, attachments: parseAttachments(raw.attachments), createdAt: raw.createdAt,
  };
}

/** A message's files; a malformed entry is left out rather than losing the whole message. */
function parseAttachments(raw: unknown): Attachment[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a: unknown): Attachment[] =>
    isObject(a) && isString(a.id) && isString(a.name) && isString(a.contentType) && typeof a.size === 'number' && Number.isFinite(a.size)
      ? [{ id: a.id, name: a.name, contentType: a.contentType, size: a.size }]
      : [],
  );
}
