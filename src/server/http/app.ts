// The Fastify application: security hooks, OpenAPI, every route, the web app.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Services } from '../services.ts';
import { ApiKeys } from '../domain/workspaces/api-keys.ts';
import { Invitations } from '../domain/workspaces/invitations.ts';
import { Workspaces } from '../domain/workspaces/workspaces.ts';
import { installAuthContext } from './auth-context.ts';
import { installCsrfProtection } from './csrf.ts';
import { installErrorHandler } from './error-handler.ts';
import { installWorkspaceGuard } from './workspace-guard.ts';
import { registerWebApp } from './web-app.ts';
import { registerAuthProxy } from './routes/auth-proxy.ts';
import { registerSetupRoutes } from './routes/setup.ts';
import { registerMeRoutes } from './routes/me.ts';
import { registerWorkspaceRoutes } from './routes/workspaces.ts';
import { registerMemberRoutes } from './routes/members.ts';
import { registerInvitationRoutes } from './routes/invitations.ts';
import { registerApiKeyRoutes } from './routes/api-keys.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerAdminJobRoutes } from './routes/admin-jobs.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerChannelRoutes } from './routes/channels.ts';
import { registerChannelOAuthRoutes } from './routes/channel-oauth.ts';
import { registerMediaRoutes } from './routes/media.ts';
import { registerComposerKitRoutes } from './routes/composer-kit.ts';
import { registerPostRoutes } from './routes/posts.ts';
import { registerCalendarRoutes } from './routes/calendar.ts';
import { registerPublishingSettingsRoutes } from './routes/publishing-settings.ts';
import { registerApprovalLinkRoutes } from './routes/approval-links.ts';
import { registerClientReviewRoutes } from './routes/client-review.ts';
import { createApprovalLinkParts } from '../approval-link-wiring.ts';
import { registerLinkRoutes } from './routes/links.ts';
import { registerBulkRoutes } from './routes/bulk.ts';
import { registerFeedRoutes } from './routes/feeds.ts';
import { registerInboxRoutes } from './routes/inbox.ts';
import { registerInboxSettingsRoutes } from './routes/inbox-settings.ts';
import { registerInboxWebhookRoutes } from './routes/inbox-webhooks.ts';
import { registerInboxTeammateRoutes } from './routes/inbox-teammates.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  workspacePermission?: string;
  public?: boolean;
}

export async function buildApp(services: Services): Promise<FastifyInstance & { registeredRoutes: RegisteredRoute[] }> {
  const { config } = services;
  const app = Fastify({
    loggerInstance: services.logger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }) as unknown as FastifyInstance;
  const registeredRoutes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      registeredRoutes.push({ method, url: route.url, workspacePermission: route.config?.workspacePermission, public: route.config?.public });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installCsrfProtection(app, config.baseUrl);
  const apiKeys = new ApiKeys(services.database.db);
  installAuthContext(app, { auth: services.auth, apiKeys });
  installWorkspaceGuard(app, services.database.db);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Relais API', version: '0.1.0', description: 'Workspace API of Relais. Authenticate with a session cookie or `Authorization: Bearer <API key>`.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const workspaces = new Workspaces(services.database.db, services.auth);
  const invitations = new Invitations(services.database.db, services.auth, config.baseUrl);
  registerHealthRoutes(app, services);
  registerAuthProxy(app, services);
  registerSetupRoutes(app, services);
  registerMeRoutes(app, services, workspaces);
  registerWorkspaceRoutes(app, services, workspaces);
  registerMemberRoutes(app, services);
  registerInvitationRoutes(app, services, invitations);
  registerApiKeyRoutes(app, services, apiKeys);
  registerAuditRoutes(app, services);
  registerAdminJobRoutes(app, services);
  registerChannelRoutes(app, services, {
    channels: services.channels.service,
    store: services.channels.store,
    provider: services.channels.provider,
    networks: () =>
      services.channels.registry.manifests().map((m) => ({ network: m.network, displayName: m.displayName, auth: m.auth, capabilities: m.capabilities, limits: { ...m.limits } })),
  });
  registerChannelOAuthRoutes(app, services);
  registerPostRoutes(app, services);
  registerCalendarRoutes(app, services);
  registerPublishingSettingsRoutes(app, services);
  const approvalLinks = createApprovalLinkParts(services);
  registerApprovalLinkRoutes(app, services, approvalLinks.links);
  await registerClientReviewRoutes(app, services, approvalLinks.clientReview);
  registerLinkRoutes(app, services);
  await registerBulkRoutes(app, services);
  registerFeedRoutes(app, services);
  registerInboxRoutes(app, services);
  registerInboxSettingsRoutes(app, services);
  registerInboxTeammateRoutes(app, services);
  await registerInboxWebhookRoutes(app, services);
  await registerMediaRoutes(app, services);
  registerComposerKitRoutes(app, services);
  await registerWebApp(app);

  return Object.assign(app, { registeredRoutes });
}
