// How many publishes a worker has waiting on a network at once is a setting of
// its own (RELAIS_PUBLISH_IN_FLIGHT), below the jobs it runs: the instance
// never holds more publishes than that, the limit is used in full, and each
// post still goes out once. Against the Mastodon replay server, answering
// every request after 150 ms, which counts the status creations it holds at once.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startMastodonReplay, type MastodonReplayServer } from '../peers/mastodon/replay-server.ts';
import { engines } from '../support/engines.ts';
import { startTestRelais, setUpAdminAndWorkspace, type TestRelais } from '../support/relais.ts';
import { waitFor } from '../support/wait.ts';
import { onCleanup } from '../support/cleanup.ts';
import { connectMastodonAccount } from '../support/inbox.ts';

const POSTS = 24;
const IN_FLIGHT = 3;

for (const engine of engines) {
  describe(`publishes in flight on ${engine}`, () => {
    let server: MastodonReplayServer;
    let relais: TestRelais;
    let workspaceId: string;
    let channelId: string;

    before(async () => {
      server = await startMastodonReplay({ latencyMs: 150 });
      onCleanup(() => server.close());
      server.createAccount('maison', { displayName: 'Maison Dupont' });
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_WORKER_CONCURRENCY: '12', RELAIS_PUBLISH_IN_FLIGHT: String(IN_FLIGHT) });
      const set = await setUpAdminAndWorkspace(relais);
      workspaceId = set.workspaceId;
      channelId = (await connectMastodonAccount(relais, set.admin, workspaceId, server, 'maison')).id;
    });

    test(`${POSTS} posts due together: never more than ${IN_FLIGHT} publishes at the instance, each post once`, async () => {
      const services = relais.relais.services;
      const actor = { userId: null, label: 'test', canPublish: true };
      const at = new Date(Date.now() + 3_000).toISOString();
      const prefix = `En vol ${engine}`;
      for (let i = 0; i < POSTS; i += 1) {
        await services.publishing.posts.create(workspaceId, actor, { content: { text: `${prefix} n°${i}`, media: [], thread: [], firstReply: null }, channels: [{ channelId, content: null }], schedule: { kind: 'at', at }, campaignId: null });
      }
      const peakBefore = server.peakStatusCreations;
      await waitFor(async () => {
        const rows = await services.database.db.selectFrom('post_target').select('state').where('channel_id', '=', channelId).execute();
        return rows.length === POSTS && rows.every((row) => row.state === 'published') ? rows : null;
      }, { timeoutMs: 30_000, what: `${POSTS} targets published` });
      assert.ok(peakBefore <= 1, 'nothing was being published while the posts were created');
      assert.equal(server.peakStatusCreations, IN_FLIGHT, 'the limit is respected, and used in full');
      const texts = server.statusesOf('maison').map((status) => status.text).filter((text) => text.startsWith(prefix));
      assert.equal(texts.length, POSTS);
      assert.equal(new Set(texts).size, POSTS);
    });
  });
}
