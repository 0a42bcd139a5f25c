/**
 * Client routes under the console's base path: `/console/`, `/console/conversations/:id`, `/console/settings/triage`,
 * `/console/supervisor`, `/console/settings/routing`, `/console/settings/email`, `/console/settings/sla` and `/console/callbacks`.
 */

export interface Route {
  conversationId: string | null;
  /** A screen other than the inbox (triage settings, supervisor and SLAs: managers only; email settings: admins only). */
  screen?: 'triage-settings' | 'supervisor' | 'routing-rules' | 'callbacks' | 'email-settings' | 'sla-settings';
}

const idPattern = /^[0-9a-f-]{36}$/i;

export function parseRoute(pathname: string, base: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  const [first, second] = rest.split('/').filter(Boolean);
  if (first === 'conversations' && second && idPattern.test(second)) return { conversationId: second.toLowerCase() };
  if (first === 'settings' && second === 'triage') return { conversationId: null, screen: 'triage-settings' };
  if (first === 'settings' && second === 'routing') return { conversationId: null, screen: 'routing-rules' };
  if (first === 'settings' && second === 'email') return { conversationId: null, screen: 'email-settings' };
  if (first === 'settings' && second === 'sla') return { conversationId: null, screen: 'sla-settings' };
  if (first === 'supervisor' && !second) return { conversationId: null, screen: 'supervisor' };
  if (first === 'callbacks' && !second) return { conversationId: null, screen: 'callbacks' };
  return { conversationId: null };
}

export function routePath(route: Route, base: string): string {
  if (route.screen === 'triage-settings') return `${base}settings/triage`;
  if (route.screen === 'routing-rules') return `${base}settings/routing`;
  if (route.screen === 'email-settings') return `${base}settings/email`;
  if (route.screen === 'sla-settings') return `${base}settings/sla`;
  if (route.screen === 'supervisor') return `${base}supervisor`;
  if (route.screen === 'callbacks') return `${base}callbacks`;
  return route.conversationId ? `${base}conversations/${route.conversationId}` : base;
}
