import type { HostUser } from './frame-config.ts';
import type { Locale } from './locale.ts';

/** The chat's HTTP endpoints (docs/chat-protocol.md §1), relative to the frame so a path prefix works. */

export interface Availability {
  agentsOnline: number;
  estimatedWaitSeconds: number | null;
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
  ) {
    super(`${status} ${code}`);
  }
}

const endpoint = (path: string) => new URL('../' + path, location.href).toString();

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(endpoint(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'omit',
  });
  const data = (await response.json().catch(() => null)) as (T & { error?: { code?: string } }) | null;
  if (!response.ok) throw new ApiError(response.status, data?.error?.code ?? 'HTTP_' + response.status);
  return data as T;
}

export function createSession(request: { visitorToken?: string; user?: HostUser; locale: Locale }): Promise<Session> {
  return post<Session>('api/v1/chat/session', request);
}

export function leaveOfflineMessage(request: { visitorToken: string; name: string; email: string; message: string; clientId?: string }): Promise<unknown> {
  return post('api/v1/chat/offline', request);
}

/** ws:// or wss:// after the frame's own protocol. */
export function socketUrl(token: string): string {
  const url = new URL('../ws/chat', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '?token=' + encodeURIComponent(token);
  return url.toString();
}
