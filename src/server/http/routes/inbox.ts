// The inbox: the list with its views and filters, one item with its notes,
// replies and history, the team's changes (one or many items), notes, replies
// and likes, conversations, authors, the live feed (server-sent events) and undo.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors.ts';
import { can } from '../../../shared/roles.ts';
import { bulkUpdateSchema, inboxFilterSchema, itemUpdateSchema, noteInputSchema, replyInputSchema } from '../../../shared/inbox.ts';
import type { InboxActor } from '../../domain/inbox/item-updates.ts';
import { requireUser } from '../request-context.ts';
import { workspaceParams } from './schemas.ts';

const itemParams = workspaceParams.extend({ itemId: z.coerce.number().int().positive() });
const replyParams = workspaceParams.extend({ replyId: z.string().min(1).max(64) });
const noteParams = itemParams.extend({ noteId: z.string().min(1).max(64) });
const conversationParams = workspaceParams.extend({ conversationId: z.string().min(1).max(64) });
const authorParams = workspaceParams.extend({ authorId: z.string().min(1).max(64) });
const eventParams = workspaceParams.extend({ eventId: z.coerce.number().int().positive() });
const arrayFields = ['channel', 'kind', 'sentiment', 'language', 'assignee', 'tag', 'priority'] as const;

export function inboxActor(request: FastifyRequest): InboxActor {
  if (request.actor.kind === 'user') return { userId: request.actor.user.id, name: request.actor.user.name };
  if (request.actor.kind === 'apiKey') return { userId: null, name: `API: ${request.actor.label}` };
  return { userId: null, name: 'Relais' };
}

/** The list's query string: arrays as repeated parameters or comma-separated values. */
function parseFilter(query: Record<string, unknown>) {
  const normalized: Record<string, unknown> = { ...query };
  for (const field of arrayFields) {
    const value = normalized[field];
    if (value === undefined) continue;
    normalized[field] = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
  }
  const parsed = inboxFilterSchema.safeParse(normalized);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new AppError(400, 'validation', { details });
  }
  return parsed.data;
}

