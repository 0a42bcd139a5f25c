export { serveWeb, webDirs } from './serve-web.ts';
