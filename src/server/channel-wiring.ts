// Puts the channel pieces together for a process: the connector registry, the
// shared outbound HTTP client and rate limiter, the sealed channel store, and
// the service the routes and jobs use. Admins are emailed when a channel
// needs reconnecting.
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { AppDatabase } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import { channelNeedsReconnectMail } from './mail/templates.ts';
import { createConnectorRegistry, type ConnectorRegistry } from './connectors/registry.ts';
import { createHttpClient, type HttpClient } from './net/http-client.ts';
import { createRateLimiter, type RateLimiter } from './net/rate-limiter.ts';
import { createSecretBox } from './security/secret-box.ts';
import { ChannelStore } from './domain/channels/channel-store.ts';
import { ChannelService, type ConnectorProvider } from './domain/channels/channel-service.ts';
import { AppError } from './errors.ts';
import { pickLocale } from '../shared/locales.ts';

/** Fields a connector keeps for itself; a person's form may never set them. */
const sessionFields = ['accessJwt', 'refreshJwt', 'did', 'handle', 'accessToken', 'refreshToken', 'tokenType', 'createdAt'];

export interface ChannelParts {
  registry: ConnectorRegistry;
  http: HttpClient;
  rateLimiter: RateLimiter;
  store: ChannelStore;
  provider: ConnectorProvider;
  service: ChannelService;
  close(): Promise<void>;
}

export function createChannelParts(deps: { config: Config; database: AppDatabase; mailer: Mailer; logger: Logger }): ChannelParts {
  const { config, database, mailer, logger } = deps;
  const registry = createConnectorRegistry();
  const rateLimiter = createRateLimiter();
  const http = createHttpClient({ allowPrivateUrls: config.allowPrivateUrls, logger, rateLimiter });
  const store = new ChannelStore(database.db, createSecretBox(config.secretKey));

  const provider: ConnectorProvider = {
    manifest: (network) => registry.get(network)?.manifest ?? null,
    parseCredentials(network, input) {
      const definition = registry.get(network);
      if (!definition) throw new AppError(400, 'network_unknown');
      const form = Object.fromEntries(Object.entries((input ?? {}) as Record<string, unknown>).filter(([key]) => !sessionFields.includes(key)));
      try {
        const credentials = definition.credentialsSchema.parse(form);
        return { credentials, serverUrl: definition.serverUrl(credentials) };
      } catch (error) {
        if (error instanceof ZodError) throw new AppError(400, 'validation', { details: error.issues.map((issue) => issue.path.join('.')).join(', ') });
        throw error;
      }
    },
    connect: (network, credentials, onCredentialsChanged) => registry.connect(network, credentials, { http, rateLimiter, onCredentialsChanged }),
  };

  const service = new ChannelService(store, provider, async (channel, reason) => {
    const admins = await database.db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .innerJoin('organization', 'organization.id', 'member.organizationId')
      .select(['user.email', 'user.locale', 'organization.name as workspaceName'])
      .where('member.organizationId', '=', channel.workspaceId)
      .where('member.role', 'in', ['owner', 'admin'])
      .execute();
    for (const admin of admins) {
      try {
        await mailer.send(
          channelNeedsReconnectMail({
            locale: pickLocale(admin.locale),
            to: admin.email,
            workspaceName: admin.workspaceName,
            channelLabel: `@${channel.handle}`,
            reason,
            url: `${config.baseUrl}/w/${channel.workspaceId}/settings/channels`,
          }),
        );
      } catch (error) {
        logger.warn({ err: error }, 'could not email an admin about a channel to reconnect');
      }
    }
  });

  return { registry, http, rateLimiter, store, provider, service, close: async () => http.close() };
}
