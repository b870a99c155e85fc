// The client's side of an approval link: no account and no cookie, the token
// in the address is the only credential. The page's posts, their images (read
// through the same token), approve and comment. Rate-limited per address.
//
// Cross-site requests: these routes read no cookie, so a forged request from
// another site could do nothing its author could not already do with the
// token. Still, a browser that says where a write comes from must say it comes
// from Relais' own page (the session routes' rule, applied with or without a cookie).
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import type { ClientReview } from '../../domain/approval-links/client-review.ts';
import { AppError } from '../../errors.ts';
import { clientCommentSchema, clientNameSchema } from '../../../shared/approval-links.ts';
import { errorBody, errorResponses } from './schemas.ts';

const tokenParams = z.strictObject({ token: z.string().min(1).max(128) });
const postParams = tokenParams.extend({ postId: z.string().min(1).max(64) });
const mediaParams = tokenParams.extend({ mediaId: z.string().min(1).max(64) });
const minute = 60_000;

// Loose shapes for the answer: the domain builds it from the shared types.
const content = z.object({ text: z.string(), media: z.array(z.object({ mediaId: z.string(), altText: z.string() })), thread: z.array(z.object({ text: z.string(), media: z.array(z.object({ mediaId: z.string(), altText: z.string() })) })), firstReply: z.string().nullable() });
const reviewPost = z.object({
  id: z.string(),
  at: z.string().nullable(),
  approval: z.enum(['not_required', 'pending', 'approved', 'rejected']),
  targets: z.array(
    z.object({
      id: z.string(),
      network: z.string(),
      handle: z.string(),
      displayName: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      serverUrl: z.string(),
      content,
      state: z.string(),
      scheduledAt: z.string().nullable(),
      publishedAt: z.string().nullable(),
      remoteUrl: z.string().nullable(),
    }),
  ),
  actions: z.array(z.object({ kind: z.enum(['approved', 'commented']), name: z.string(), comment: z.string().nullable(), at: z.string(), current: z.boolean() })),
  canApprove: z.boolean(),
  approvedByClient: z.boolean(),
});
const reviewPage = z.object({
  link: z.object({ label: z.string(), from: z.string(), to: z.string(), expiresAt: z.string() }),
  workspace: z.object({ name: z.string(), timeZone: z.string(), language: z.string() }),
  posts: z.array(reviewPost),
  media: z.array(z.object({ id: z.string(), kind: z.enum(['image', 'video']), mimeType: z.string(), fileName: z.string(), altText: z.string(), thumbnailUrl: z.string().nullable(), fileUrl: z.string() })),
});
const publicErrors = { ...errorResponses, 410: errorBody, 429: errorBody };

export async function registerClientReviewRoutes(app: FastifyInstance, services: Services, review: ClientReview): Promise<void> {
  const allowedOrigin = new URL(services.config.baseUrl).origin;
  await app.register(async (scope) => {
    // Counted per client address and per route, in this process (a token cannot be guessed; this stops floods).
    await scope.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return new AppError(429, 'rate_limited', { seconds }, { 'retry-after': String(seconds) });
      },
    });
    scope.addHook('onRequest', async (request, reply) => {
      // The token is a credential: never cached by a shared cache, never indexed.
      reply.header('cache-control', 'no-store');
      reply.header('x-robots-tag', 'noindex, nofollow');
      if (request.method === 'POST' && request.headers.origin !== undefined && request.headers.origin !== allowedOrigin) throw new AppError(403, 'csrf');
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/api/review/:token', {
      config: { public: true, rateLimit: { max: 60, timeWindow: minute } },
      schema: { tags: ['client review'], summary: "A client approval link's posts (no account needed; the token is the credential)", params: tokenParams, response: { 200: reviewPage, ...publicErrors } },
    }, async (request) => review.page(request.params.token));

    r.post('/api/review/:token/posts/:postId/approve', {
      config: { public: true, rateLimit: { max: 30, timeWindow: minute } },
      schema: {
        tags: ['client review'],
        summary: 'The client approves a post (recorded in its history as "Client: <name>")',
        params: postParams,
        body: z.strictObject({ name: clientNameSchema, comment: clientCommentSchema.optional() }),
        response: { 200: z.object({ post: reviewPost }), ...publicErrors },
      },
    }, async (request) => ({ post: await review.approve(request.params.token, request.params.postId, request.body.name, request.body.comment || null) }));

    r.post('/api/review/:token/posts/:postId/comment', {
      config: { public: true, rateLimit: { max: 30, timeWindow: minute } },
      schema: {
        tags: ['client review'],
        summary: 'The client comments on a post (recorded in its history as "Client: <name>")',
        params: postParams,
        body: z.strictObject({ name: clientNameSchema, comment: clientCommentSchema.min(1) }),
        response: { 200: z.object({ post: reviewPost }), ...publicErrors },
      },
    }, async (request) => ({ post: await review.comment(request.params.token, request.params.postId, request.body.name, request.body.comment) }));

    for (const variant of ['thumbnail', 'file'] as const) {
      r.get(`/api/review/:token/media/:mediaId/${variant}`, {
        config: { public: true, rateLimit: { max: 600, timeWindow: minute } },
        schema: { tags: ['client review'], summary: variant === 'file' ? 'A media file of a shown post' : 'A 320 px preview of an image of a shown post', params: mediaParams },
      }, async (request, reply) => {
        const workspaceId = await review.mediaWorkspace(request.params.token, request.params.mediaId);
        const download = await services.media.download(workspaceId, request.params.mediaId, variant);
        // Revalidated every time: a revoked link must stop showing images at once.
        reply.header('cache-control', 'private, no-cache');
        reply.header('etag', download.etag);
        if (request.headers['if-none-match'] === download.etag) return reply.status(304).send(null);
        const { stream, size } = await download.open();
        reply.header('content-type', download.mimeType);
        reply.header('content-length', size);
        reply.header('content-disposition', contentDisposition(download.fileName, { type: 'inline' }));
        reply.header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
        return reply.send(stream);
      });
    }
  });
}
