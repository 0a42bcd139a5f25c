/** Housekeeping for the auth tables: rows that can no longer matter, deleted so the tables stay small. */
import type { QueryContext } from '../platform/outbox/index.ts';
import { loginLimits } from './sessions.ts';

const count = (rows: { n: number }[]) => rows[0]?.n ?? 0;

/**
 * Deletes sign-in attempts older than the rate-limit window: the limit only counts attempts inside
 * it. `keepMs` may keep them longer (for review), never shorter, or the limit would forget failures.
 */
export async function pruneLoginAttempts(ctx: QueryContext, options: { keepMs?: number } = {}): Promise<number> {
  const keepMs = Math.max(options.keepMs ?? 0, loginLimits.windowMs);
  const cutoff = new Date(ctx.clock().getTime() - keepMs);
  return count(await ctx.db.query<{ n: number }>(
    'with gone as (delete from auth_login_attempts where at <= $1 returning 1) select count(*)::int as n from gone',
    [cutoff],
  ));
}

/**
 * Deletes sessions that can never be used again: expired, or revoked (logout, password change,
 * deactivation), at least `keepMs` ago (default 0). Live sessions are never touched.
 */
export async function pruneSessions(ctx: QueryContext, options: { keepMs?: number } = {}): Promise<number> {
  const cutoff = new Date(ctx.clock().getTime() - Math.max(0, options.keepMs ?? 0));
  return count(await ctx.db.query<{ n: number }>(
    'with gone as (delete from auth_sessions where expires_at <= $1 or revoked_at <= $1 returning 1) select count(*)::int as n from gone',
    [cutoff],
  ));
}

/** Both, for one periodic housekeeping task. */
export async function pruneAuth(ctx: QueryContext, options: { keepAttemptsMs?: number; keepSessionsMs?: number } = {}): Promise<{ loginAttempts: number; sessions: number }> {
  const loginAttempts = await pruneLoginAttempts(ctx, { keepMs: options.keepAttemptsMs });
  const sessions = await pruneSessions(ctx, { keepMs: options.keepSessionsMs });
  return { loginAttempts, sessions };
}
