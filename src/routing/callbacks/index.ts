/** Callbacks: promised calls, routed as 'callback' conversations due at their window's start. */
export { callbackSummary, changeCallback, createCallback, dueAtOf, getCallback, sweepMissedCallbacks, type CallbackSummary, type NewCallback } from './callback-commands.ts';
export { callbackStatuses, confirmationText, isMissed, type CallbackStatus } from './callback-rules.ts';
export type { Callback } from './callback-store.ts';
export { callbackRoutes } from './callback-routes.ts';
export { visitorCallbackScheduler, type VisitorCallbackRequest } from './callback-visitor.ts';
export { callbackMigrations } from './migrations.ts';
