// Bluesky as the registry knows it.
import type { ConnectorDefinition } from '../registry.ts';
import { connectBluesky } from './connector.ts';
import { blueskyCredentialsSchema, type BlueskyCredentials } from './credentials.ts';
import { blueskyManifest } from './manifest.ts';

export const blueskyDefinition: ConnectorDefinition<BlueskyCredentials> = {
  manifest: blueskyManifest,
  credentialsSchema: blueskyCredentialsSchema,
  serverUrl: (credentials) => credentials.serviceUrl,
  connect: (credentials, deps) => connectBluesky(credentials, deps),
  async testConnection(credentials, deps) {
    return connectBluesky(credentials, deps).profile();
  },
};

export { blueskyManifest } from './manifest.ts';
export { blueskyCredentialsSchema, type BlueskyCredentials } from './credentials.ts';
