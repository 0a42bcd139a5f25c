import { AppError, decodeCursor, toPage, type Actor, type PageResult, type Principal, type Scope } from '../kernel/index.ts';
import { keyedHash, randomToken } from '../platform/ids/index.ts';
import { transact } from '../platform/outbox/index.ts';
import { findUsableToken, insertToken, listTokenRows, revokeTokenRow, touchToken, type ApiToken } from './auth-store.ts';
import type { AuthContext } from './sessions.ts';

export const tokenPrefix = 'sanad_';

export interface NewTokenInput {
  name: string;
  scopes: Scope[];
  expiresAt?: Date | null;
}

/** Returns the token text once; only its keyed hash is kept, so it cannot be shown again. */
export async function createApiToken(ctx: AuthContext, workspaceId: string, input: NewTokenInput, actor: Actor): Promise<{ token: string; record: ApiToken }> {
  const now = ctx.clock();
  if (input.expiresAt && input.expiresAt <= now) throw new AppError('VALIDATION_FAILED', 'expiresAt must be in the future');
  const token = randomToken(tokenPrefix);
  const record = await transact(ctx, async (tx) => {
    const t: ApiToken = {
      id: tx.newId(), workspaceId, name: input.name.trim(), scopes: [...new Set(input.scopes)].sort(), createdBy: actor,
      createdAt: tx.now, expiresAt: input.expiresAt ?? null, lastUsedAt: null, revokedAt: null,
    };
    await insertToken(tx.sql, t, keyedHash(ctx.sessionKey, token));
    tx.emit({ type: 'api_token.created', workspaceId, subjectType: 'api_token', subjectId: t.id, actor, payload: { name: t.name, scopes: t.scopes } });
    return t;
  });
  return { token, record };
}

export async function revokeApiToken(ctx: AuthContext, workspaceId: string, id: string, actor: Actor): Promise<ApiToken> {
  return transact(ctx, async (tx) => {
    const token = await revokeTokenRow(tx.sql, workspaceId, id, tx.now);
    if (!token) throw new AppError('TOKEN_NOT_FOUND', 'no such API token');
    tx.emit({ type: 'api_token.revoked', workspaceId, subjectType: 'api_token', subjectId: id, actor, payload: {} });
    return token;
  });
}

export async function listApiTokens(ctx: AuthContext, workspaceId: string, page: { limit: number; cursor?: string | undefined }): Promise<PageResult<ApiToken>> {
  const after = decodeCursor(page.cursor, ['string', 'string']) as [string, string] | null;
  const rows = await listTokenRows(ctx.db, workspaceId, after, page.limit + 1);
  return toPage(rows, page.limit, (t) => [t.createdAt.toISOString(), t.id]);
}

export async function principalForToken(ctx: AuthContext, token: string): Promise<Principal | null> {
  if (!token.startsWith(tokenPrefix)) return null;
  const now = ctx.clock();
  const found = await findUsableToken(ctx.db, keyedHash(ctx.sessionKey, token), now);
  if (!found) return null;
  await touchToken(ctx.db, found.id, now);
  return { kind: 'token', workspaceId: found.workspaceId, tokenId: found.id, scopes: found.scopes };
}
