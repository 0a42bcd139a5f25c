import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../platform/ids/index.ts';
import { testContext } from '../testing/index.ts';
import { insertSession, recordLoginAttempt, revokeSession } from './auth-store.ts';
import { pruneAuth, pruneLoginAttempts, pruneSessions } from './prune.ts';
import { loginLimits } from './sessions.ts';

const minutes = (n: number) => n * 60_000;

describe('auth housekeeping', () => {
  it('when login attempts fall out of the rate-limit window, then they are deleted and those inside it kept', async () => {
    const ctx = await testContext('2026-11-23T10:00:00.000Z');
    const at = (ago: number) => new Date(ctx.clock().getTime() - ago);
    await recordLoginAttempt(ctx.db, 'a@example.test', '10.0.0.1', false, at(minutes(60)));
    await recordLoginAttempt(ctx.db, 'a@example.test', '10.0.0.1', true, at(loginLimits.windowMs));
    await recordLoginAttempt(ctx.db, 'a@example.test', '10.0.0.1', false, at(minutes(14)));
    await recordLoginAttempt(ctx.db, 'b@example.test', '10.0.0.2', false, at(0));
    expect(await pruneLoginAttempts(ctx)).toBe(2);
    expect(await ctx.db.query('select email from auth_login_attempts order by at')).toEqual([{ email: 'a@example.test' }, { email: 'b@example.test' }]);
    // Asking to keep less than the window still keeps the window: the limit must not forget failures.
    expect(await pruneLoginAttempts(ctx, { keepMs: 1 })).toBe(0);
    ctx.clock.advance(minutes(14));
    expect(await pruneLoginAttempts(ctx, { keepMs: minutes(30) })).toBe(0);
    expect(await pruneLoginAttempts(ctx)).toBe(1);
    expect(await ctx.db.query('select email from auth_login_attempts')).toEqual([{ email: 'b@example.test' }]);
  });

  it('when sessions have expired or were revoked, then they are deleted; live ones stay', async () => {
    const ctx = await testContext('2026-11-23T10:00:00.000Z');
    const now = ctx.clock().getTime();
    const session = async (name: string, expiresInMs: number) => {
      const id = uuidv7();
      await insertSession(ctx.db, {
        id, tokenHash: `hash-${name}`, workspaceId: uuidv7(), agentId: uuidv7(), csrfToken: 'c', userAgent: name,
        createdAt: new Date(now - minutes(60)), expiresAt: new Date(now + expiresInMs),
      });
      return id;
    };
    await session('expired', -minutes(1));
    await session('live', minutes(60));
    const revoked = await session('revoked', minutes(60));
    await revokeSession(ctx.db, revoked, new Date(now - minutes(5)));
    const revokedJustNow = await session('revoked-now', minutes(60));
    await revokeSession(ctx.db, revokedJustNow, new Date(now));

    expect(await pruneSessions(ctx, { keepMs: minutes(2) })).toBe(1);
    expect(await pruneSessions(ctx)).toBe(2);
    expect(await ctx.db.query('select user_agent from auth_sessions')).toEqual([{ user_agent: 'live' }]);
    ctx.clock.advance(minutes(60));
    expect(await pruneAuth(ctx)).toEqual({ loginAttempts: 0, sessions: 1 });
  });
});
