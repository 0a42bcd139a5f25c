import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../app.ts';
import { createApiToken } from '../auth/index.ts';
import type { Role, Scope } from '../kernel/index.ts';
import { seedWorkspace, testPassword, type SeededWorkspace } from './seed.ts';
import { testContext, type TestContext } from './test-context.ts';

export interface Caller {
  headers: Record<string, string>;
}

export interface TestApp extends SeededWorkspace {
  app: FastifyInstance;
  ctx: TestContext;
  as: Record<Role, Caller>;
  anonymous: Caller;
  tokenWith(scopes: Scope[]): Promise<Caller>;
  call(caller: Caller, method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password = testPassword): Promise<Caller> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'sanad_session');
  const { csrfToken } = response.json() as { csrfToken: string };
  return { headers: { cookie: `sanad_session=${cookie!.value}`, 'x-csrf-token': csrfToken } };
}

/** An app on a fresh schema with an admin, a supervisor and an agent signed in. */
export async function testApp(options: Pick<AppOptions, 'triage' | 'routing' | 'email' | 'jobs' | 'sla'> = {}): Promise<TestApp> {
  const ctx = await testContext();
  const seeded = await seedWorkspace(ctx);
  // Routing stays off unless a test asks for it: most tests watch conversations wait.
  const app = await buildApp({ routing: { auto: false }, ...options, ctx, logger: process.env.SANAD_TEST_LOG === '1' ? 'debug' : false });
  const as = {
    admin: await signIn(app, seeded.admin.email),
    supervisor: await signIn(app, seeded.supervisor.email),
    agent: await signIn(app, seeded.agent.email),
  };
  return {
    ...seeded, app, ctx, as, anonymous: { headers: {} },
    async tokenWith(scopes) {
      const { token } = await createApiToken(ctx, seeded.workspace.id, { name: 'test', scopes }, { type: 'system' });
      return { headers: { authorization: `Bearer ${token}` } };
    },
    call: (caller, method, url, payload) =>
      app.inject({ method: method as 'GET', url, headers: caller.headers, ...(payload === undefined ? {} : { payload: payload as object }) }),
  };
}
