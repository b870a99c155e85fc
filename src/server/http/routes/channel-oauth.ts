// Connecting an account by OAuth 2 (authorization code + PKCE): the start
// registers Relais on the instance once, remembers the state and the sealed
// verifier, and sends the browser to the instance; the callback checks the
// state (single use, 10 minutes), exchanges the code and stores the channel.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors.ts';
import type { MessageCode } from '../../i18n/messages.ts';
import { BlockedUrlError } from '../../net/ssrf-guard.ts';
import { createSecretBox } from '../../security/secret-box.ts';
import { startAuthorization, completeAuthorization, MastodonOAuthError } from '../../connectors/mastodon/oauth.ts';
import type { MastodonApp } from '../../connectors/mastodon/credentials.ts';
import { channelError } from '../../domain/channels/channel-errors.ts';
import { auditActor, requireUser } from '../request-context.ts';
import { errorResponses, workspaceParams } from './schemas.ts';

const stateLifetimeMs = 10 * 60 * 1000;

const oauthCodes: Record<MastodonOAuthError['kind'], MessageCode> = {
  not_mastodon: 'channel_not_mastodon',
  unreachable: 'channel_unreachable',
  denied: 'oauth_denied',
  state_mismatch: 'oauth_state_expired',
  rejected: 'channel_failed',
};

function oauthError(error: unknown, server: string): AppError {
  if (error instanceof MastodonOAuthError) return new AppError(error.kind === 'unreachable' ? 502 : 400, oauthCodes[error.kind], { server, network: 'Mastodon', detail: error.networkMessage ?? error.message });
  if (error instanceof BlockedUrlError) return new AppError(400, 'url_blocked');
  return channelError(error, { network: 'Mastodon', server });
}

export function registerChannelOAuthRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const { http, store } = services.channels;
  const box = createSecretBox(services.config.secretKey);
  const redirectUri = `${services.config.baseUrl}/api/oauth/mastodon/callback`;

  const findApp = async (serverUrl: string, uri: string): Promise<MastodonApp | null> => {
    const row = await db.selectFrom('oauth_app').selectAll().where('network', '=', 'mastodon').where('server_url', '=', serverUrl).where('redirect_uri', '=', uri).executeTakeFirst();
    return row ? { serverUrl, redirectUri: uri, clientId: row.client_id, clientSecret: box.open(row.client_secret, `${serverUrl}|${uri}`) } : null;
  };
  const saveApp = async (found: MastodonApp) => {
    await db
      .insertInto('oauth_app')
      .values({ network: 'mastodon', server_url: found.serverUrl, redirect_uri: found.redirectUri, client_id: found.clientId, client_secret: box.seal(found.clientSecret, `${found.serverUrl}|${found.redirectUri}`), created_at: Date.now() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  };

  r.post('/api/workspaces/:workspaceId/channels/oauth', {
    config: { workspacePermission: 'channels:manage' },
    schema: {
      tags: ['channels'],
      summary: 'Start connecting an account by OAuth: returns the URL to send the browser to',
      params: workspaceParams,
      body: z.strictObject({ network: z.enum(['mastodon']), serverUrl: z.string().trim().min(3).max(300), channelId: z.string().max(64).optional() }),
      response: { 200: z.object({ authorizeUrl: z.string() }), ...errorResponses },
    },
  }, async (request) => {
    const me = requireUser(request);
    let started;
    try {
      started = await startAuthorization(http, { server: request.body.serverUrl, redirectUri, website: services.config.baseUrl, findApp, saveApp, forceLogin: true, lang: request.locale });
    } catch (error) {
      throw oauthError(error, request.body.serverUrl);
    }
    await db
      .insertInto('oauth_state')
      .values({
        state: started.state,
        workspace_id: request.params.workspaceId,
        user_id: me.id,
        network: 'mastodon',
        server_url: started.serverUrl,
        code_verifier: box.seal(started.codeVerifier, started.state),
        channel_id: request.body.channelId ?? null,
        expires_at: Date.now() + stateLifetimeMs,
      })
      .execute();
    return { authorizeUrl: started.authorizeUrl };
  });

  r.get('/api/oauth/mastodon/callback', {
    schema: { hide: true, querystring: z.record(z.string(), z.string()) },
  }, async (request, reply) => {
    const me = requireUser(request);
    const query = request.query;
    const state = typeof query.state === 'string' ? query.state : '';
    // Single use: the state row is taken before anything else happens.
    const pending = state ? await db.selectFrom('oauth_state').selectAll().where('state', '=', state).where('user_id', '=', me.id).executeTakeFirst() : undefined;
    if (pending) await db.deleteFrom('oauth_state').where('state', '=', state).execute();
    const back = (workspaceId: string, params: Record<string, string>) => reply.redirect(`/w/${encodeURIComponent(workspaceId)}/settings/channels?${new URLSearchParams(params)}`);
    if (!pending || Number(pending.expires_at) < Date.now()) {
      const workspaceId = pending?.workspace_id;
      return workspaceId ? back(workspaceId, { error: 'oauth_state_expired' }) : reply.redirect('/?error=oauth_state_expired');
    }
    try {
      const found = await findApp(pending.server_url, redirectUri);
      if (!found) throw new MastodonOAuthError('state_mismatch', 'the app registration is gone');
      const done = await completeAuthorization(http, { app: found, query, expectedState: pending.state, codeVerifier: box.open(pending.code_verifier, pending.state) });
      const channel = await store.saveConnected({ workspaceId: pending.workspace_id, network: 'mastodon', serverUrl: pending.server_url, profile: done.profile, credentials: done.credentials, userId: me.id });
      await services.audit.record({ action: 'channel_connected', workspaceId: pending.workspace_id, target: `mastodon: ${channel.handle}`, ...auditActor(request) });
      return back(pending.workspace_id, { connected: channel.id });
    } catch (error) {
      const failure = oauthError(error, pending.server_url);
      request.log.info({ code: failure.code }, 'OAuth connection failed');
      return back(pending.workspace_id, { error: failure.code });
    }
  });
}
