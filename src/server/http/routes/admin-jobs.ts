// Failed ("dead") background jobs, for the instance's administrators, with a retry.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../request-context.ts';
import { errorResponses } from './schemas.ts';

const job = z.object({ id: z.number(), name: z.string(), attempts: z.number(), maxAttempts: z.number(), lastError: z.string().nullable(), runAt: z.string(), updatedAt: z.string() });
const iso = (value: Date | number | string) => new Date(value).toISOString();

export function registerAdminJobRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const requireAdmin = (request: Parameters<typeof requireUser>[0]) => {
    if (requireUser(request).instanceRole !== 'admin') throw new AppError(403, 'instance_admin_required');
  };

  r.get('/api/admin/jobs', {
    schema: { tags: ['admin'], summary: 'Failed background jobs', response: { 200: z.object({ jobs: z.array(job) }), ...errorResponses } },
  }, async (request) => {
    requireAdmin(request);
    const dead = await services.queue.listDead({ limit: 200 });
    return {
      jobs: dead.map((j) => ({ id: j.id, name: j.name, attempts: j.attempts, maxAttempts: j.maxAttempts, lastError: j.lastError, runAt: iso(j.runAt), updatedAt: iso(j.updatedAt) })),
    };
  });

  r.post('/api/admin/jobs/:jobId/retry', {
    schema: { tags: ['admin'], summary: 'Run a failed job again', params: z.strictObject({ jobId: z.coerce.number().int().positive() }), response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    requireAdmin(request);
    if (!(await services.queue.retry(request.params.jobId))) throw new AppError(409, 'job_not_dead');
    return reply.status(204).send(null);
  });
}
