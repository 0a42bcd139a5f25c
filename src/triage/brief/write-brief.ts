/**
 * The brief an agent reads: the local one, or, when the workspace configured an OpenAI-compatible
 * endpoint, that endpoint's better prose merged over the local structure. Any failure of the
 * endpoint gives the local brief with the reason, never an error: a hand-off must not wait on it.
 * The API key goes only into the Authorization header of the one request, and is never logged.
 */
import { briefRequest } from './brief-prompt-rules.ts';
import { briefLimits, readReply, type ReplyReading } from './brief-reply-rules.ts';
import { buildLocalBrief } from './brief-rules.ts';
import type { Brief, BriefInput, BriefLocale } from './brief-types.ts';

export interface BriefEndpoint {
  /** e.g. "https://api.openai.com/v1"; "/chat/completions" is appended. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Default 15 s: longer than that and the agent has already started reading the transcript. */
  timeoutMs?: number;
}

export interface WriteBriefOptions {
  locale: BriefLocale;
  endpoint?: BriefEndpoint | null;
  /** For tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

const defaultTimeoutMs = 15_000;
/** A brief is a few hundred characters; anything far larger is not one. */
const maxReplyChars = 1_000_000;

export async function writeBrief(input: BriefInput, options: WriteBriefOptions): Promise<Brief> {
  const local = buildLocalBrief(input, options.locale);
  const endpoint = options.endpoint;
  if (!endpoint) return local;
  const request = briefRequest(input, local, { locale: options.locale, model: endpoint.model, limits: briefLimits });
  const reply = await askEndpoint(endpoint, JSON.stringify(request), options.fetch ?? fetch);
  if (!reply.ok) return { ...local, fallbackReason: redact(reply.reason, endpoint.apiKey) };
  // Only the prose comes from the endpoint; facts, language, intent and customer stay as read locally.
  return { ...local, ...reply.brief, source: 'endpoint' };
}

async function askEndpoint(endpoint: BriefEndpoint, body: string, doFetch: typeof fetch): Promise<ReplyReading> {
  const url = completionsUrl(endpoint.baseUrl);
  if (!url) return { ok: false, reason: 'the endpoint baseUrl is not an http(s) URL' };
  const timeoutMs = endpoint.timeoutMs ?? defaultTimeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${endpoint.apiKey}` },
      body,
      signal: controller.signal,
      // A redirect would carry the key to wherever it points; the configured URL is the only one trusted.
      redirect: 'error',
    });
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `the endpoint answered HTTP ${response.status}` };
    }
    const text = await response.text();
    if (text.length > maxReplyChars) return { ok: false, reason: 'the endpoint reply is too large' };
    return readReply(text);
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, reason: `the endpoint did not answer within ${timeoutMs} ms` };
    return { ok: false, reason: `the request failed: ${describe(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

function completionsUrl(baseUrl: string): string | null {
  try {
    const url = new URL(`${baseUrl.replace(/\/+$/, '')}/chat/completions`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** fetch failures hide the useful part (ECONNREFUSED…) in `cause`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : null;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  return cause ? `${error.message} (${code ?? cause.message})` : error.message;
}

/** The reason is shown to agents and may be logged: make sure the key can never be in it. */
function redact(reason: string, apiKey: string): string {
  return apiKey ? reason.split(apiKey).join('[redacted]') : reason;
}
