import { AppError, type Actor, type Principal } from '../kernel/index.ts';
import { createAgentIn, getAgent, type Agent, type NewAgentInput } from '../accounts/index.ts';
import { transact, type Tx } from '../platform/outbox/index.ts';
import { findPasswordHash, recordLoginAttempt, revokeAgentSessions, upsertPasswordHash } from './auth-store.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.ts';
import { assertNotRateLimited, type AuthContext } from './sessions.ts';

async function setPasswordIn(tx: Tx, agent: Agent, hash: string, actor: Actor): Promise<void> {
  await upsertPasswordHash(tx.sql, agent.id, hash, tx.now);
  tx.emit({ type: 'agent.password_changed', workspaceId: agent.workspaceId, subjectType: 'agent', subjectId: agent.id, actor, payload: {} });
}

/** Hash first (slow, outside any transaction), then create inside the caller's transaction. */
export async function preparePassword(password: string): Promise<{ hash: string }> {
  assertPasswordAcceptable(password);
  return { hash: await hashPassword(password) };
}

export async function createAgentWithPasswordIn(tx: Tx, input: NewAgentInput, password: { hash: string }, actor: Actor): Promise<Agent> {
  const agent = await createAgentIn(tx, input, actor);
  await setPasswordIn(tx, agent, password.hash, actor);
  return agent;
}

/** An agent and their password in one commit: nobody is left half-created. */
export async function createAgentWithPassword(ctx: AuthContext, input: NewAgentInput, password: string, actor: Actor): Promise<Agent> {
  const prepared = await preparePassword(password);
  return transact(ctx, (tx) => createAgentWithPasswordIn(tx, input, prepared, actor));
}

/** An admin sets someone's password; every session that agent had is closed. */
export async function setAgentPassword(ctx: AuthContext, workspaceId: string, agentId: string, password: string, actor: Actor): Promise<void> {
  assertPasswordAcceptable(password);
  const agent = await getAgent(ctx, workspaceId, agentId);
  const hash = await hashPassword(password);
  await transact(ctx, async (tx) => {
    await setPasswordIn(tx, agent, hash, actor);
    await revokeAgentSessions(tx.sql, agentId, tx.now, null);
  });
}

/**
 * An agent changes their own password; their other sessions are closed, this one stays. Wrong
 * guesses count like failed sign-ins, so a stolen session cannot be used to find the password.
 */
export async function changeOwnPassword(ctx: AuthContext, principal: Principal, current: string, next: string, ip: string): Promise<void> {
  if (principal.kind !== 'agent') throw new AppError('FORBIDDEN', 'only a signed-in agent has a password');
  assertPasswordAcceptable(next);
  const agent = await getAgent(ctx, principal.workspaceId, principal.agentId);
  await assertNotRateLimited(ctx, agent.email, ip);
  const stored = await findPasswordHash(ctx.db, principal.agentId);
  if (!stored || !(await verifyPassword(current, stored))) {
    await recordLoginAttempt(ctx.db, agent.email, ip, false, ctx.clock());
    throw new AppError('CURRENT_PASSWORD_WRONG', 'the current password is wrong');
  }
  const hash = await hashPassword(next);
  await transact(ctx, async (tx) => {
    await setPasswordIn(tx, agent, hash, { type: 'agent', id: agent.id });
    await revokeAgentSessions(tx.sql, agent.id, tx.now, principal.sessionId);
  });
}
