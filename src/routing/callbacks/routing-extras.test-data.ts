/**
 * Until buildApp registers them, the wait and callback routes are served for tests by a second
 * Fastify beside testApp's, on the same context (sessions and tokens work on both), with their
 * migrations applied on top of the app's.
 */
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { authenticateRequest } from '../../auth/index.ts';
import { installErrorHandling, registerRoutes, validatorCompiler, type RouteDef } from '../../http/index.ts';
import { migrate } from '../../platform/db/index.ts';
import { testApp, type Caller, type TestApp, type TestContext } from '../../testing/index.ts';
import { waitMigrations } from '../wait/migrations.ts';
import { waitRoutes } from '../wait/wait-routes.ts';
import { callbackRoutes } from './callback-routes.ts';
import { callbackMigrations } from './migrations.ts';

export interface ExtrasApp extends TestApp {
  extras: FastifyInstance;
  /** A call to the wait and callback routes (and the test's own). */
  callExtra(caller: Caller, method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** `more`: routes a test adds (e.g. chat's offer routes, which this file may not import). */
export async function extrasApp(more: (ctx: TestContext) => RouteDef[] = () => []): Promise<ExtrasApp> {
  const t = await testApp();
  await migrate(t.ctx.db, [...waitMigrations, ...callbackMigrations]);
  const extras = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false } } });
  extras.setValidatorCompiler(validatorCompiler);
  installErrorHandling(extras);
  await extras.register(cookie);
  registerRoutes(extras, [...waitRoutes(t.ctx), ...callbackRoutes(t.ctx), ...more(t.ctx)], { authenticate: (request) => authenticateRequest(t.ctx, request), trustedOrigins: [] });
  await extras.ready();
  return {
    ...t, extras,
    callExtra: (caller, method, url, payload) =>
      extras.inject({ method: method as 'GET', url, headers: caller.headers, ...(payload === undefined ? {} : { payload: payload as object }) }),
  };
}
