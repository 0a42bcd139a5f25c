import type { HostUser } from './frame-config.ts';
import type { Locale } from './locale.ts';
import type { Attachment } from './protocol.ts';

/** The chat's HTTP endpoints (docs/chat-protocol.md §1), relative to the frame so a path prefix works. */

export interface Availability {
  agentsOnline: number;
  estimatedWaitSeconds: number | null;
  offerAfterSeconds?: number | null;
}

export interface Session {
  visitorToken: string;
  visitorId: string;
  contactId?: string;
  workspace?: { name?: string; languages?: string[] };
  availability?: Availability;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail = '',
  ) {
    super(`${status} ${code}`);
  }
}

const endpoint = (path: string) => new URL('../' + path, location.href).toString();

async function post<T>(path: string, body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<T> {
  const response = await fetch(endpoint(path), { method: 'POST', headers, body, credentials: 'omit' });
  const data = (await response.json().catch(() => null)) as (T & { error?: { code?: string; message?: string } }) | null;
  if (!response.ok) throw new ApiError(response.status, data?.error?.code ?? 'HTTP_' + response.status, data?.error?.message);
  return data as T;
}

export function createSession(request: { visitorToken?: string; user?: HostUser; locale: Locale }): Promise<Session> {
  return post<Session>('api/v1/chat/session', JSON.stringify(request));
}

export function leaveOfflineMessage(request: { visitorToken: string; name: string; email: string; message: string; clientId?: string }): Promise<unknown> {
  return post('api/v1/chat/offline', JSON.stringify(request));
}

/** A call instead of the wait (docs/chat-protocol.md §1, Instead of waiting); resolves with the confirmation to show. */
export function requestCallback(request: { visitorToken: string; conversationId?: string; phone: string; windowStart: string; windowEnd: string; timeZone: string; locale: Locale }): Promise<{ confirmation: string }> {
  return post('api/v1/chat/callback', JSON.stringify(request));
}

export function emailInstead(request: { visitorToken: string; conversationId: string; email: string }): Promise<{ email: string }> {
  return post('api/v1/chat/email', JSON.stringify(request));
}

/** Uploads one file as the raw body; the server judges its bytes (201 → the attachment to name in a send). */
export function uploadAttachment(file: File, type: string, visitorToken: string): Promise<Attachment> {
  return post<Attachment>('api/v1/chat/attachments?name=' + encodeURIComponent(file.name), file, { 'x-visitor-token': visitorToken, 'content-type': type });
}

/** Where the visitor's browser fetches an attachment (the token in the query: an <img> cannot send headers). */
export const attachmentUrl = (id: string, visitorToken: string): string =>
  endpoint('api/v1/chat/attachments/' + encodeURIComponent(id) + '?token=' + encodeURIComponent(visitorToken));

/** ws:// or wss:// after the frame's own protocol. */
export function socketUrl(token: string): string {
  const url = new URL('../ws/chat', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '?token=' + encodeURIComponent(token);
  return url.toString();
}
