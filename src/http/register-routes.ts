import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type Principal } from '../kernel/index.ts';
import { decideAccess, type Access } from './access.ts';
import { passesCsrfCheck } from './csrf.ts';
import type { RouteDef } from './route.ts';

export interface RouteSecurity {
  /** Reads the session cookie or bearer token; null when neither is valid. */
  authenticate(request: FastifyRequest): Promise<Principal | null>;
  /** Origins besides the server's own that may send cookie-authenticated writes. */
  trustedOrigins: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/**
 * Registers routes with their declared access. Access is decided in `onRequest`, before the body
 * is read, so an unauthorised caller learns nothing about what a valid body looks like.
 */
export function registerRoutes(app: FastifyInstance, routes: readonly RouteDef[], security: RouteSecurity): void {
  app.decorateRequest('principal', null);

  for (const route of routes) {
    const successStatus = Math.min(...Object.keys(route.response).map(Number).filter((s) => s >= 200 && s < 300));
    app.route({
      method: route.method,
      url: route.url,
      config: { access: route.access },
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      schema: {
        summary: route.summary,
        tags: route.tags,
        ...(route.access.kind === 'public' ? {} : { security: [{ session: [] }, { token: [] }] }),
        ...(route.body ? { body: route.body } : {}),
        ...(route.query ? { querystring: route.query } : {}),
        ...(route.params ? { params: route.params } : {}),
        response: route.response,
      },
      onRequest: async (request) => {
        request.principal = await security.authenticate(request);
        const decision = decideAccess(route.access, request.principal);
        if (decision === 'unauthenticated') throw new AppError('UNAUTHENTICATED', 'sign in or send an API token');
        if (decision === 'forbidden') throw new AppError('FORBIDDEN', 'your role or token scope does not allow this');
        if (!passesCsrfCheck(request, security.trustedOrigins)) {
          throw new AppError('CSRF_REJECTED', 'this write did not come from a page of this Sanad; reload and try again');
        }
      },
      handler: async (request, reply) => {
        const result = await route.handler({
          body: request.body,
          query: request.query,
          params: request.params,
          principal: request.principal,
          request,
          reply,
        });
        if (reply.sent) return reply;
        return reply.code(Number.isFinite(successStatus) ? successStatus : 200).send(result);
      },
    });
  }
}
