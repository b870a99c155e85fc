// Mastodon as the registry knows it. Connecting an account goes through OAuth
// (oauth.ts): the routes start an authorization and, on the callback, store
// the credentials it returns.
import type { ConnectorDefinition } from '../registry.ts';
import { createMastodonConnector } from './connector.ts';
import { mastodonCredentialsSchema, type MastodonCredentials } from './credentials.ts';
import { mastodonManifest } from './manifest.ts';
import { parseMastodonWebhook, verifyMastodonWebhook } from './webhook.ts';

export const mastodonDefinition: ConnectorDefinition<MastodonCredentials> = {
  manifest: mastodonManifest,
  credentialsSchema: mastodonCredentialsSchema,
  serverUrl: (credentials) => credentials.serverUrl,
  connect: (credentials, deps) => createMastodonConnector({ credentials, http: deps.http, rateLimiter: deps.rateLimiter, onCredentialsChanged: deps.onCredentialsChanged }),
  async testConnection(credentials, deps) {
    return createMastodonConnector({ credentials, http: deps.http, rateLimiter: deps.rateLimiter, onCredentialsChanged: deps.onCredentialsChanged }).profile();
  },
  webhook: { verify: verifyMastodonWebhook, parse: parseMastodonWebhook },
};

export { mastodonManifest } from './manifest.ts';
export { mastodonCredentialsSchema, type MastodonCredentials } from './credentials.ts';
