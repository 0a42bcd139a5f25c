import type {} from '@fastify/cookie';
import { Type } from '@sinclair/typebox';
import { AgentView, getAgent } from '../accounts/index.ts';
import {
  actorOf, adminsOnly, allow, commonErrors, defineRoute, Email, ErrorBody, everyRole, Id, IdParams, Name, Nullable, Obj, Ok, Page, pageQuery,
  publicAccess, signedIn, Timestamp, type RouteDef,
} from '../http/index.ts';
import { AppError, scopes } from '../kernel/index.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { sessionCookie } from './authenticate.ts';
import { passwordRules } from './password.ts';
import { changeOwnPassword, setAgentPassword } from './passwords.ts';
import { login, logout, type AuthContext } from './sessions.ts';

const Password = Type.String({ minLength: 1, maxLength: passwordRules.maxLength });
const NewPassword = Type.String({ minLength: passwordRules.minLength, maxLength: passwordRules.maxLength });
const ScopeSchema = Type.Union(scopes.map((s) => Type.Literal(s)));
const SessionView = Obj({ agent: AgentView, csrfToken: Type.String() });
const TokenView = Obj({
  id: Id, name: Type.String(), scopes: Type.Array(ScopeSchema), createdBy: Type.Unknown(), createdAt: Timestamp,
  expiresAt: Nullable(Timestamp), lastUsedAt: Nullable(Timestamp), revokedAt: Nullable(Timestamp),
});

export function authRoutes(ctx: AuthContext, options: { secureCookies: boolean }): RouteDef[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/auth/login', summary: 'Sign in with email and password; sets the session cookie', tags: ['auth'],
      access: publicAccess,
      body: Obj({ email: Email, password: Password }),
      response: { 200: SessionView, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      handler: async ({ body, request, reply }) => {
        const result = await login(ctx, { ...body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null }).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'LOGIN_RATE_LIMITED') reply.header('retry-after', String((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
          throw error;
        });
        reply.setCookie(sessionCookie, result.token, {
          httpOnly: true, sameSite: 'lax', secure: options.secureCookies || request.protocol === 'https', path: '/', expires: result.expiresAt,
        });
        return { agent: result.agent, csrfToken: result.csrfToken };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/auth/logout', summary: 'Sign out of this session', tags: ['auth'],
      access: allow(everyRole, null),
      response: { 200: Ok, ...commonErrors },
      handler: async ({ principal, reply }) => {
        await logout(ctx, signedIn(principal));
        reply.clearCookie(sessionCookie, { path: '/' });
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/auth/session', summary: 'Who is signed in, and the CSRF token for writes', tags: ['auth'],
      access: allow(everyRole, null),
      response: { 200: SessionView, ...commonErrors },
      handler: async ({ principal }) => {
        const who = signedIn(principal);
        if (who.kind !== 'agent') throw new AppError('FORBIDDEN', 'only sessions have this');
        return { agent: await getAgent(ctx, who.workspaceId, who.agentId), csrfToken: who.csrfToken };
      },
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/auth/password', summary: 'Change your own password; your other sessions end', tags: ['auth'],
      access: allow(everyRole, null),
      body: Obj({ currentPassword: Password, newPassword: NewPassword }),
      response: { 200: Ok, ...commonErrors },
      handler: async ({ principal, body, request }) => {
        await changeOwnPassword(ctx, signedIn(principal), body.currentPassword, body.newPassword, request.ip);
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/agents/:id/password', summary: 'Set an agent\'s password; their sessions end', tags: ['agents'],
      access: allow(adminsOnly, null),
      params: IdParams,
      body: Obj({ password: NewPassword }),
      response: { 200: Ok, ...commonErrors },
      handler: async ({ principal, params, body }) => {
        await setAgentPassword(ctx, signedIn(principal).workspaceId, params.id, body.password, actorOf(principal));
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/tokens', summary: 'List API tokens (never their secret text)', tags: ['tokens'],
      access: allow(adminsOnly, null),
      query: Obj(pageQuery),
      response: { 200: Page(TokenView), ...commonErrors },
      handler: async ({ principal, query }) => listApiTokens(ctx, signedIn(principal).workspaceId, { limit: query.limit ?? 50, cursor: query.cursor }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/tokens', summary: 'Create an API token; its text is shown once', tags: ['tokens'],
      access: allow(adminsOnly, null),
      body: Obj({ name: Name(80), scopes: Type.Array(ScopeSchema, { minItems: 1, maxItems: scopes.length }), expiresAt: Type.Optional(Timestamp) }),
      response: { 201: Obj({ token: Type.String(), record: TokenView }), ...commonErrors },
      handler: async ({ principal, body }) =>
        createApiToken(ctx, signedIn(principal).workspaceId, { name: body.name, scopes: body.scopes, expiresAt: body.expiresAt ? new Date(body.expiresAt) : null }, actorOf(principal)),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/tokens/:id', summary: 'Revoke an API token', tags: ['tokens'],
      access: allow(adminsOnly, null),
      params: IdParams,
      response: { 200: TokenView, ...commonErrors },
      handler: async ({ principal, params }) => revokeApiToken(ctx, signedIn(principal).workspaceId, params.id, actorOf(principal)),
    }),
  ];
}
