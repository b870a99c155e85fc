// The workspace's publishing settings (pause switch, alt text rule), each
// channel's queue slots, campaigns, and the in-app notifications.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { notFound } from '../../errors.ts';
import { auditActor, requireUser } from '../request-context.ts';
import { errorResponses, workspaceParams } from './schemas.ts';
import { campaignView } from './publishing-schemas.ts';

const settingsView = z.object({ paused: z.boolean(), pausedAt: z.string().nullable(), pausedBy: z.string().nullable(), requireAltText: z.boolean(), shortenLinks: z.boolean(), shortLinkBaseUrl: z.string() });
const slot = z.strictObject({ weekday: z.number().int().min(1).max(7), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) });
const channelParams = workspaceParams.extend({ channelId: z.string().min(1).max(64) });
const campaignParams = workspaceParams.extend({ campaignId: z.string().min(1).max(64) });
const utm = z.string().trim().max(200).nullable();
const campaignInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  utmSource: utm.default(null),
  utmMedium: utm.default(null),
  utmCampaign: utm.default(null),
});

export function registerPublishingSettingsRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { settings, queueSlots, campaigns, notifier } = services.publishing;
  const read = { workspacePermission: 'workspace:read' as const };
  const publish = { workspacePermission: 'content:publish' as const };

  r.get('/api/workspaces/:workspaceId/publishing/settings', {
    config: read,
    schema: { tags: ['publishing'], summary: 'Whether publishing is paused, the alt text rule, and whether links are shortened', params: workspaceParams, response: { 200: settingsView, ...errorResponses } },
  }, async (request) => settings.get(request.params.workspaceId));

  r.put('/api/workspaces/:workspaceId/publishing/settings', {
    config: publish,
    schema: {
      tags: ['publishing'],
      summary: 'Pause publishing (a crisis: everything scheduled waits) or resume it; require alt text on images; shorten links (click counting)',
      params: workspaceParams,
      body: z.strictObject({ paused: z.boolean().optional(), requireAltText: z.boolean().optional(), shortenLinks: z.boolean().optional() }),
      response: { 200: settingsView, ...errorResponses },
    },
  }, async (request) => {
    const { workspaceId } = request.params;
    const userId = request.actor.kind === 'user' ? request.actor.user.id : null;
    const { before, after } = await settings.update(workspaceId, userId, request.body);
    if (before.paused !== after.paused) {
      await services.audit.record({ action: after.paused ? 'publishing_paused' : 'publishing_resumed', workspaceId, target: null, ...auditActor(request) });
    }
    return after;
  });

  r.get('/api/workspaces/:workspaceId/channels/:channelId/queue-slots', {
    config: read,
    schema: { tags: ['publishing'], summary: "A channel's weekly queue slots (workspace time zone)", params: channelParams, response: { 200: z.object({ slots: z.array(slot) }), ...errorResponses } },
  }, async (request) => {
    const slots = await queueSlots.list(request.params.workspaceId, request.params.channelId);
    if (!slots) throw notFound();
    return { slots };
  });

  r.put('/api/workspaces/:workspaceId/channels/:channelId/queue-slots', {
    config: publish,
    schema: { tags: ['publishing'], summary: "Replace a channel's weekly queue slots", params: channelParams, body: z.strictObject({ slots: z.array(slot).max(200) }), response: { 200: z.object({ slots: z.array(slot) }), ...errorResponses } },
  }, async (request) => ({ slots: await queueSlots.replace(request.params.workspaceId, request.params.channelId, request.body.slots) }));

  r.get('/api/workspaces/:workspaceId/campaigns', {
    config: read,
    schema: { tags: ['publishing'], summary: 'Campaigns', params: workspaceParams, response: { 200: z.object({ campaigns: z.array(campaignView) }), ...errorResponses } },
  }, async (request) => ({ campaigns: await campaigns.list(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/campaigns', {
    config: publish,
    schema: { tags: ['publishing'], summary: 'Create a campaign', params: workspaceParams, body: campaignInput, response: { 201: z.object({ campaign: campaignView }), ...errorResponses } },
  }, async (request, reply) => {
    reply.status(201);
    return { campaign: await campaigns.create(request.params.workspaceId, request.body) };
  });

  r.patch('/api/workspaces/:workspaceId/campaigns/:campaignId', {
    config: publish,
    schema: { tags: ['publishing'], summary: 'Change a campaign', params: campaignParams, body: campaignInput.partial(), response: { 200: z.object({ campaign: campaignView }), ...errorResponses } },
  }, async (request) => ({ campaign: await campaigns.update(request.params.workspaceId, request.params.campaignId, request.body) }));

  r.delete('/api/workspaces/:workspaceId/campaigns/:campaignId', {
    config: publish,
    schema: { tags: ['publishing'], summary: 'Delete a campaign (its posts stay)', params: campaignParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    if (!(await campaigns.delete(request.params.workspaceId, request.params.campaignId))) throw notFound();
    return reply.status(204).send(null);
  });

  r.get('/api/workspaces/:workspaceId/notifications', {
    config: read,
    schema: {
      tags: ['notifications'],
      summary: 'My notifications in this workspace, newest first',
      params: workspaceParams,
      response: { 200: z.object({ unread: z.number(), items: z.array(z.object({ id: z.string(), kind: z.string(), payload: z.record(z.string(), z.unknown()), createdAt: z.string(), read: z.boolean() })) }), ...errorResponses },
    },
  }, async (request) => notifier.store.list(request.params.workspaceId, requireUser(request).id));

  r.post('/api/workspaces/:workspaceId/notifications/read', {
    config: read,
    schema: { tags: ['notifications'], summary: 'Mark notifications read (all, or the given ones)', params: workspaceParams, body: z.strictObject({ ids: z.array(z.string().max(64)).max(500).optional() }), response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await notifier.store.markRead(request.params.workspaceId, requireUser(request).id, request.body.ids ?? 'all');
    return reply.status(204).send(null);
  });
}
