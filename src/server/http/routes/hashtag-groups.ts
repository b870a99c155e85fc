// Hashtag groups: every member lists them; whoever writes content creates,
// changes and deletes them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HashtagGroups } from '../../domain/composer/hashtag-groups.ts';
import { AppError, notFound } from '../../errors.ts';
import { normalizeHashtag } from '../../../shared/composer/kit-types.ts';
import { errorResponses, workspaceParams } from './schemas.ts';

const group = z.object({ id: z.string(), name: z.string(), hashtags: z.array(z.string()), createdAt: z.string(), updatedAt: z.string() });
const groupFields = {
  name: z.string().trim().min(1).max(80),
  hashtags: z.array(z.string().trim().min(1).max(101)).min(1).max(30),
};
const groupParams = workspaceParams.extend({ groupId: z.string().min(1).max(64) });

/** A hashtag is # and letters, digits or underscores: say which one is not. */
function checkHashtags(hashtags: string[] | undefined): void {
  const bad = hashtags?.find((value) => normalizeHashtag(value) === null);
  if (bad !== undefined) throw new AppError(400, 'hashtag_invalid', { hashtag: bad });
}

export function registerHashtagGroupRoutes(app: FastifyInstance, groups: HashtagGroups): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { workspacePermission: 'content:write' as const };

  r.get('/api/workspaces/:workspaceId/hashtag-groups', {
    config: { workspacePermission: 'workspace:read' },
    schema: { tags: ['composer'], summary: 'Hashtag groups', params: workspaceParams, response: { 200: z.object({ groups: z.array(group) }), ...errorResponses } },
  }, async (request) => ({ groups: await groups.list(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/hashtag-groups', {
    config: write,
    schema: { tags: ['composer'], summary: 'Create a hashtag group', params: workspaceParams, body: z.strictObject(groupFields), response: { 201: z.object({ group }), ...errorResponses } },
  }, async (request, reply) => {
    checkHashtags(request.body.hashtags);
    const created = await groups.create(request.params.workspaceId, request.body);
    reply.status(201);
    return { group: created };
  });

  r.patch('/api/workspaces/:workspaceId/hashtag-groups/:groupId', {
    config: write,
    schema: { tags: ['composer'], summary: 'Change a hashtag group', params: groupParams, body: z.strictObject(groupFields).partial(), response: { 200: z.object({ group }), ...errorResponses } },
  }, async (request) => {
    checkHashtags(request.body.hashtags);
    const updated = await groups.update(request.params.workspaceId, request.params.groupId, request.body);
    if (!updated) throw notFound();
    return { group: updated };
  });

  r.delete('/api/workspaces/:workspaceId/hashtag-groups/:groupId', {
    config: write,
    schema: { tags: ['composer'], summary: 'Delete a hashtag group', params: groupParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    if (!(await groups.remove(request.params.workspaceId, request.params.groupId))) throw notFound();
    return reply.status(204).send(null);
  });
}
