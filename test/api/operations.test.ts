// What an operator relies on: health checks, the API description, failed jobs
// with their error and a retry.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../support/engines.ts';
import { waitFor } from '../support/wait.ts';
import { housekeepingJob } from '../../src/server/housekeeping.ts';
import { deletedMediaKeptMs } from '../../src/server/domain/media/media-library.ts';
import { solidPng } from '../support/media-files.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type TestRelais, type ApiClient } from '../support/relais.ts';

type Jobs = { jobs: Array<{ id: number; name: string; lastError: string | null; attempts: number }> };

for (const engine of engines) {
  describe(`operations (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;

    before(async () => {
      relais = await startTestRelais(engine);
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
    });

    test('/healthz and /readyz answer, without a session', async () => {
      const anonymous = relais.client();
      assert.deepEqual((await anonymous.get('/healthz')).body, { status: 'ok' });
      assert.deepEqual((await anonymous.get('/readyz')).body, { status: 'ready' });
    });

    test('the OpenAPI description lists the workspace routes', async () => {
      const spec = await relais.client().get<{ openapi: string; paths: Record<string, unknown> }>('/api/docs/json');
      assert.equal(spec.status, 200);
      assert.match(spec.body.openapi, /^3\./);
      assert.ok(spec.body.paths['/api/workspaces/{workspaceId}/members'], 'members route documented');
      assert.ok(!Object.keys(spec.body.paths).some((p) => p.startsWith('/api/auth/')), 'internal auth endpoints are not advertised');
    });

    test('housekeeping purges what expired and keeps what is still valid', async () => {
      const { db } = relais.relais.services.database;
      const past = Date.now() - 60_000;
      await db.insertInto('oauth_state').values({ state: 'stale', workspace_id: workspaceId, user_id: 'u', network: 'mastodon', server_url: 'https://x.example', code_verifier: 'v', channel_id: null, expires_at: past }).execute();
      await db.insertInto('oauth_state').values({ state: 'fresh', workspace_id: workspaceId, user_id: 'u', network: 'mastodon', server_url: 'https://x.example', code_verifier: 'v', channel_id: null, expires_at: Date.now() + 600_000 }).execute();
      await db.insertInto('verification').values({ id: 'old', identifier: 'x', value: 'y', expiresAt: new Date(past) as never, createdAt: new Date(past) as never, updatedAt: new Date(past) as never }).execute();
      const { media } = relais.relais.services;
      const deletedLongAgo = await media.upload({ workspaceId, userId: null, fileName: 'ancienne.png', bytes: await solidPng(20, 20) });
      const deletedToday = await media.upload({ workspaceId, userId: null, fileName: 'hier.png', bytes: await solidPng(20, 20) });
      await media.remove(workspaceId, deletedToday.id);
      await db.updateTable('media').set({ deleted_at: Date.now() - deletedMediaKeptMs - 60_000 }).where('id', '=', deletedLongAgo.id).execute();
      await relais.relais.services.queue.enqueue(housekeepingJob, {});
      await waitFor(async () => (await db.selectFrom('oauth_state').select('state').where('state', '=', 'stale').executeTakeFirst()) === undefined, { what: 'the stale OAuth state to go', timeoutMs: 10_000 });
      assert.equal((await db.selectFrom('verification').select('id').where('id', '=', 'old').executeTakeFirst()), undefined);
      assert.ok(await db.selectFrom('oauth_state').select('state').where('state', '=', 'fresh').executeTakeFirst(), 'a pending authorization stays');
      await waitFor(async () => (await db.selectFrom('media').select('id').where('id', '=', deletedLongAgo.id).executeTakeFirst()) === undefined, { what: 'the media deleted a month ago to go', timeoutMs: 10_000 });
      assert.ok(await db.selectFrom('media').select('id').where('id', '=', deletedToday.id).executeTakeFirst(), 'a file deleted today can still be recovered');
    });

    test('a failed job is listed with its error for instance admins, and can be retried', async () => {
      const { queue } = relais.relais.services;
      const { id } = await queue.enqueue('no.such.handler', { secret: 'never shown' }, { maxAttempts: 1 });
      const listed = await waitFor(async () => {
        const response = await admin.get<Jobs>('/api/admin/jobs');
        return response.body.jobs.find((job) => job.id === id);
      }, { what: 'the job to fail', timeoutMs: 10_000 });
      assert.equal(listed.name, 'no.such.handler');
      assert.match(listed.lastError ?? '', /no handler/i);
      assert.ok(!JSON.stringify(listed).includes('never shown'), 'payloads are not sent to the browser');

      const { member } = await inviteAndJoin(relais, admin, workspaceId, 'owner2@example.com', 'owner', 'Workspace Owner');
      assert.equal((await member.get('/api/admin/jobs')).status, 403, 'a workspace owner is not an instance admin');
      assert.equal((await member.post(`/api/admin/jobs/${id}/retry`)).status, 403);

      assert.equal((await admin.post(`/api/admin/jobs/${id}/retry`)).status, 204);
      assert.equal((await admin.post<{ code: string }>('/api/admin/jobs/987654321/retry')).body.code, 'job_not_dead', 'only a failed job can be retried');
      const again = await waitFor(async () => (await admin.get<Jobs>('/api/admin/jobs')).body.jobs.find((job) => job.id === id), { what: 'the retried job to fail again', timeoutMs: 10_000 });
      assert.equal(again.attempts, 1, 'the retry started from a fresh attempt count');
    });
  });
}
