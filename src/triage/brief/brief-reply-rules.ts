/**
 * Reading the endpoint's reply: an OpenAI-style chat completion whose message content must be a
 * JSON object with exactly the Brief's prose fields, of the right types and within the limits.
 * Anything else is refused with a reason, so the caller falls back to the local brief. Pure.
 */
import type { Brief } from './brief-types.ts';

/** The fields the endpoint may write; everything structural stays local. */
export type EndpointBrief = Pick<Brief, 'summary' | 'tried' | 'promised' | 'openQuestion'>;

export type ReplyReading = { ok: true; brief: EndpointBrief } | { ok: false; reason: string };

/** What a reply is held to; the prompt is written from the same numbers so it asks for what passes. */
export const briefLimits = { summary: 800, items: 5, item: 300, openQuestion: 500 } as const;
export type BriefLimits = typeof briefLimits;
const limits = briefLimits;
const fields = ['summary', 'tried', 'promised', 'openQuestion'];

/** Parse the HTTP body of a chat completion and the brief inside it. */
export function readReply(body: string): ReplyReading {
  const completion = parseJson(body);
  if (completion === undefined) return refuse('the response body is not JSON');
  const content = contentOf(completion);
  if (content === null) return refuse('the response has no choices[0].message.content string');
  const brief = parseJson(stripFence(content));
  if (brief === undefined) return refuse('the message content is not JSON');
  return readBrief(brief);
}

/** Validate the brief object itself. */
export function readBrief(value: unknown): ReplyReading {
  if (!isRecord(value)) return refuse('the brief is not a JSON object');
  const keys = Object.keys(value);
  const missing = fields.filter((f) => !keys.includes(f));
  if (missing.length > 0) return refuse(`the brief lacks ${missing.join(', ')}`);
  // Extra keys mean the model did not follow the format; its other fields are then not trusted either.
  const extra = keys.filter((k) => !fields.includes(k));
  if (extra.length > 0) return refuse(`the brief has unexpected keys ${extra.slice(0, 5).join(', ')}`);
  const { summary, tried, promised, openQuestion } = value;
  if (!isText(summary, limits.summary)) return refuse(`summary must be a non-empty string of at most ${limits.summary} characters`);
  if (!isList(tried)) return refuse(`tried must be at most ${limits.items} non-empty strings of at most ${limits.item} characters`);
  if (!isList(promised)) return refuse(`promised must be at most ${limits.items} non-empty strings of at most ${limits.item} characters`);
  if (openQuestion !== null && !isText(openQuestion, limits.openQuestion)) {
    return refuse(`openQuestion must be null or a non-empty string of at most ${limits.openQuestion} characters`);
  }
  return { ok: true, brief: { summary: summary.trim(), tried: tried.map((t) => t.trim()), promised: promised.map((p) => p.trim()), openQuestion: openQuestion?.trim() ?? null } };
}

function contentOf(completion: unknown): string | null {
  if (!isRecord(completion) || !Array.isArray(completion.choices)) return null;
  const [first] = completion.choices as unknown[];
  if (!isRecord(first) || !isRecord(first.message)) return null;
  return typeof first.message.content === 'string' ? first.message.content : null;
}

/** Many models wrap JSON in a ```json fence even when told not to; one fence around the whole reply is fine. */
function stripFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/u.exec(content);
  return fenced?.[1] ?? content;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

function isList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= limits.items && value.every((v) => isText(v, limits.item));
}

function refuse(reason: string): ReplyReading {
  return { ok: false, reason };
}
