// First run: the first visitor creates the instance's administrator. Once
// done (by this process or any other on the same database), never again.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors.ts';
import { authCall } from '../../auth/auth-errors.ts';
import { assertStrongPassword } from '../../auth/password-policy.ts';
import { email, errorResponses, locale, password, personName, user } from './schemas.ts';

const setupKey = 'setup_completed_at';

export async function needsSetup(services: Services): Promise<boolean> {
  const done = await services.database.db.selectFrom('instance_setting').select('key').where('key', '=', setupKey).executeTakeFirst();
  return !done;
}

export function registerSetupRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;

  r.get('/api/setup', {
    config: { public: true },
    schema: { tags: ['setup'], summary: 'Whether this instance still needs its first administrator', response: { 200: z.object({ needsSetup: z.boolean() }) } },
  }, async () => ({ needsSetup: await needsSetup(services) }));

  r.post('/api/setup', {
    config: { public: true },
    schema: {
      tags: ['setup'],
      summary: 'Create the first administrator and log in',
      body: z.strictObject({ name: personName, email, password, locale: locale.default('en') }),
      response: { 201: z.object({ user }), ...errorResponses },
    },
  }, async (request, reply) => {
    const body = request.body;
    assertStrongPassword(body.password, [body.name, body.email]);
    // The setting row is the lock: of two concurrent setups only one inserts it.
    try {
      await db.insertInto('instance_setting').values({ key: setupKey, value: new Date().toISOString(), updated_at: Date.now() }).execute();
    } catch {
      throw new AppError(409, 'setup_done');
    }
    try {
      const result = await authCall(() =>
        services.auth.api.signUpEmail({ body: { name: body.name, email: body.email.toLowerCase(), password: body.password, locale: body.locale }, returnHeaders: true }),
      );
      await db.updateTable('user').set({ instanceRole: 'admin', emailVerified: true as never }).where('id', '=', result.response.user.id).execute();
      for (const cookie of result.headers.getSetCookie()) reply.header('set-cookie', cookie);
      await services.audit.record({ action: 'setup_completed', actorUserId: result.response.user.id, actorLabel: body.email, ip: request.ip });
      reply.status(201);
      return { user: { id: result.response.user.id, name: body.name, email: body.email.toLowerCase(), locale: body.locale, timeZone: null, instanceRole: 'admin' as const } };
    } catch (error) {
      await db.deleteFrom('instance_setting').where('key', '=', setupKey).execute();
      throw error;
    }
  });
}
