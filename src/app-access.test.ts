import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from './app.ts';
import type { RouteDef } from './http/index.ts';
import { roles, scopes, type Role, type Scope } from './kernel/index.ts';
import { testApp, type Caller, type TestApp } from './testing/index.ts';

let t: TestApp;
let routes: RouteDef[];
beforeAll(async () => {
  t = await testApp();
  routes = apiRoutes({ ctx: t.ctx });
});

const urlOf = (route: RouteDef) => route.url.replace(/:id\b/g, '01a20000-0000-7000-8000-000000000000');
const payloadOf = (route: RouteDef) => (route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
const denied = (status: number) => status === 401 || status === 403;

/** Routes that end the caller's session run last, so they do not sign out the callers of the rest. */
const endsSession = (route: RouteDef) => route.url === '/api/v1/auth/logout';

/**
 * Who may call what, written out by hand: a change to a route's access must change this table too,
 * so widening access is always a visible, reviewed edit. Format: 'roles scope' ('-' = no tokens).
 */
const expectedAccess: Record<string, string> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/v1/events': 'admin|supervisor events:read',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'admin|supervisor|agent -',
  'GET /api/v1/auth/session': 'admin|supervisor|agent -',
  'PUT /api/v1/auth/password': 'admin|supervisor|agent -',
  'PUT /api/v1/agents/:id/password': 'admin -',
  'GET /api/v1/tokens': 'admin -',
  'POST /api/v1/tokens': 'admin -',
  'DELETE /api/v1/tokens/:id': 'admin -',
  'GET /api/v1/workspace': 'admin|supervisor|agent settings:read',
  'PATCH /api/v1/workspace': 'admin settings:write',
  'GET /api/v1/agents': 'admin|supervisor|agent agents:read',
  'POST /api/v1/agents': 'admin agents:write',
  'GET /api/v1/agents/:id': 'admin|supervisor|agent agents:read',
  'PATCH /api/v1/agents/:id': 'admin agents:write',
  'PUT /api/v1/agents/:id/status': 'admin|supervisor|agent agents:write',
  'GET /api/v1/teams': 'admin|supervisor|agent agents:read',
  'POST /api/v1/teams': 'admin agents:write',
  'GET /api/v1/teams/:id': 'admin|supervisor|agent agents:read',
  'PATCH /api/v1/teams/:id': 'admin agents:write',
  'GET /api/v1/contacts': 'admin|supervisor|agent contacts:read',
  'POST /api/v1/contacts': 'admin|supervisor|agent contacts:write',
  'GET /api/v1/contacts/:id': 'admin|supervisor|agent contacts:read',
  'GET /api/v1/contacts/:id/facts': 'admin|supervisor|agent contacts:read',
  'PATCH /api/v1/contacts/:id': 'admin|supervisor|agent contacts:write',
  'POST /api/v1/contacts/:id/merge': 'admin|supervisor contacts:write',
  'GET /api/v1/conversations': 'admin|supervisor|agent conversations:read',
  'POST /api/v1/conversations': 'admin|supervisor|agent conversations:write',
  'GET /api/v1/conversations/:id': 'admin|supervisor|agent conversations:read',
  'PATCH /api/v1/conversations/:id': 'admin|supervisor|agent conversations:write',
  'POST /api/v1/conversations/:id/status': 'admin|supervisor|agent conversations:write',
  'POST /api/v1/conversations/:id/assign': 'admin|supervisor|agent conversations:write',
  'GET /api/v1/conversations/:id/messages': 'admin|supervisor|agent conversations:read',
  'POST /api/v1/conversations/:id/messages': 'admin|supervisor|agent conversations:write',
  'POST /api/v1/attachments': 'admin|supervisor|agent conversations:write',
  'GET /api/v1/attachments/:id': 'admin|supervisor|agent conversations:read',
  'POST /api/v1/chat/attachments': 'public',
  'GET /api/v1/chat/attachments/:id': 'public',
  'GET /api/v1/conversations/:id/triage': 'admin|supervisor|agent conversations:read',
  'PUT /api/v1/conversations/:id/intent': 'admin|supervisor|agent conversations:write',
  'GET /api/v1/conversations/:id/brief': 'admin|supervisor|agent conversations:read',
  'GET /api/v1/triage/settings': 'admin|supervisor settings:read',
  'GET /api/v1/routing/overview': 'admin|supervisor conversations:read',
  'POST /api/v1/chat/email': 'public',
  'POST /api/v1/chat/callback': 'public',
  'GET /api/v1/routing/wait': 'admin|supervisor|agent conversations:read',
  'GET /api/v1/routing/wait-accuracy': 'admin|supervisor conversations:read',
  'GET /api/v1/routing/wait-settings': 'admin|supervisor|agent settings:read',
  'PUT /api/v1/routing/wait-settings': 'admin|supervisor settings:write',
  'POST /api/v1/callbacks': 'admin|supervisor|agent conversations:write',
  'GET /api/v1/callbacks': 'admin|supervisor|agent conversations:read',
  'GET /api/v1/callbacks/summary': 'admin|supervisor|agent conversations:read',
  'PATCH /api/v1/callbacks/:id': 'admin|supervisor|agent conversations:write',
  'GET /api/v1/email/mailboxes': 'admin|supervisor settings:read',
  'POST /api/v1/email/mailboxes': 'admin settings:write',
  'GET /api/v1/email/mailboxes/:id': 'admin|supervisor settings:read',
  'PATCH /api/v1/email/mailboxes/:id': 'admin settings:write',
  'GET /api/v1/email/inbound': 'admin|supervisor settings:read',
  'GET /api/v1/email/inbound/:id/raw': 'admin settings:read',
  'POST /api/v1/email/inbound/:id/retry': 'admin settings:write',
  'POST /api/v1/email/outbound/:id/retry': 'admin|supervisor|agent conversations:write',
  'GET /api/v1/conversations/:id/email': 'admin|supervisor|agent conversations:read',
  'GET /api/v1/sla/policies': 'admin|supervisor|agent settings:read',
  'POST /api/v1/sla/policies': 'admin settings:write',
  'PATCH /api/v1/sla/policies/:id': 'admin settings:write',
  'POST /api/v1/sla/policies/order': 'admin settings:write',
  'POST /api/v1/sla/policies/:id/recompute': 'admin settings:write',
  'GET /api/v1/sla/calendars': 'admin|supervisor settings:read',
  'POST /api/v1/sla/calendars': 'admin settings:write',
  'PUT /api/v1/sla/calendars/:id': 'admin settings:write',
  'PUT /api/v1/sla/teams/:id/calendar': 'admin settings:write',
  'GET /api/v1/sla/teams/calendars': 'admin|supervisor settings:read',
  'GET /api/v1/conversations/:id/sla': 'admin|supervisor|agent conversations:read',
  'GET /api/v1/sla/due': 'admin|supervisor|agent conversations:read',
  'GET /api/v1/sla/report': 'admin|supervisor settings:read',
  'GET /api/v1/routing/rules': 'admin|supervisor|agent settings:read',
  'POST /api/v1/routing/rules': 'admin settings:write',
  'PATCH /api/v1/routing/rules/:id': 'admin settings:write',
  'DELETE /api/v1/routing/rules/:id': 'admin settings:write',
  'POST /api/v1/routing/rules/reorder': 'admin settings:write',
  'POST /api/v1/routing/rules/test': 'admin|supervisor|agent conversations:read',
  'POST /api/v1/conversations/:id/transfers': 'admin|supervisor|agent -',
  'GET /api/v1/transfers': 'admin|supervisor|agent conversations:read',
  'GET /api/v1/routing/transfer-stats': 'admin|supervisor conversations:read',
  'POST /api/v1/transfers/:id/accept': 'admin|supervisor|agent -',
  'POST /api/v1/transfers/:id/decline': 'admin|supervisor|agent -',
  'POST /api/v1/transfers/:id/cancel': 'admin|supervisor|agent -',
  'GET /api/v1/routing/agents/:id/schedule': 'admin|supervisor|agent agents:read',
  'PUT /api/v1/routing/agents/:id/schedule': 'admin|supervisor agents:write',
  'GET /api/v1/routing/teams/:id': 'admin|supervisor|agent settings:read',
  'PUT /api/v1/routing/teams/:id': 'admin|supervisor settings:write',
  'PUT /api/v1/triage/settings': 'admin settings:write',
  'GET /api/v1/triage/categories': 'admin|supervisor|agent settings:read',
  'POST /api/v1/triage/categories': 'admin|supervisor settings:write',
  'PATCH /api/v1/triage/categories/:name': 'admin|supervisor settings:write',
  'GET /api/v1/triage/categories/:name/examples': 'admin|supervisor|agent settings:read',
  'POST /api/v1/triage/categories/:name/examples': 'admin|supervisor settings:write',
  'GET /api/v1/triage/models': 'admin|supervisor|agent settings:read',
  'POST /api/v1/triage/models': 'admin|supervisor settings:write',
  'POST /api/v1/triage/models/:id/activate': 'admin|supervisor settings:write',
  'POST /api/v1/chat/session': 'public',
  'POST /api/v1/chat/offline': 'public',
  'GET /api/v1/chat/settings': 'admin -',
};

