/** A thin fetch wrapper: JSON in and out, the CSRF header on writes, errors as ApiError. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server's `error.details` (e.g. `{ problems: [{ path, message }] }` for a routing rule). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | readonly string[] | null | undefined;

/** Builds `a=1&status=open&status=pending`: arrays become repeated parameters, empty values are left out. */
export function toQueryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

type RequestBody = { json: unknown } | { bytes: Blob; contentType: string };

export interface HttpClientOptions {
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  /** Called when a request answers 401, so the app can show the sign-in screen. */
  onUnauthorized?: () => void;
}

export class HttpClient {
  private csrfToken: string | null = null;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HttpClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  }

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  get<T>(path: string, query: Record<string, QueryValue> = {}, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path + toQueryString(query), undefined, signal);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { json: body ?? {} });
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, { json: body ?? {} });
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { json: body ?? {} });
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Posts raw bytes (a file) with their own Content-Type instead of JSON. */
  postBytes<T>(path: string, body: Blob, contentType: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('POST', path, { bytes: body, contentType }, signal);
  }

  private async request<T>(method: string, path: string, body?: RequestBody, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let payload: BodyInit | null = null;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['content-type'] = body.contentType;
      payload = body.bytes;
    }
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, {
        method, headers, credentials: 'same-origin', body: payload, signal: signal ?? null,
      });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') throw error;
      throw new ApiError(0, 'NETWORK', 'Sanad could not be reached');
    }
    const text = await response.text();
    let data: unknown = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
    if (!response.ok) {
      const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      if (response.status === 401 && !path.startsWith('/api/v1/auth/')) this.options.onUnauthorized?.();
      throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, error?.details);
    }
    return data as T;
  }
}
