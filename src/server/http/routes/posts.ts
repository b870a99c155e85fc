// Posts: compose, edit, delete, reschedule, approve, settle failures, history.
// Contributors write; what they schedule waits for an approver (content:publish).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { notFound } from '../../errors.ts';
import { can } from '../../../shared/roles.ts';
import { postContentSchema, postInputSchema, postUpdateSchema, targetStates } from '../../../shared/publishing.ts';
import type { PublishingActor } from '../../domain/publishing/post-service.ts';
import { errorResponses, workspaceParams } from './schemas.ts';
import { contentIssue, idList, postEventView, postParams, postView, targetParams } from './publishing-schemas.ts';

export function publishingActor(request: FastifyRequest): PublishingActor {
  const role = request.workspace?.role;
  const canPublish = can(role, 'content:publish');
  if (request.actor.kind === 'user') return { userId: request.actor.user.id, label: request.actor.user.name, canPublish };
  if (request.actor.kind === 'apiKey') return { userId: null, label: `API: ${request.actor.label}`, canPublish };
  return { userId: null, label: 'Relais', canPublish: false };
}

const comment = z.string().trim().max(5000);

export function registerPostRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { posts, review, queries, planner } = services.publishing;
  const write = { workspacePermission: 'content:write' as const };
  const approve = { workspacePermission: 'content:publish' as const };
  const read = { workspacePermission: 'workspace:read' as const };
  const load = async (workspaceId: string, postId: string) => {
    const post = await queries.get(workspaceId, postId);
    if (!post) throw notFound();
    return post;
  };

  r.post('/api/workspaces/:workspaceId/posts', {
    config: write,
    schema: { tags: ['publishing'], summary: 'Create a post for one or more channels: draft, now, at a time, or in the queue', params: workspaceParams, body: postInputSchema, response: { 201: z.object({ post: postView }), ...errorResponses } },
  }, async (request, reply) => {
    const { workspaceId } = request.params;
    const postId = await posts.create(workspaceId, publishingActor(request), request.body);
    reply.status(201);
    return { post: await load(workspaceId, postId) };
  });

  r.post('/api/workspaces/:workspaceId/posts/check', {
    config: write,
    schema: {
      tags: ['publishing'],
      summary: "Check each channel's content against its network's limits, without saving",
      params: workspaceParams,
      body: z.strictObject({ content: postContentSchema, channels: postInputSchema.shape.channels }),
      response: { 200: z.object({ channels: z.array(z.object({ channelId: z.string(), issues: z.array(contentIssue) })) }), ...errorResponses },
    },
  }, async (request) => ({ channels: await planner.check({ workspaceId: request.params.workspaceId, content: request.body.content, channels: request.body.channels }) }));

  r.get('/api/workspaces/:workspaceId/posts', {
    config: read,
    schema: {
      tags: ['publishing'],
      summary: 'Posts, most recently changed first, filtered by target state, approval, channel, campaign or author',
      params: workspaceParams,
      querystring: z.strictObject({
        state: idList.pipe(z.array(z.enum(targetStates))).optional(),
        approval: z.enum(['pending', 'rejected']).optional(),
        channelId: idList.optional(),
        campaignId: z.string().max(64).optional(),
        authorId: z.string().max(64).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ posts: z.array(postView) }), ...errorResponses },
    },
  }, async (request) => {
    const q = request.query;
    return { posts: await queries.list(request.params.workspaceId, { states: q.state, approval: q.approval, channelIds: q.channelId, campaignId: q.campaignId, authorId: q.authorId, limit: q.limit }) };
  });

  r.get('/api/workspaces/:workspaceId/posts/:postId', {
    config: read,
    schema: { tags: ['publishing'], summary: 'One post with each channel’s state', params: postParams, response: { 200: z.object({ post: postView }), ...errorResponses } },
  }, async (request) => {
    const { workspaceId, postId } = request.params;
    const post = await load(workspaceId, postId);
    return { post: { ...post, linkClicks: (await services.publishing.links.postLinks(workspaceId, postId))?.clicks ?? 0 } };
  });

  r.put('/api/workspaces/:workspaceId/posts/:postId', {
    config: write,
    schema: { tags: ['publishing'], summary: 'Edit a post (send the version you edited; a newer one answers 409)', params: postParams, body: postUpdateSchema, response: { 200: z.object({ post: postView }), ...errorResponses } },
  }, async (request) => {
    const { workspaceId, postId } = request.params;
    await posts.update(workspaceId, postId, publishingActor(request), request.body);
    return { post: await load(workspaceId, postId) };
  });

  r.delete('/api/workspaces/:workspaceId/posts/:postId', {
    config: write,
    schema: { tags: ['publishing'], summary: 'Delete a post: nothing of it is published any more (what is already published stays online)', params: postParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await posts.delete(request.params.workspaceId, request.params.postId, publishingActor(request));
    return reply.status(204).send(null);
  });

  r.get('/api/workspaces/:workspaceId/posts/:postId/history', {
    config: read,
    schema: { tags: ['publishing'], summary: 'Who changed what, when', params: postParams, response: { 200: z.object({ events: z.array(postEventView) }), ...errorResponses } },
  }, async (request) => {
    const events = await queries.history(request.params.workspaceId, request.params.postId);
    if (!events) throw notFound();
    return { events };
  });

  r.post('/api/workspaces/:workspaceId/posts/:postId/approve', {
    config: approve,
    schema: { tags: ['publishing'], summary: 'Approve a post awaiting approval', params: postParams, body: z.strictObject({ comment: comment.optional() }), response: { 200: z.object({ post: postView }), ...errorResponses } },
  }, async (request) => {
    const { workspaceId, postId } = request.params;
    await review.approve(workspaceId, postId, publishingActor(request), request.body.comment || null);
    return { post: await load(workspaceId, postId) };
  });

  r.post('/api/workspaces/:workspaceId/posts/:postId/reject', {
    config: approve,
    schema: { tags: ['publishing'], summary: 'Send a post back to its author with a comment', params: postParams, body: z.strictObject({ comment }), response: { 200: z.object({ post: postView }), ...errorResponses } },
  }, async (request) => {
    const { workspaceId, postId } = request.params;
    await review.reject(workspaceId, postId, publishingActor(request), request.body.comment);
    return { post: await load(workspaceId, postId) };
  });

  r.post('/api/workspaces/:workspaceId/posts/:postId/comments', {
    config: write,
    schema: { tags: ['publishing'], summary: 'Comment on a post (kept in its history)', params: postParams, body: z.strictObject({ comment: comment.min(1) }), response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await review.comment(request.params.workspaceId, request.params.postId, publishingActor(request), request.body.comment);
    return reply.status(204).send(null);
  });

  r.patch('/api/workspaces/:workspaceId/posts/:postId/targets/:targetId', {
    config: write,
    schema: { tags: ['publishing'], summary: 'Move one channel’s copy to another time (drag on the calendar)', params: targetParams, body: z.strictObject({ at: z.string().min(10).max(40) }), response: { 200: z.object({ post: postView }), ...errorResponses } },
  }, async (request) => {
    const { workspaceId, postId, targetId } = request.params;
    await posts.rescheduleTarget(workspaceId, postId, targetId, publishingActor(request), request.body.at);
    return { post: await load(workspaceId, postId) };
  });

  r.post('/api/workspaces/:workspaceId/posts/:postId/targets/:targetId/resolve', {
    config: approve,
    schema: {
      tags: ['publishing'],
      summary: 'Settle a failed copy, or one whose outcome is unknown: retry (the network is asked first) or record it as published',
      params: targetParams,
      body: z.discriminatedUnion('action', [z.strictObject({ action: z.literal('retry') }), z.strictObject({ action: z.literal('published'), url: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null) })]),
      response: { 200: z.object({ post: postView }), ...errorResponses },
    },
  }, async (request) => {
    const { workspaceId, postId, targetId } = request.params;
    await review.resolveTarget(workspaceId, postId, targetId, publishingActor(request), request.body);
    return { post: await load(workspaceId, postId) };
  });
}
