// Nothing lost, nothing doubled, against Bluesky's own local network: a worker
// killed (SIGKILL) while it publishes, then another started → every post is on
// the network exactly once; two workers on PostgreSQL share 1,000 posts due in
// the same minute → each published exactly once.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startBlueskyNetwork, type BlueskyNetwork } from '../support/bluesky.ts';
import { engines } from '../support/engines.ts';
import { startTestRelais, setUpAdminAndWorkspace } from '../support/relais.ts';
import { connectBluesky, postsOnNetwork } from '../support/publishing.ts';
import { startWorkerProcess } from '../support/worker-process.ts';
import { waitFor } from '../support/wait.ts';
import type { Services } from '../../src/server/services.ts';

let network: BlueskyNetwork;
before(async () => {
  network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }, { handle: 'fan.test', password: 'fan-account-pass' }] });
});

const workerEnv = { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_JOB_LEASE_SECONDS: '3', RELAIS_WORKER_CONCURRENCY: '16' };

async function stateCounts(services: Services, prefix: string): Promise<Record<string, number>> {
  const rows = await services.database.db.selectFrom('post_target').innerJoin('post', 'post.id', 'post_target.post_id').select(['post_target.state', 'post.content']).execute();
  const counts: Record<string, number> = {};
  for (const row of rows) if (row.content.includes(prefix)) counts[row.state] = (counts[row.state] ?? 0) + 1;
  return counts;
}

async function createPosts(services: Services, workspaceId: string, channelId: string, prefix: string, count: number, at: string | null) {
  const actor = { userId: null, label: 'test', canPublish: true };
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    ids.push(await services.publishing.posts.create(workspaceId, actor, { content: { text: `${prefix} n°${i}`, media: [], thread: [], firstReply: null }, channels: [{ channelId, content: null }], schedule: at ? { kind: 'at', at } : { kind: 'now' }, campaignId: null }));
  }
  return ids;
}

for (const engine of engines) {
  describe(`exactly once on ${engine}`, () => {
    test('a worker killed while publishing: after a restart every post is on the network exactly once', async () => {
      const handle = engine === 'sqlite' ? 'brand.test' : 'fan.test';
      const relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_ROLES: 'web' });
      const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
      const channelId = await connectBluesky(admin, workspaceId, network, handle);
      const services = relais.relais.services;
      const prefix = `Crash ${engine} ${Date.now()}`;
      await createPosts(services, workspaceId, channelId, prefix, 40, null);

      const first = startWorkerProcess(relais, workerEnv);
      // Kill it the moment some targets are mid-flight.
      const atKill = await waitFor(async () => {
        const counts = await stateCounts(services, prefix);
        return (counts.publishing ?? 0) > 0 && (counts.published ?? 0) > 0 ? counts : null;
      }, { intervalMs: 2, timeoutMs: 30_000, what: 'targets being published' });
      await first.kill('SIGKILL');
      const afterKill = await stateCounts(services, prefix);
      assert.ok((afterKill.publishing ?? 0) > 0, `some targets were cut off mid-publish: ${JSON.stringify(afterKill)} (at kill: ${JSON.stringify(atKill)})`);

      startWorkerProcess(relais, workerEnv);
      const final = await waitFor(async () => {
        const counts = await stateCounts(services, prefix);
        return (counts.scheduled ?? 0) + (counts.publishing ?? 0) === 0 ? counts : null;
      }, { timeoutMs: 60_000, what: 'every target to settle' });
      assert.deepEqual(final, { published: 40 }, 'all published (none needed attention here)');
      const texts = (await postsOnNetwork(network, handle)).map((p) => p.value.text).filter((text) => text.startsWith(prefix));
      assert.equal(texts.length, 40, 'no post twice');
      assert.equal(new Set(texts).size, 40, 'each post once');
    });
  });
}

describe('two PostgreSQL workers, 1,000 posts due in the same minute', () => {
  test('each is published exactly once', async () => {
    const relais = await startTestRelais('postgres', { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_ROLES: 'web' });
    const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
    // Two accounts: a PDS commits one repository's writes one after the other.
    const brand = await connectBluesky(admin, workspaceId, network, 'brand.test');
    const fan = await connectBluesky(admin, workspaceId, network, 'fan.test');
    const services = relais.relais.services;
    const prefix = `Mille ${Date.now()}`;
    const due = new Date(Date.now() + 15_000).toISOString();
    const started = Date.now();
    await createPosts(services, workspaceId, brand, `${prefix} brand`, 500, due);
    await createPosts(services, workspaceId, fan, `${prefix} fan`, 500, due);
    const createdIn = Date.now() - started;
    startWorkerProcess(relais, workerEnv);
    startWorkerProcess(relais, workerEnv);
    const final = await waitFor(async () => {
      const counts = await stateCounts(services, prefix);
      return (counts.published ?? 0) + (counts.failed ?? 0) + (counts.needs_attention ?? 0) === 1000 ? counts : null;
    }, { timeoutMs: 240_000, intervalMs: 500, what: '1,000 targets to settle' });
    assert.deepEqual(final, { published: 1000 });
    const texts = [...(await postsOnNetwork(network, 'brand.test')), ...(await postsOnNetwork(network, 'fan.test'))].map((p) => p.value.text).filter((text) => text.startsWith(prefix));
    assert.equal(texts.length, 1000);
    assert.equal(new Set(texts).size, 1000);
    const claimedBy = await services.database.db.selectFrom('post_target').select('claimed_job_id').where('state', '=', 'published').execute();
    assert.equal(claimedBy.length >= 1000, true);
    console.log(`1,000 posts created in ${createdIn} ms; published by two workers in ${Date.now() - Date.parse(due)} ms after their time`);
  });
});
