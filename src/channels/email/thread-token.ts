import { createHmac } from 'node:crypto';
import type { TokenMac } from './threading-rules.ts';

/**
 * The MAC behind conversation tokens: HMAC-SHA256 under the server key, bound to the workspace so
 * a token from one workspace names nothing in another (conversation numbers repeat across them).
 */
export function emailTokenMac(serverKey: Buffer, workspaceId: string): TokenMac {
  return (value) => createHmac('sha256', serverKey).update(`${workspaceId}:${value}`).digest('hex');
}
