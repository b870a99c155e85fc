// Cookie-authenticated writes must come from Relais' own pages: the browser's
// Origin (or Referer) has to be Relais' origin. SameSite=Lax cookies already
// stop most cross-site posts; this closes the rest (and same-site subdomains).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installCsrfProtection(app: FastifyInstance, baseUrl: string): void {
  const allowed = new URL(baseUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
    if (!request.headers.cookie || request.headers.authorization?.startsWith('Bearer ')) return;
    const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
    if (origin !== allowed) throw new AppError(403, 'csrf');
  });
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
