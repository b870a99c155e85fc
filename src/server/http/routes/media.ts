// The media library over HTTP: upload (multipart), list and search, alt text
// and tags, soft deletion, and the files themselves for members only. Every
// member reads; those who write content upload and edit.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors.ts';
import { maxAltTextLength, maxTagLength, maxTags, type MediaLibrary, type MediaVariant } from '../../domain/media/media-library.ts';
import { declaredKind } from '../../domain/media/media-types.ts';
import { errorBody, errorResponses, workspaceParams } from './schemas.ts';

const media = z.object({
  id: z.string(),
  kind: z.enum(['image', 'video']),
  mimeType: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationMs: z.number().nullable(),
  altText: z.string(),
  tags: z.array(z.string()),
  thumbnailUrl: z.string().nullable(),
  fileUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const mediaParams = workspaceParams.extend({ mediaId: z.string().min(1).max(64) });
const read = { workspacePermission: 'workspace:read' as const };
const write = { workspacePermission: 'content:write' as const };

/** Reads the one file of the request, refusing it as soon as it is known to be too heavy or of a wrong type. */
async function receiveFile(request: FastifyRequest, library: MediaLibrary): Promise<{ fileName: string; bytes: Uint8Array }> {
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { fileSize: Math.max(library.maxImageBytes, library.maxVideoBytes) + 1, files: 1, fields: 10, parts: 11 } });
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError(400, 'media_file_missing');
    throw error;
  }
  if (!part) throw new AppError(400, 'media_file_missing');
  const kind = declaredKind(part.mimetype);
  const limit = kind === 'image' ? library.maxImageBytes : kind === 'video' ? library.maxVideoBytes : Math.max(library.maxImageBytes, library.maxVideoBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  try {
    // Once refused, the rest is read and dropped so the client gets the answer rather than a reset connection.
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (kind === 'refused' || tooLarge) continue;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    tooLarge = true;
  }
  if (kind === 'refused') throw new AppError(415, 'media_type_unsupported');
  if (tooLarge || part.file.truncated) throw library.tooLarge();
  if (size === 0) throw new AppError(400, 'media_file_missing');
  return { fileName: part.filename || '', bytes: Buffer.concat(chunks) };
}

export async function registerMediaRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const library = services.media;
  // Multipart is parsed for these routes only; the rest of the API stays JSON.
  await app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: true });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/workspaces/:workspaceId/media', {
      config: write,
      schema: {
        tags: ['media'],
        summary: 'Upload an image (JPEG, PNG, WebP, GIF) or an MP4 video as the multipart field `file`',
        description: 'Images are turned upright and stripped of their metadata (EXIF and its GPS position included) before they are stored.',
        consumes: ['multipart/form-data'],
        params: workspaceParams,
        response: { 201: z.object({ media }), 413: errorBody, 415: errorBody, ...errorResponses },
      },
    }, async (request, reply) => {
      const { fileName, bytes } = await receiveFile(request, library);
      const userId = request.actor.kind === 'user' ? request.actor.user.id : null;
      const created = await library.upload({ workspaceId: request.params.workspaceId, userId, fileName, bytes });
      reply.status(201);
      return { media: created };
    });

    r.get('/api/workspaces/:workspaceId/media', {
      config: read,
      schema: {
        tags: ['media'],
        summary: "The workspace's media, newest first; `search` looks in file names, alt texts and tags",
        params: workspaceParams,
        querystring: z.strictObject({
          search: z.string().max(200).optional(),
          kind: z.enum(['image', 'video']).optional(),
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(200).default(48),
        }),
        response: { 200: z.object({ media: z.array(media), total: z.number(), nextOffset: z.number().nullable() }), ...errorResponses },
      },
    }, async (request) => library.list(request.params.workspaceId, request.query));

    r.get('/api/workspaces/:workspaceId/media/:mediaId', {
      config: read,
      schema: { tags: ['media'], summary: 'One media file', params: mediaParams, response: { 200: z.object({ media }), ...errorResponses } },
    }, async (request) => ({ media: await library.get(request.params.workspaceId, request.params.mediaId) }));

    r.patch('/api/workspaces/:workspaceId/media/:mediaId', {
      config: write,
      schema: {
        tags: ['media'],
        summary: "Change a file's alt text or tags",
        params: mediaParams,
        body: z.strictObject({
          altText: z.string().max(maxAltTextLength).optional(),
          tags: z.array(z.string().max(maxTagLength)).max(maxTags).optional(),
        }),
        response: { 200: z.object({ media }), ...errorResponses },
      },
    }, async (request) => ({ media: await library.update(request.params.workspaceId, request.params.mediaId, request.body) }));

    r.delete('/api/workspaces/:workspaceId/media/:mediaId', {
      config: write,
      schema: { tags: ['media'], summary: 'Remove a file from the library (posts can no longer use it)', params: mediaParams, response: { 204: z.null(), ...errorResponses } },
    }, async (request, reply) => {
      await library.remove(request.params.workspaceId, request.params.mediaId);
      return reply.status(204).send(null);
    });

    for (const variant of ['file', 'thumbnail'] as const satisfies MediaVariant[]) {
      r.get(`/api/workspaces/:workspaceId/media/:mediaId/${variant}`, {
        config: read,
        schema: {
          tags: ['media'],
          summary: variant === 'file' ? 'The stored file (an image without its metadata)' : 'A 320 px WebP preview of an image',
          params: mediaParams,
          // The bytes are streamed as they are: no response schema to serialize them with.
        },
      }, async (request, reply) => {
        const download = await library.download(request.params.workspaceId, request.params.mediaId, variant);
        // A media id's bytes never change: browsers keep them, privately, and revalidate by ETag.
        reply.header('cache-control', 'private, max-age=31536000, immutable');
        reply.header('etag', download.etag);
        if (request.headers['if-none-match'] === download.etag) return reply.status(304).send(null);
        const { stream, size } = await download.open();
        reply.header('content-type', download.mimeType);
        reply.header('content-length', size);
        reply.header('content-disposition', contentDisposition(download.fileName, { type: 'inline' }));
        // Opened directly, a file is shown, never run.
        reply.header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
        return reply.send(stream);
      });
    }
  });
}
