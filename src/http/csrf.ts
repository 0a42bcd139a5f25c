import type { FastifyRequest } from 'fastify';
import { safeEqual } from '../platform/ids/index.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Cross-site request forgery guard for writes. Cookies are SameSite=Lax already; on top of that a
 * write that names a foreign Origin is refused, and a cookie-authenticated write with no Origin
 * must echo the session's CSRF token in `x-csrf-token`. Token-authenticated calls carry no
 * ambient credential, so they only face the Origin rule.
 */
export function passesCsrfCheck(request: FastifyRequest, trustedOrigins: readonly string[]): boolean {
  if (safeMethods.has(request.method)) return true;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    return origin === ownOrigin(request) || trustedOrigins.includes(origin);
  }
  const principal = request.principal;
  if (!principal || principal.kind !== 'agent') return origin === undefined;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' && safeEqual(header, principal.csrfToken);
}
