// better-auth's endpoints, reached through Fastify so that only the ones
// Relais offers are public, errors come back translated, and logins and
// failed logins land in the audit log.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors.ts';
import type { MessageCode } from '../../i18n/messages.ts';
import { clientIpHeader } from '../../auth/auth.ts';
import { assertStrongPassword, minPasswordLength } from '../../auth/password-policy.ts';
import { sendError } from '../error-handler.ts';

/** The auth endpoints a browser may call; everything else better-auth has stays internal. */
const publicEndpoints = new Set([
  'POST /sign-in/email',
  'POST /sign-out',
  'GET /get-session',
  'POST /request-password-reset',
  'POST /reset-password',
  'GET /reset-password/:token',
]);

const betterAuthCodes: Record<string, MessageCode> = {
  INVALID_EMAIL_OR_PASSWORD: 'invalid_credentials',
  INVALID_PASSWORD: 'invalid_credentials',
  INVALID_TOKEN: 'invalid_token',
  PASSWORD_TOO_SHORT: 'password_too_short',
  PASSWORD_TOO_LONG: 'password_too_long',
  INVALID_EMAIL: 'invalid_email',
  USER_ALREADY_EXISTS: 'email_taken',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'email_taken',
  VALIDATION_ERROR: 'validation',
};

function endpointKey(method: string, path: string): string {
  return `${method} ${path.replace(/^\/reset-password\/[^/]+$/, '/reset-password/:token')}`;
}

export function registerAuthProxy(app: FastifyInstance, services: Services): void {
  const { auth, audit } = services;

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { public: true },
    schema: { hide: true },
    handler: async (request, reply) => {
      const url = new URL(request.url, services.config.baseUrl);
      const path = url.pathname.slice('/api/auth'.length);
      if (!publicEndpoints.has(endpointKey(request.method, path))) throw new AppError(404, path.startsWith('/sign-up') ? 'signup_closed' : 'not_found');

      const body = request.body as Record<string, unknown> | undefined;
      if (path === '/reset-password' && typeof body?.newPassword === 'string') assertStrongPassword(body.newPassword);
      const signOutUser = path === '/sign-out' && request.actor.kind === 'anonymous' ? await sessionUserId(request, services) : null;

      const response = await auth.handler(toFetchRequest(request, url));
      const text = await response.text();

      if (path === '/sign-in/email') await auditSignIn(services, request, response.status, body);
      if (signOutUser && response.ok) await audit.record({ action: 'logout', actorUserId: signOutUser.id, actorLabel: signOutUser.email, ip: request.ip });

      reply.status(response.status);
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie' && name !== 'content-length' && name !== 'content-encoding') reply.header(name, value);
      });
      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      if (response.ok || response.status === 302) return reply.send(text);

      if (response.status === 429) {
        const seconds = Number(response.headers.get('x-retry-after') ?? response.headers.get('retry-after') ?? 60);
        return sendError(request, reply, new AppError(429, 'rate_limited', { seconds }, { 'retry-after': String(seconds) }));
      }
      const parsed = safeJson(text) as { code?: string } | null;
      const code = (parsed?.code && betterAuthCodes[parsed.code]) || (response.status === 401 ? 'unauthenticated' : 'validation');
      return sendError(request, reply, new AppError(response.status, code, { details: '', min: minPasswordLength }));
    },
  });
}

function toFetchRequest(request: FastifyRequest, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === clientIpHeader || name === 'content-length') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set(clientIpHeader, request.ip);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, { method: request.method, headers, body: hasBody ? JSON.stringify(request.body ?? {}) : undefined });
}

async function auditSignIn(services: Services, request: FastifyRequest, status: number, body: Record<string, unknown> | undefined) {
  if (status < 400) return; // successful logins are recorded when the session is created
  const email = typeof body?.email === 'string' ? body.email.toLowerCase().slice(0, 320) : null;
  const user = email ? await services.database.db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst() : undefined;
  await services.audit.record({
    action: 'login_failed',
    actorUserId: user?.id ?? null,
    actorLabel: email,
    ip: request.ip,
    detail: { reason: status === 429 ? 'rate_limited' : 'invalid_credentials' },
  });
}

async function sessionUserId(request: FastifyRequest, services: Services): Promise<{ id: string; email: string } | null> {
  const headers = new Headers();
  if (request.headers.cookie) headers.set('cookie', request.headers.cookie);
  const session = await services.auth.api.getSession({ headers });
  return session ? { id: session.user.id, email: session.user.email } : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
