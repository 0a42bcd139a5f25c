export const roles = ['admin', 'supervisor', 'agent'] as const;
export type Role = (typeof roles)[number];

/** Scopes an API token may carry. Each route names the one scope a token needs to call it. */
export const scopes = [
  'conversations:read',
  'conversations:write',
  'contacts:read',
  'contacts:write',
  'agents:read',
  'agents:write',
  'settings:read',
  'settings:write',
  'events:read',
] as const;
export type Scope = (typeof scopes)[number];
