export { authMigrations } from './migrations.ts';
export { authenticateRequest, sessionCookie } from './authenticate.ts';
export { createApiToken, listApiTokens, revokeApiToken, tokenPrefix, type NewTokenInput } from './api-tokens.ts';
export { changeOwnPassword, createAgentWithPassword, createAgentWithPasswordIn, preparePassword, setAgentPassword } from './passwords.ts';
export { login, loginLimits, logout, type AuthContext, type LoginResult } from './sessions.ts';
export { authRoutes } from './auth-routes.ts';
export { passwordRules } from './password.ts';
export { pruneAuth, pruneLoginAttempts, pruneSessions } from './prune.ts';
