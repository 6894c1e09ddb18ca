import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.js';
import { PROJECT_ROOT } from '../project-root.js';
import type { App } from './app.js';

export const WEB_DIST = path.join(PROJECT_ROOT, 'web', 'dist');

/** Serves the built staff application under /app (a single-page app: unknown paths get index.html). */
export async function webAppRoutes(app: App) {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.get('/app/*', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').status(503).send('前端尚未构建：运行 npm run build。 The web app is not built: run npm run build.'),
    );
    return;
  }
  // serve: false — only reply.sendFile; the public /app/* route below serves every file (routes the
  // plugin would register itself are not marked public, so the login page's assets would get 401).
  await app.register(fastifyStatic, { root: WEB_DIST, serve: false, index: false });
  const indexHtml = fs.readFileSync(path.join(WEB_DIST, 'index.html'));
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  app.get('/app', { config: { public: true }, schema: { hide: true } }, sendIndex);
  app.get('/app/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const rel = (request.params as { '*': string })['*'];
    const file = path.join(WEB_DIST, rel);
    if (rel && file.startsWith(WEB_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.header('cache-control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(rel);
    }
    // A missing build asset is a 404, not the app shell (which the browser would reject as script).
    if (rel.startsWith('assets/')) return reply.status(404).send(new AppError('ROUTE_NOT_FOUND').toBody());
    return sendIndex(request, reply);
  });
}
