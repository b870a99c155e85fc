// The inbox's settings and tools: saved replies, rules (with a dry run and
// their log), opening hours and response targets, the response-time report,
// and where each channel's polling stands.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors.ts';
import { inboxSettingsSchema, ruleInputSchema, savedReplyInputSchema } from '../../../shared/inbox.ts';
import { auditActor } from '../request-context.ts';
import { eventView } from '../../domain/inbox/inbox-queries.ts';
import { inboxActor } from './inbox.ts';
import { workspaceParams } from './schemas.ts';

const savedReplyParams = workspaceParams.extend({ savedReplyId: z.string().min(1).max(64) });
const ruleParams = workspaceParams.extend({ ruleId: z.string().min(1).max(64) });
const channelParams = workspaceParams.extend({ channelId: z.string().min(1).max(64) });

export function registerInboxSettingsRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { inbox } = services;
  const read = { workspacePermission: 'inbox:read' as const };
  const work = { workspacePermission: 'inbox:work' as const };
  const reply = { workspacePermission: 'inbox:reply' as const };
  const manage = { workspacePermission: 'inbox:manage' as const };
  const tags = ['inbox'];

  r.get('/api/workspaces/:workspaceId/inbox/saved-replies', {
    config: read,
    schema: { tags, summary: 'Saved replies, by language then title', params: workspaceParams, querystring: z.strictObject({ language: z.enum(['fr', 'en']).optional() }) },
  }, async (request) => ({ savedReplies: await inbox.savedReplies.list(request.params.workspaceId, request.query.language) }));

  r.post('/api/workspaces/:workspaceId/inbox/saved-replies', {
    config: reply,
    schema: { tags, summary: 'Save a reply for the team ({{name}}, {{first_name}}, {{handle}}, {{channel}}, {{agent}}, {{order_number}})', params: workspaceParams, body: savedReplyInputSchema },
  }, async (request, res) => {
    res.status(201);
    return inbox.savedReplies.create(request.params.workspaceId, inboxActor(request).userId, request.body);
  });

  r.patch('/api/workspaces/:workspaceId/inbox/saved-replies/:savedReplyId', {
    config: reply,
    schema: { tags, summary: 'Change a saved reply', params: savedReplyParams, body: savedReplyInputSchema },
  }, async (request) => inbox.savedReplies.update(request.params.workspaceId, request.params.savedReplyId, request.body));

  r.delete('/api/workspaces/:workspaceId/inbox/saved-replies/:savedReplyId', {
    config: reply,
    schema: { tags, summary: 'Delete a saved reply', params: savedReplyParams },
  }, async (request, res) => {
    await inbox.savedReplies.remove(request.params.workspaceId, request.params.savedReplyId);
    res.status(204);
  });

  r.get('/api/workspaces/:workspaceId/inbox/rules', {
    config: read,
    schema: { tags, summary: 'Rules, in the order they run', params: workspaceParams },
  }, async (request) => ({ rules: await inbox.rules.list(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/inbox/rules', {
    config: manage,
    schema: { tags, summary: 'Add a rule (it runs after the others)', params: workspaceParams, body: ruleInputSchema },
  }, async (request, res) => {
    res.status(201);
    return inbox.rules.create(request.params.workspaceId, inboxActor(request).userId, request.body);
  });

  r.post('/api/workspaces/:workspaceId/inbox/rules/test', {
    config: manage,
    schema: { tags, summary: 'Which of the last 200 items a rule would match (nothing changes)', params: workspaceParams, body: ruleInputSchema },
  }, async (request) => ({ items: await inbox.rules.dryRun(request.params.workspaceId, request.body) }));

  r.put('/api/workspaces/:workspaceId/inbox/rules/order', {
    config: manage,
    schema: { tags, summary: 'Set the order rules run in', params: workspaceParams, body: z.strictObject({ ruleIds: z.array(z.string().min(1).max(64)).max(200) }) },
  }, async (request) => ({ rules: await inbox.rules.reorder(request.params.workspaceId, request.body.ruleIds) }));

  r.put('/api/workspaces/:workspaceId/inbox/rules/:ruleId', {
    config: manage,
    schema: { tags, summary: 'Change a rule', params: ruleParams, body: ruleInputSchema },
  }, async (request) => inbox.rules.update(request.params.workspaceId, request.params.ruleId, request.body));

  r.delete('/api/workspaces/:workspaceId/inbox/rules/:ruleId', {
    config: manage,
    schema: { tags, summary: 'Delete a rule (what it did stays in the history)', params: ruleParams },
  }, async (request, res) => {
    await inbox.rules.remove(request.params.workspaceId, request.params.ruleId);
    res.status(204);
  });

  r.get('/api/workspaces/:workspaceId/inbox/rules/:ruleId/log', {
    config: read,
    schema: { tags, summary: 'What a rule did, newest first, each change undoable', params: ruleParams },
  }, async (request) => {
    const rows = await inbox.rules.log(request.params.workspaceId, request.params.ruleId);
    return { events: rows.map((row) => eventView(row, null, null)) };
  });

  r.get('/api/workspaces/:workspaceId/inbox/settings', {
    config: read,
    schema: { tags, summary: 'Opening hours, response targets, approval of contributors’ replies', params: workspaceParams },
  }, async (request) => inbox.settings.get(request.params.workspaceId));

  r.put('/api/workspaces/:workspaceId/inbox/settings', {
    config: manage,
    schema: { tags, summary: 'Change opening hours, response targets, approval of contributors’ replies', params: workspaceParams, body: inboxSettingsSchema },
  }, async (request) => {
    const { workspaceId } = request.params;
    const before = await inbox.settings.save(workspaceId, request.body);
    if (JSON.stringify(before.businessHours) !== JSON.stringify(request.body.businessHours) || before.firstResponseTargetMinutes !== request.body.firstResponseTargetMinutes) {
      await inbox.clock.recomputeDue(workspaceId);
    }
    await services.audit.record({ ...auditActor(request), workspaceId, action: 'inbox_settings_changed', target: null, detail: { before, after: request.body } });
    return inbox.settings.get(workspaceId);
  });

  r.get('/api/workspaces/:workspaceId/inbox/report', {
    config: read,
    schema: { tags, summary: 'Response times in business hours: overall, per teammate, per channel', params: workspaceParams, querystring: z.strictObject({ from: z.string().max(40).optional(), to: z.string().max(40).optional() }) },
  }, async (request) => inbox.reports.report(request.params.workspaceId, request.query));

  r.get('/api/workspaces/:workspaceId/inbox/channels', {
    config: read,
    schema: { tags, summary: 'Where each channel’s polling stands', params: workspaceParams },
  }, async (request) => {
    const rows = await services.database.db.selectFrom('inbox_poll_state').selectAll().where('workspace_id', '=', request.params.workspaceId).execute();
    const iso = (ms: number | null) => (ms == null ? null : new Date(Number(ms)).toISOString());
    return {
      channels: rows.map((row) => ({
        channelId: row.channel_id,
        lastPolledAt: iso(row.last_polled_at),
        nextPollAt: iso(row.next_poll_at),
        intervalSeconds: Math.round(Number(row.interval_ms) / 1000),
        lastActivityAt: iso(row.last_activity_at),
        itemsTotal: Number(row.items_total),
        lastError: row.last_error ? (JSON.parse(row.last_error) as { kind: string; message: string }) : null,
      })),
    };
  });

  r.post('/api/workspaces/:workspaceId/inbox/channels/:channelId/poll', {
    config: work,
    schema: { tags, summary: 'Look for new messages on this channel now', params: channelParams },
  }, async (request, res) => {
    const channel = await services.channels.store.get(request.params.workspaceId, request.params.channelId);
    if (!channel) throw new AppError(404, 'inbox_channel_not_found');
    await inbox.poller.state(request.params.workspaceId, channel.id);
    await inbox.poller.pollSoon(channel.id);
    res.status(202);
    return { queued: true };
  });
}
