import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const webDirs = {
  console: join(repoRoot, 'web', 'console', 'dist'),
  widget: join(repoRoot, 'web', 'widget', 'dist'),
};

const notBuilt = (what: string) => `<!doctype html><meta charset="utf-8"><title>Sanad</title>
<p>The ${what} has not been built yet. Run <code>npm run build</code> (or just <code>npm start</code>, which builds it when missing).</p>`;

/**
 * Serves the built agent console at /console (a single-page app: unknown paths get index.html)
 * and the chat widget at /widget, with the demo host page at /demo.
 */
export async function serveWeb(app: FastifyInstance, dirs = webDirs): Promise<void> {
  if (existsSync(join(dirs.console, 'index.html'))) {
    await app.register(fastifyStatic, { root: dirs.console, prefix: '/console/', decorateReply: true, wildcard: false });
    const sendIndex = (_request: unknown, reply: { sendFile: (f: string, root: string) => unknown }) => reply.sendFile('index.html', dirs.console);
    app.get('/console', { schema: { hide: true } }, sendIndex as never);
    app.get('/console/*', { schema: { hide: true } }, async (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      const file = join(dirs.console, path);
      if (path && !path.includes('..') && existsSync(file)) return reply.sendFile(path, dirs.console);
      return reply.sendFile('index.html', dirs.console);
    });
  } else {
    app.get('/console', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(notBuilt('agent console')));
  }
  if (existsSync(dirs.widget)) {
    await app.register(fastifyStatic, { root: dirs.widget, prefix: '/widget/', decorateReply: false });
    app.get('/demo', { schema: { hide: true } }, async (request, reply) => {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.redirect(`/widget/demo.html${query}`);
    });
  }
}
