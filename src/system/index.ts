export { systemRoutes } from './system-routes.ts';
export { welcomePage } from './welcome-page.ts';
