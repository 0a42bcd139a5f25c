import type { Principal, Role, Scope } from '../kernel/index.ts';

/**
 * Every route declares who may call it: nobody signed in (`public`), or agents of some roles and
 * API tokens holding one scope (`scope: null` keeps tokens out, e.g. for session routes).
 */
export type Access = { kind: 'public' } | { kind: 'signed-in'; roles: readonly Role[]; scope: Scope | null };

export const everyRole = ['admin', 'supervisor', 'agent'] as const satisfies readonly Role[];
export const managers = ['admin', 'supervisor'] as const satisfies readonly Role[];
export const adminsOnly = ['admin'] as const satisfies readonly Role[];

export const publicAccess: Access = { kind: 'public' };
export const allow = (roles: readonly Role[], scope: Scope | null): Access => ({ kind: 'signed-in', roles, scope });

export type AccessDecision = 'allowed' | 'unauthenticated' | 'forbidden';

export function decideAccess(access: Access, principal: Principal | null): AccessDecision {
  if (access.kind === 'public') return 'allowed';
  if (!principal) return 'unauthenticated';
  if (principal.kind === 'agent') return access.roles.includes(principal.role) ? 'allowed' : 'forbidden';
  return access.scope !== null && principal.scopes.includes(access.scope) ? 'allowed' : 'forbidden';
}
