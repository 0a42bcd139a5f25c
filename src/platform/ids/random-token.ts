import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A secret for a user to hold (session cookie, API token): 32 random bytes, url-safe. */
export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Stored form of a secret token: a keyed hash, so a copy of the database cannot be replayed. */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
