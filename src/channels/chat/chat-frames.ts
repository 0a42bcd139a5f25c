import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Ajv } from 'ajv';

const Id = Type.String({ format: 'uuid' });
const strict = { additionalProperties: false } as const;

const Send = Type.Object({
  type: Type.Literal('send'), clientId: Type.String({ minLength: 1, maxLength: 100 }), body: Type.String({ minLength: 1, maxLength: 20_000 }),
  conversationId: Type.Optional(Id),
  attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 5 })),
}, strict);
const Resume = Type.Object({ type: Type.Literal('resume'), conversationId: Id, afterSeq: Type.Integer({ minimum: 0 }) }, strict);
const Typing = Type.Object({ type: Type.Literal('typing'), conversationId: Id, typing: Type.Boolean() }, strict);
const Handoff = Type.Object({ type: Type.Literal('handoff'), conversationId: Id }, strict);
const Ping = Type.Object({ type: Type.Literal('ping') }, strict);

export const VisitorFrame = Type.Union([Send, Resume, Typing, Handoff, Ping]);
export const AgentFrame = Type.Union([Resume, Typing, Ping]);
export type VisitorFrame = Static<typeof VisitorFrame>;
export type AgentFrame = Static<typeof AgentFrame>;

export const softFrameLimitBytes = 32 * 1024;
export const hardFrameLimitBytes = 256 * 1024;

const ajv = new Ajv({ allErrors: false, strict: false, discriminator: false });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export type FrameParse<T> = { ok: true; frame: T } | { ok: false; code: 'BAD_FRAME' | 'FRAME_TOO_LARGE'; message: string; ref?: string };

/** Reads one text frame; whatever is wrong with it becomes an error to send back, never a throw. */
export function frameParser<T>(schemas: Record<string, TSchema>): (raw: string) => FrameParse<T> {
  const validators = new Map(Object.entries(schemas).map(([type, schema]) => [type, ajv.compile(schema)]));
  const allowed = [...validators.keys()];
  return (raw) => {
    if (Buffer.byteLength(raw) > softFrameLimitBytes) return { ok: false, code: 'FRAME_TOO_LARGE', message: `frames are limited to ${softFrameLimitBytes} bytes` };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, code: 'BAD_FRAME', message: 'a frame must be one JSON object' };
    }
    const ref = typeof (value as { clientId?: unknown })?.clientId === 'string' ? (value as { clientId: string }).clientId : undefined;
    const type = (value as { type?: unknown })?.type;
    const validate = typeof type === 'string' ? validators.get(type) : undefined;
    if (typeof type !== 'string' || !validate) {
      return { ok: false, code: 'BAD_FRAME', message: `unknown frame type ${JSON.stringify(type)}; expected one of ${allowed.join(', ')}`, ...(ref ? { ref } : {}) };
    }
    if (!validate(value)) {
      const e = validate.errors?.[0];
      return { ok: false, code: 'BAD_FRAME', message: `${type} frame: ${e?.instancePath || 'frame'} ${e?.message ?? 'is invalid'}`, ...(ref ? { ref } : {}) };
    }
    return { ok: true, frame: value as T };
  };
}

export const parseVisitorFrame = frameParser<VisitorFrame>({ send: Send, resume: Resume, typing: Typing, handoff: Handoff, ping: Ping });
export const parseAgentFrame = frameParser<AgentFrame>({ resume: Resume, typing: Typing, ping: Ping });
