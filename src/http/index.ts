export { allow, adminsOnly, decideAccess, everyRole, managers, publicAccess, type Access, type AccessDecision } from './access.ts';
export { defineRoute, type HttpMethod, type RouteDef, type RouteInput } from './route.ts';
export { commonErrors, Email, ErrorBody, Id, IdParams, Language, Name, Nullable, Obj, Ok, Text, TimeZone, Timestamp } from './schemas.ts';
export { Page, pageQuery } from './pagination.ts';
export { installErrorHandling } from './error-handler.ts';
export { registerRoutes, type RouteSecurity } from './register-routes.ts';
export { validatorCompiler } from './validation.ts';
export { actorOf, signedIn } from './actor.ts';
