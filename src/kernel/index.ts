export { AppError, errorCatalogue, isAppError, type ErrorCode } from './errors.ts';
export type { Actor, NewEvent, StoredEvent } from './events.ts';
export { fixedClock, type Clock, type IdGenerator } from './clock.ts';
export { roles, scopes, type Role, type Scope } from './roles.ts';
