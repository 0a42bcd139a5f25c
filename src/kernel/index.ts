export { AppError, errorCatalogue, isAppError, type ErrorCode } from './errors.ts';
export type { Actor, NewEvent, StoredEvent } from './events.ts';
export { fixedClock, type Clock, type IdGenerator } from './clock.ts';
export { roles, scopes, type Role, type Scope } from './roles.ts';
export type { Principal } from './principal.ts';
export { decodeCursor, encodeCursor, toPage, type PageResult } from './cursor.ts';
