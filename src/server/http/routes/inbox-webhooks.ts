// Webhook intake: an administrator creates a channel's webhook secret (shown
// once) to paste into the network's settings; deliveries arrive on a public
// route, read as raw bytes (the signature covers them exactly), small, and
// are refused with 401 when unsigned or signed with another secret.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { workspaceParams } from './schemas.ts';

const MAX_DELIVERY_BYTES = 1024 * 1024;

export async function registerInboxWebhookRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/workspaces/:workspaceId/inbox/channels/:channelId/webhook', {
    config: { workspacePermission: 'inbox:manage' as const },
    schema: { tags: ['inbox'], summary: 'Create or replace the channel’s webhook secret (shown once) and get the delivery URL', params: workspaceParams.extend({ channelId: z.string().min(1).max(64) }) },
  }, async (request, reply) => {
    reply.status(201).header('cache-control', 'no-store');
    return services.inbox.webhooks.create(request.params.workspaceId, request.params.channelId);
  });

  await app.register(async (scope) => {
    // Only in this scope: the body stays the exact bytes that were signed.
    scope.addContentTypeParser(['application/json', 'application/*+json'], { parseAs: 'buffer', bodyLimit: MAX_DELIVERY_BYTES }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/hooks/inbox/:channelId', {
      config: { public: true },
      bodyLimit: MAX_DELIVERY_BYTES,
      schema: { tags: ['inbox'], summary: 'A network’s webhook delivery for a channel (signature checked)', params: z.strictObject({ channelId: z.string().min(1).max(64) }) },
    }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '');
      const result = await services.inbox.webhooks.receive(request.params.channelId, request.headers, raw);
      reply.status(202);
      return { received: result.inserted };
    });
  });
}
