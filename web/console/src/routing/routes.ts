/** Client routes under the console's base path: `/console/` and `/console/conversations/:id`. */

export interface Route {
  conversationId: string | null;
}

const idPattern = /^[0-9a-f-]{36}$/i;

export function parseRoute(pathname: string, base: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  const [first, second] = rest.split('/').filter(Boolean);
  if (first === 'conversations' && second && idPattern.test(second)) return { conversationId: second.toLowerCase() };
  return { conversationId: null };
}

export function routePath(route: Route, base: string): string {
  return route.conversationId ? `${base}conversations/${route.conversationId}` : base;
}
