import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../kernel/index.ts';
import { principalForToken } from './api-tokens.ts';
import { principalForSession, type AuthContext } from './sessions.ts';

export const sessionCookie = 'sanad_session';

/** A bearer token wins over a cookie: integrations should never act with someone's session. */
export async function authenticateRequest(ctx: AuthContext, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ? principalForToken(ctx, match[1]) : null;
  }
  const cookie = request.cookies?.[sessionCookie];
  return cookie ? principalForSession(ctx, cookie) : null;
}
