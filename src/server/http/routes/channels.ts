// Settings → Channels: the social accounts of a workspace and their health.
// Everyone in the workspace sees them; owners and admins manage them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import type { ChannelService } from '../../domain/channels/channel-service.ts';
import type { ChannelStore } from '../../domain/channels/channel-store.ts';
import type { ConnectorProvider } from '../../domain/channels/channel-service.ts';
import { capabilities } from '../../connectors/contract.ts';
import { notFound } from '../../errors.ts';
import { auditActor, requireUser } from '../request-context.ts';
import { errorResponses, workspaceParams } from './schemas.ts';

const channel = z.object({
  id: z.string(),
  network: z.string(),
  serverUrl: z.string(),
  handle: z.string(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  profileUrl: z.string().nullable(),
  status: z.enum(['connected', 'reconnect_needed', 'rate_limited', 'disabled']),
  statusReason: z.string().nullable(),
  rateLimitedUntil: z.string().nullable(),
  createdAt: z.string(),
});
const channelParams = workspaceParams.extend({ channelId: z.string().min(1).max(64) });

export interface ChannelRouteDeps {
  channels: ChannelService;
  store: ChannelStore;
  provider: ConnectorProvider;
  networks: () => Array<{ network: string; displayName: string; auth: string; capabilities: string[]; limits: Record<string, unknown> }>;
}

export function registerChannelRoutes(app: FastifyInstance, services: Services, deps: ChannelRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { workspacePermission: 'channels:manage' as const };

  r.get('/api/networks', {
    schema: {
      tags: ['channels'],
      summary: 'The networks Relais can connect, with what each can do and its limits',
      response: { 200: z.object({ networks: z.array(z.object({ network: z.string(), displayName: z.string(), auth: z.string(), capabilities: z.array(z.enum(capabilities)), limits: z.record(z.string(), z.unknown()) })) }), ...errorResponses },
    },
  }, async () => ({ networks: deps.networks() as never }));

  r.get('/api/workspaces/:workspaceId/channels', {
    config: { workspacePermission: 'workspace:read' },
    schema: { tags: ['channels'], summary: "A workspace's channels and their health", params: workspaceParams, response: { 200: z.object({ channels: z.array(channel) }), ...errorResponses } },
  }, async (request) => ({ channels: await deps.store.list(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/channels', {
    config: manage,
    schema: {
      tags: ['channels'],
      summary: 'Connect (or reconnect) an account that signs in with an app password or token',
      params: workspaceParams,
      body: z.strictObject({ network: z.string().min(1).max(40), credentials: z.record(z.string(), z.string().max(2000)) }),
      response: { 201: z.object({ channel }), ...errorResponses },
    },
  }, async (request, reply) => {
    const me = requireUser(request);
    const { workspaceId } = request.params;
    const connected = await deps.channels.connectWithSecret({ workspaceId, userId: me.id, network: request.body.network, form: request.body.credentials });
    await services.audit.record({ action: 'channel_connected', workspaceId, target: `${connected.network}: ${connected.handle}`, ...auditActor(request) });
    reply.status(201);
    return { channel: connected };
  });

  r.post('/api/workspaces/:workspaceId/channels/:channelId/check', {
    config: manage,
    schema: { tags: ['channels'], summary: 'Check now that a channel still works', params: channelParams, response: { 200: z.object({ channel }), ...errorResponses } },
  }, async (request) => {
    const checked = await deps.channels.check(request.params.workspaceId, request.params.channelId);
    if (!checked) throw notFound();
    return { channel: checked };
  });

  r.delete('/api/workspaces/:workspaceId/channels/:channelId', {
    config: manage,
    schema: { tags: ['channels'], summary: 'Disconnect a channel: its tokens are erased, its history kept', params: channelParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const { workspaceId, channelId } = request.params;
    const found = await deps.store.get(workspaceId, channelId);
    if (!found || !(await deps.store.disconnect(workspaceId, channelId))) throw notFound();
    await services.audit.record({ action: 'channel_disconnected', workspaceId, target: `${found.network}: ${found.handle}`, ...auditActor(request) });
    return reply.status(204).send(null);
  });
}
