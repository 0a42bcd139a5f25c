/** Client routes under the console's base path: `/console/`, `/console/conversations/:id` and `/console/settings/triage`. */

export interface Route {
  conversationId: string | null;
  /** A screen other than the inbox (managers only). */
  screen?: 'triage-settings';
}

const idPattern = /^[0-9a-f-]{36}$/i;

export function parseRoute(pathname: string, base: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  const [first, second] = rest.split('/').filter(Boolean);
  if (first === 'conversations' && second && idPattern.test(second)) return { conversationId: second.toLowerCase() };
  if (first === 'settings' && second === 'triage') return { conversationId: null, screen: 'triage-settings' };
  return { conversationId: null };
}

export function routePath(route: Route, base: string): string {
  if (route.screen === 'triage-settings') return `${base}settings/triage`;
  return route.conversationId ? `${base}conversations/${route.conversationId}` : base;
}
