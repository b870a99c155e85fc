// Feeds (RSS/Atom auto-post): every member sees them and what they posted;
// whoever may publish without approval (content:publish) adds, changes,
// pauses, deletes and checks them: a feed publishes on that person's authority.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { notFound } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import { pickLocale } from '../../../shared/locales.ts';
import { feedInputSchema, feedItemStatuses, feedModes, feedPreviewInputSchema, feedUpdateSchema, type FeedItemView, type FeedView } from '../../../shared/feeds.ts';
import type { FeedItemRecord, FeedRecord, StoredProblem } from '../../domain/feeds/feed-store.ts';
import type { FeedCreator } from '../../domain/feeds/feed-service.ts';
import { createFeedParts } from '../../feed-wiring.ts';
import { errorResponses, workspaceParams } from './schemas.ts';

const problem = z.object({ code: z.string(), message: z.string() }).nullable();
const feedView = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  channelIds: z.array(z.string()),
  template: z.string(),
  mode: z.enum(feedModes),
  campaignId: z.string().nullable(),
  active: z.boolean(),
  lastCheckedAt: z.string().nullable(),
  nextCheckAt: z.string().nullable(),
  lastError: problem,
  errorCount: z.number(),
  postedCount: z.number(),
  lastPostedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
const checkResult = z.object({ outcome: z.enum(['checked', 'not_modified', 'failed']), posted: z.number(), failed: z.number() });
const itemView = z.object({
  title: z.string(),
  link: z.string().nullable(),
  status: z.enum(feedItemStatuses),
  postId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  seenAt: z.string(),
  error: problem,
});
const previewView = z.object({
  url: z.string(),
  title: z.string(),
  format: z.enum(['rss', 'atom', 'rdf', 'json']),
  itemCount: z.number(),
  latest: z
    .object({ title: z.string(), link: z.string(), summary: z.string(), author: z.string(), categories: z.array(z.string()), publishedAt: z.string().nullable() })
    .nullable(),
});
const feedParams = workspaceParams.extend({ feedId: z.string().min(1).max(64) });
const responses = { ...errorResponses, 422: errorResponses[400] };

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export function registerFeedRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { store, service } = createFeedParts(services);
  const manage = { workspacePermission: 'content:publish' as const };
  const read = { workspacePermission: 'workspace:read' as const };

  const describe = (request: FastifyRequest, value: StoredProblem | null) => {
    if (!value) return null;
    const locale = request.locale ?? pickLocale(request.headers['accept-language']);
    return { code: value.code, message: translate(locale, value.code, value.params) };
  };
  const view = (request: FastifyRequest, feed: FeedRecord): FeedView => ({
    id: feed.id,
    url: feed.url,
    title: feed.title,
    channelIds: feed.channelIds,
    template: feed.template,
    mode: feed.mode,
    campaignId: feed.campaignId,
    active: feed.active,
    lastCheckedAt: iso(feed.lastCheckedAt),
    nextCheckAt: feed.active ? iso(feed.nextCheckAt) : null,
    lastError: describe(request, feed.lastError),
    errorCount: feed.errorCount,
    postedCount: feed.postedCount,
    lastPostedAt: iso(feed.lastPostedAt),
    createdBy: feed.createdBy,
    createdAt: new Date(feed.createdAt).toISOString(),
  });
  const itemOf = (request: FastifyRequest, item: FeedItemRecord): FeedItemView => ({
    title: item.title,
    link: item.link,
    status: item.status,
    postId: item.postId,
    publishedAt: iso(item.publishedAt),
    seenAt: new Date(item.seenAt).toISOString(),
    error: describe(request, item.error),
  });
  const load = async (request: FastifyRequest, workspaceId: string, feedId: string) => {
    const feed = await store.get(workspaceId, feedId);
    if (!feed) throw notFound();
    return view(request, feed);
  };
  const creator = (request: FastifyRequest): FeedCreator => {
    if (request.actor.kind === 'user') return { userId: request.actor.user.id, apiKeyId: null };
    if (request.actor.kind === 'apiKey') return { userId: null, apiKeyId: request.actor.apiKeyId };
    return { userId: null, apiKeyId: null };
  };

  r.get('/api/workspaces/:workspaceId/feeds', {
    config: read,
    schema: { tags: ['feeds'], summary: 'Feeds this workspace follows, with their last check and problem', params: workspaceParams, response: { 200: z.object({ feeds: z.array(feedView) }), ...errorResponses } },
  }, async (request) => ({ feeds: (await store.list(request.params.workspaceId)).map((feed) => view(request, feed)) }));

  r.post('/api/workspaces/:workspaceId/feeds/preview', {
    config: manage,
    schema: {
      tags: ['feeds'],
      summary: "Read a feed without following it: its title and newest item (to preview a template). A web page's announced feed is found",
      params: workspaceParams,
      body: feedPreviewInputSchema,
      response: { 200: z.object({ preview: previewView }), ...responses },
    },
  }, async (request) => ({ preview: await service.preview(request.body.url) }));

  r.post('/api/workspaces/:workspaceId/feeds', {
    config: manage,
    schema: {
      tags: ['feeds'],
      summary: 'Follow a feed: each new item becomes a post (draft, queued or published now) from the template. Items already in the feed are not posted, unless postLatest',
      params: workspaceParams,
      body: feedInputSchema,
      response: { 201: z.object({ feed: feedView, check: checkResult.nullable() }), ...responses },
    },
  }, async (request, reply) => {
    const { workspaceId } = request.params;
    const created = await service.subscribe(workspaceId, creator(request), request.body);
    reply.status(201);
    return { feed: await load(request, workspaceId, created.feedId), check: created.check };
  });

  r.get('/api/workspaces/:workspaceId/feeds/:feedId', {
    config: read,
    schema: { tags: ['feeds'], summary: 'One feed', params: feedParams, response: { 200: z.object({ feed: feedView }), ...errorResponses } },
  }, async (request) => ({ feed: await load(request, request.params.workspaceId, request.params.feedId) }));

  r.patch('/api/workspaces/:workspaceId/feeds/:feedId', {
    config: manage,
    schema: {
      tags: ['feeds'],
      summary: 'Change a feed, pause it (active: false) or resume it (what was published meanwhile is not posted)',
      params: feedParams,
      body: feedUpdateSchema,
      response: { 200: z.object({ feed: feedView }), ...responses },
    },
  }, async (request) => {
    const { workspaceId, feedId } = request.params;
    await service.update(workspaceId, feedId, request.body);
    return { feed: await load(request, workspaceId, feedId) };
  });

  r.delete('/api/workspaces/:workspaceId/feeds/:feedId', {
    config: manage,
    schema: { tags: ['feeds'], summary: 'Stop following a feed (its posts stay)', params: feedParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.remove(request.params.workspaceId, request.params.feedId);
    return reply.status(204).send(null);
  });

  r.post('/api/workspaces/:workspaceId/feeds/:feedId/check', {
    config: manage,
    schema: { tags: ['feeds'], summary: 'Check the feed now and post what is new', params: feedParams, response: { 200: z.object({ check: checkResult, feed: feedView }), ...responses } },
  }, async (request) => {
    const { workspaceId, feedId } = request.params;
    const check = await service.checkNow(workspaceId, feedId);
    return { check, feed: await load(request, workspaceId, feedId) };
  });

  r.get('/api/workspaces/:workspaceId/feeds/:feedId/items', {
    config: read,
    schema: {
      tags: ['feeds'],
      summary: 'Items the feed has seen, newest first: posted (with their post), skipped (there before the subscription), or failed (with why)',
      params: feedParams,
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(itemView) }), ...errorResponses },
    },
  }, async (request) => {
    const { workspaceId, feedId } = request.params;
    if (!(await store.get(workspaceId, feedId))) throw notFound();
    return { items: (await store.items(workspaceId, feedId, request.query.limit)).map((item) => itemOf(request, item)) };
  });
}