export function registerInboxRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { inbox } = services;
  const read = { workspacePermission: 'inbox:read' as const };
  const work = { workspacePermission: 'inbox:work' as const };
  const approve = { workspacePermission: 'inbox:reply' as const };
  const tags = ['inbox'];

  r.get('/api/workspaces/:workspaceId/inbox/items', {
    config: read,
    schema: { tags, summary: 'The inbox: a view (open, mine, overdue…), filters and full text, newest first, 50 per page', params: workspaceParams, querystring: z.record(z.string(), z.unknown()) },
  }, async (request) => {
    const userId = request.actor.kind === 'user' ? request.actor.user.id : null;
    return inbox.queries.list(request.params.workspaceId, userId, parseFilter(request.query));
  });

  r.get('/api/workspaces/:workspaceId/inbox/counts', {
    config: read,
    schema: { tags, summary: 'How many items each view holds (capped at 1,000)', params: workspaceParams },
  }, async (request) => inbox.queries.counts(request.params.workspaceId, request.actor.kind === 'user' ? request.actor.user.id : null));

  r.get('/api/workspaces/:workspaceId/inbox/items/:itemId', {
    config: read,
    schema: { tags, summary: 'One item with its notes, replies and history', params: itemParams },
  }, async (request) => inbox.queries.detail(request.params.workspaceId, request.params.itemId));

  r.patch('/api/workspaces/:workspaceId/inbox/items/:itemId', {
    config: work,
    schema: { tags, summary: 'Change an item: status, assignee, tags, priority, spam, snooze', params: itemParams, body: itemUpdateSchema },
  }, async (request) => {
    const { workspaceId, itemId } = request.params;
    await inbox.updates.update(workspaceId, inboxActor(request), itemId, request.body);
    return (await inbox.queries.detail(workspaceId, itemId)).item;
  });

  r.post('/api/workspaces/:workspaceId/inbox/items/bulk', {
    config: work,
    schema: { tags, summary: 'The same change on up to 500 items, all or nothing', params: workspaceParams, body: bulkUpdateSchema },
  }, async (request) => ({ updated: await inbox.updates.bulk(request.params.workspaceId, inboxActor(request), request.body.itemIds, request.body.update) }));

  r.post('/api/workspaces/:workspaceId/inbox/items/:itemId/notes', {
    config: work,
    schema: { tags, summary: 'An internal note (never sent to the network); mentioned teammates are notified', params: itemParams, body: noteInputSchema },
  }, async (request, reply) => {
    const user = requireUser(request);
    const note = await inbox.updates.addNote(request.params.workspaceId, { userId: user.id, name: user.name }, request.params.itemId, request.body);
    reply.status(201);
    return note;
  });

  r.delete('/api/workspaces/:workspaceId/inbox/items/:itemId/notes/:noteId', {
    config: work,
    schema: { tags, summary: 'Delete one of your notes', params: noteParams },
  }, async (request, reply) => {
    const user = requireUser(request);
    await inbox.updates.deleteNote(request.params.workspaceId, user.id, request.params.itemId, request.params.noteId);
    reply.status(204);
  });

  r.post('/api/workspaces/:workspaceId/inbox/items/:itemId/replies', {
    config: work,
    schema: { tags, summary: 'Reply on the network, in the thread, exactly once (a contributor’s reply may wait for approval)', params: itemParams, body: replyInputSchema },
  }, async (request, reply) => {
    const user = requireUser(request);
    const canReply = can(request.workspace?.role, 'inbox:reply');
    const result = await inbox.replies.create(request.params.workspaceId, { userId: user.id, name: user.name, canReply }, request.params.itemId, request.body);
    reply.status(result.created ? 201 : 200);
    return result.reply;
  });

  r.post('/api/workspaces/:workspaceId/inbox/replies/:replyId/approve', {
    config: approve,
    schema: { tags, summary: 'Approve a contributor’s reply: it goes out', params: replyParams },
  }, async (request) => inbox.replies.approve(request.params.workspaceId, inboxActor(request), request.params.replyId));

  r.post('/api/workspaces/:workspaceId/inbox/replies/:replyId/reject', {
    config: approve,
    schema: { tags, summary: 'Send a contributor’s reply back with a comment', params: replyParams, body: z.strictObject({ comment: z.string().trim().min(1).max(2000) }) },
  }, async (request) => inbox.replies.reject(request.params.workspaceId, inboxActor(request), request.params.replyId, request.body.comment));

  r.post('/api/workspaces/:workspaceId/inbox/replies/:replyId/retry', {
    config: work,
    schema: { tags, summary: 'Send again a reply that failed or needs attention (it cannot make a second post)', params: replyParams },
  }, async (request) => inbox.replies.retry(request.params.workspaceId, inboxActor(request), request.params.replyId));

  r.post('/api/workspaces/:workspaceId/inbox/items/:itemId/like', {
    config: work,
    schema: { tags, summary: 'Like the item on its network (once)', params: itemParams },
  }, async (request) => {
    const { workspaceId, itemId } = request.params;
    await inbox.replies.like(workspaceId, inboxActor(request), itemId);
    return (await inbox.queries.detail(workspaceId, itemId)).item;
  });

  r.get('/api/workspaces/:workspaceId/inbox/conversations/:conversationId', {
    config: read,
    schema: { tags, summary: 'The whole conversation from its first post, with its inbox items', params: conversationParams, querystring: z.strictObject({ refresh: z.enum(['0', '1']).optional() }) },
  }, async (request) => inbox.conversations.get(request.params.workspaceId, request.params.conversationId, { refresh: request.query.refresh === '1' }));

  r.get('/api/workspaces/:workspaceId/inbox/authors/:authorId', {
    config: read,
    schema: { tags, summary: 'A person: reach, past interactions with the brand, tags', params: authorParams },
  }, async (request) => inbox.conversations.authorCard(request.params.workspaceId, request.params.authorId));

  r.patch('/api/workspaces/:workspaceId/inbox/authors/:authorId', {
    config: work,
    schema: { tags, summary: 'Tag a person (VIP, journalist…)', params: authorParams, body: z.strictObject({ tags: z.array(z.string().trim().min(1).max(40)).max(20) }) },
  }, async (request) => ({ tags: await inbox.updates.setAuthorTags(request.params.workspaceId, inboxActor(request), request.params.authorId, request.body.tags) }));

  r.post('/api/workspaces/:workspaceId/inbox/events/:eventId/undo', {
    config: work,
    schema: { tags, summary: 'Undo a change (a person’s or a rule’s) unless the item changed since', params: eventParams },
  }, async (request, reply) => {
    await inbox.undo.undo(request.params.workspaceId, inboxActor(request).userId, request.params.eventId);
    reply.status(204);
  });

  r.get('/api/workspaces/:workspaceId/inbox/events', {
    config: read,
    schema: { tags, summary: 'Live feed (server-sent events): each change as `event: inbox`; resumes after Last-Event-ID', params: workspaceParams, querystring: z.strictObject({ after: z.coerce.number().int().min(0).optional() }) },
  }, async (request, reply) => {
    const { workspaceId } = request.params;
    const header = Number(request.headers['last-event-id']);
    const after = Number.isFinite(header) && header >= 0 ? header : (request.query.after ?? (await inbox.live.latestId(workspaceId)));
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write(`retry: 3000\n: ${after}\n\n`);
    const unsubscribe = inbox.live.subscribe(workspaceId, after, (event) => {
      raw.write(`id: ${event.id}\nevent: inbox\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 20_000);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    live.add(raw);
    raw.on('close', () => {
      live.delete(raw);
      stop();
    });
  });

  // Open streams end when the server stops (Fastify waits for nothing hijacked).
  const live = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const raw of live) raw.end();
    live.clear();
  });
}
