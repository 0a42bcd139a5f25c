import type { Actor, Principal } from '../kernel/index.ts';

/** The actor a route's change is recorded under. */
export function actorOf(principal: Principal | null): Actor {
  if (!principal) return { type: 'system' };
  return principal.kind === 'agent' ? { type: 'agent', id: principal.agentId } : { type: 'token', id: principal.tokenId };
}

/** Routes behind `allow(...)` always have a principal; this narrows the type. */
export function signedIn(principal: Principal | null): Principal {
  if (!principal) throw new Error('route declared signed-in access but ran without a principal');
  return principal;
}
