import type { Role, Scope } from './roles.ts';

/** Who is calling: an agent signed in with a session cookie, or an integration with an API token. */
export type Principal =
  | { kind: 'agent'; workspaceId: string; agentId: string; role: Role; sessionId: string; csrfToken: string }
  | { kind: 'token'; workspaceId: string; tokenId: string; scopes: readonly Scope[] };
