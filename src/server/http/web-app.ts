// Serves the built web app (dist/web) and answers every non-API path with its
// index.html, so that client-side routes survive a reload.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.ts';
import { sendError } from './error-handler.ts';

export const webRoot = path.resolve(import.meta.dirname, '../../../dist/web');

export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const built = existsSync(path.join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false, cacheControl: false,
      setHeaders: (res, file) => res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache') });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0];
    if (pathname.startsWith('/api/') || request.method !== 'GET' || !built) return sendError(request, reply, new AppError(404, 'not_found'));
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
