import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/ids/index.ts';

/** What a visitor token proves: this browser is this visitor of this workspace. */
export interface VisitorClaims {
  visitorId: string;
  workspaceId: string;
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(`visitor:${payload}`).digest('base64url');

/** `v1.<payload>.<signature>`: readable by Sanad only, so a visitor cannot become another. */
export function signVisitorToken(key: Buffer, claims: VisitorClaims): string {
  const payload = Buffer.from(JSON.stringify({ v: claims.visitorId, w: claims.workspaceId })).toString('base64url');
  return `v1.${payload}.${sign(key, payload)}`;
}

export function verifyVisitorToken(key: Buffer, token: string | undefined | null): VisitorClaims | null {
  if (!token) return null;
  const [version, payload, signature] = token.split('.');
  if (version !== 'v1' || !payload || !signature || !safeEqual(signature, sign(key, payload))) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { v?: unknown; w?: unknown };
    return typeof data.v === 'string' && typeof data.w === 'string' ? { visitorId: data.v, workspaceId: data.w } : null;
  } catch {
    return null;
  }
}

/**
 * The secret a host site uses to vouch for its signed-in users (identity verification). It is
 * derived per workspace, so it can be shown to that workspace's admins without exposing the key.
 */
export function identitySecret(hmacKey: Buffer, workspaceId: string): string {
  return createHmac('sha256', hmacKey).update(`identity-secret:${workspaceId}`).digest('hex');
}

/** The host site's proof: hex HMAC-SHA256(identity secret, user id). */
export function verifyUserHash(secret: string, userId: string, hash: string): boolean {
  const expected = createHmac('sha256', secret).update(userId).digest('hex');
  return safeEqual(expected, hash.toLowerCase());
}
