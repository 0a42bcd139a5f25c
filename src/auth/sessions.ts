import { AppError, type Actor, type Principal } from '../kernel/index.ts';
import { getAgent, getAgentByEmail, normalizeEmail, type Agent } from '../accounts/index.ts';
import { keyedHash, randomToken } from '../platform/ids/index.ts';
import { transact, type CommandContext } from '../platform/outbox/index.ts';
import {
  countFailures, findLiveSession, findPasswordHash, insertSession, recordLoginAttempt, revokeSession,
} from './auth-store.ts';
import { verifyAgainstDecoy, verifyPassword } from './password.ts';

export interface AuthContext extends CommandContext {
  sessionKey: Buffer;
}

export const sessionTtlMs = 14 * 24 * 60 * 60 * 1000;
export const loginLimits = { windowMs: 15 * 60 * 1000, perEmail: 5, perIp: 30 };

/**
 * Refuses when too many recent failures came for this email or from this address. The wait is
 * until the oldest failure that counts leaves the window.
 */
export async function assertNotRateLimited(ctx: AuthContext, email: string, ip: string): Promise<void> {
  const now = ctx.clock();
  const failures = await countFailures(ctx.db, email, ip, new Date(now.getTime() - loginLimits.windowMs));
  const blockedSince =
    failures.byEmail >= loginLimits.perEmail ? failures.oldestByEmail : failures.byIp >= loginLimits.perIp ? failures.oldestByIp : null;
  if (!blockedSince) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((blockedSince.getTime() + loginLimits.windowMs - now.getTime()) / 1000));
  throw new AppError('LOGIN_RATE_LIMITED', `too many failed attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, { retryAfterSeconds });
}

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

export interface LoginResult {
  /** The cookie value; only its keyed hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  agent: Agent;
}

/**
 * Checks a password and opens a session. Failures are counted per email and per address; past the
 * limit even a right password is refused until the window passes, so guessing gets nowhere.
 */
export async function login(ctx: AuthContext, input: LoginInput): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const now = ctx.clock();
  await assertNotRateLimited(ctx, email, input.ip);
  const agent = await getAgentByEmail(ctx, email);
  const hash = agent ? await findPasswordHash(ctx.db, agent.id) : null;
  const ok = agent && hash ? await verifyPassword(input.password, hash) : await verifyAgainstDecoy(input.password);
  if (!ok || !agent || !agent.active) {
    await recordLoginAttempt(ctx.db, email, input.ip, false, now);
    throw new AppError('INVALID_CREDENTIALS', 'the email or password is wrong');
  }
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + sessionTtlMs);
  await transact(ctx, async (tx) => {
    await recordLoginAttempt(tx.sql, email, input.ip, true, tx.now);
    const id = tx.newId();
    await insertSession(tx.sql, {
      id, tokenHash: keyedHash(ctx.sessionKey, token), workspaceId: agent.workspaceId, agentId: agent.id, csrfToken,
      userAgent: input.userAgent?.slice(0, 300) ?? null, createdAt: tx.now, expiresAt,
    });
    tx.emit({ type: 'agent.signed_in', workspaceId: agent.workspaceId, subjectType: 'agent', subjectId: agent.id, actor: { type: 'agent', id: agent.id }, payload: { sessionId: id } });
  });
  return { token, csrfToken, expiresAt, agent };
}

export async function logout(ctx: AuthContext, principal: Principal): Promise<void> {
  if (principal.kind !== 'agent') return;
  await transact(ctx, async (tx) => {
    await revokeSession(tx.sql, principal.sessionId, tx.now);
    const actor: Actor = { type: 'agent', id: principal.agentId };
    tx.emit({ type: 'agent.signed_out', workspaceId: principal.workspaceId, subjectType: 'agent', subjectId: principal.agentId, actor, payload: { sessionId: principal.sessionId } });
  });
}

/** The principal behind a session cookie, or null when it is unknown, expired, revoked or its agent deactivated. */
export async function principalForSession(ctx: AuthContext, token: string): Promise<Principal | null> {
  const session = await findLiveSession(ctx.db, keyedHash(ctx.sessionKey, token), ctx.clock());
  if (!session) return null;
  const agent = await getAgent(ctx, session.workspaceId, session.agentId).catch(() => null);
  if (!agent || !agent.active) return null;
  if (agent.deactivatedAt && session.createdAt <= agent.deactivatedAt) return null;
  return { kind: 'agent', workspaceId: agent.workspaceId, agentId: agent.id, role: agent.role, sessionId: session.id, csrfToken: session.csrfToken };
}
