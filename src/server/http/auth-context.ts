// Resolves who is calling, once per request: a session cookie (better-auth) or
// a workspace API key (`Authorization: Bearer rls_…`). Also picks the language.
import type { FastifyInstance } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { Auth } from '../auth/auth.ts';
import type { ApiKeys } from '../domain/workspaces/api-keys.ts';
import { AppError, unauthenticated } from '../errors.ts';
import { pickLocale } from '../../shared/locales.ts';
import type { SessionUser } from './request-context.ts';

export function installAuthContext(app: FastifyInstance, deps: { auth: Auth; apiKeys: ApiKeys }): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'en');
  app.decorateRequest('workspace', null);

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    request.actor = { kind: 'anonymous' };
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/auth/') || request.url.startsWith('/api/docs')) return;

    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const key = await deps.apiKeys.authenticate(authorization.slice('Bearer '.length).trim());
      if (!key) throw new AppError(401, 'api_key_invalid');
      request.actor = { kind: 'apiKey', apiKeyId: key.id, workspaceId: key.workspaceId, role: key.role, label: key.name };
      return;
    }
    if (!request.headers.cookie?.includes('relais.session_token')) return;
    const session = await deps.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    if (!session) return;
    const user = session.user as unknown as SessionUser;
    request.actor = {
      kind: 'user',
      sessionId: session.session.id,
      user: { id: user.id, name: user.name, email: user.email, locale: user.locale ?? null, timeZone: user.timeZone ?? null, instanceRole: user.instanceRole ?? null },
    };
    request.locale = pickLocale(request.headers['accept-language'], user.locale);
  });

  // Every API route needs a caller unless it says it is public.
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.routeOptions.config?.public) return;
    if (request.actor.kind === 'anonymous') throw unauthenticated();
  });
}