describe('every route declares who may call it, and that is enforced', () => {
  it('when the route table is read, then every route has a summary and an access rule', () => {
    for (const route of routes) {
      expect(route.summary, route.url).toBeTruthy();
      expect(route.access, route.url).toBeDefined();
    }
  });

  it('when the declared access is compared with the reviewed table, then they agree route by route', () => {
    const declared = Object.fromEntries(
      routes.map((r) => [`${r.method} ${r.url}`, r.access.kind === 'public' ? 'public' : `${r.access.roles.join('|')} ${r.access.scope ?? '-'}`]),
    );
    expect(declared).toEqual(expectedAccess);
  });

  it('when the OpenAPI document is read, then it lists exactly the declared API routes', async () => {
    const response = await t.call(t.anonymous, 'GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const declared = routes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual(declared.sort());
  });

  it('when each route is called by nobody, each role, and tokens with and without its scope, then only those it declares get past access', async () => {
    const tokenFor = new Map<string, Caller>();
    const tokenWith = async (granted: Scope[]) => {
      const key = granted.join(',');
      if (!tokenFor.has(key)) tokenFor.set(key, await t.tokenWith(granted));
      return tokenFor.get(key)!;
    };
    const ordered = [...routes.filter((r) => !endsSession(r)), ...routes.filter(endsSession)];
    const failures: string[] = [];
    for (const route of ordered) {
      const url = urlOf(route);
      const check = async (who: string, caller: Caller, mayPass: boolean) => {
        const response = await t.call(caller, route.method, url, payloadOf(route));
        const passed = !denied(response.statusCode);
        if (passed !== mayPass) failures.push(`${route.method} ${route.url} as ${who}: got ${response.statusCode}, expected ${mayPass ? 'access' : 'denial'}`);
        if (!passed && route.access.kind !== 'public') expect(response.json().error.code).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
      };
      if (route.access.kind === 'public') {
        // Public routes may refuse a caller themselves (a visitor token, a password); the access layer never does.
        const response = await t.call(t.anonymous, route.method, url, payloadOf(route));
        if (denied(response.statusCode) && response.json().error?.message === 'sign in or send an API token') {
          failures.push(`${route.method} ${route.url}: public, yet denied by the access layer`);
        }
        continue;
      }
      const access = route.access;
      await check('anonymous', t.anonymous, false);
      for (const role of roles) await check(role, t.as[role as Role], access.roles.includes(role));
      if (access.scope) {
        await check(`token with ${access.scope}`, await tokenWith([access.scope]), true);
        await check('token without it', await tokenWith(scopes.filter((s) => s !== access.scope)), false);
      } else {
        await check('token with every scope', await tokenWith([...scopes]), false);
      }
    }
    expect(failures).toEqual([]);
  });

  it('when a token or cookie is garbage, then the caller is treated as signed out (401)', async () => {
    const garbage: Record<string, string>[] = [{ authorization: 'Bearer sanad_nope' }, { authorization: 'Basic abc' }, { cookie: 'sanad_session=nope' }];
    for (const headers of garbage) {
      const response = await t.call({ headers }, 'GET', '/api/v1/conversations');
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});
