// Editing, rescheduling or deleting a post while a worker is about to publish
// it is safe: whichever wins, the network gets at most the version the person
// last saw, once, and the person is told when the worker was first (409).
// The publisher is run by hand at the same moment as the edit.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startMastodonReplay, type MastodonReplayServer } from '../peers/mastodon/replay-server.ts';
import { engines } from '../support/engines.ts';
import { onCleanup } from '../support/cleanup.ts';
import { startTestRelais, setUpAdminAndWorkspace, type TestRelais } from '../support/relais.ts';
import { connectMastodonAccount } from '../support/inbox.ts';
import { AppError } from '../../src/server/errors.ts';

const ROUNDS = 15;

for (const engine of engines) {
  describe(`races with the worker on ${engine}`, () => {
    let server: MastodonReplayServer;
    let relais: TestRelais;
    let workspaceId: string;
    let channelId: string;
    const actor = { userId: null, label: 'test', canPublish: true };

    before(async () => {
      server = await startMastodonReplay();
      onCleanup(() => server.close());
      server.createAccount('maison');
      // No worker role: the test plays the worker itself, at the moment it chooses.
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_ROLES: 'web' });
      const setup = await setUpAdminAndWorkspace(relais);
      workspaceId = setup.workspaceId;
      channelId = (await connectMastodonAccount(relais, setup.admin, workspaceId, server, 'maison')).id;
    });

    const content = (text: string) => ({ text, media: [], thread: [], firstReply: null });
    const texts = () => server.statusesOf('maison').map((status) => status.text);

    async function dueTarget(text: string) {
      const { posts } = relais.relais.services.publishing;
      const postId = await posts.create(workspaceId, actor, { content: content(text), channels: [{ channelId, content: null }], schedule: { kind: 'now' }, campaignId: null });
      const target = await relais.relais.services.database.db.selectFrom('post_target').select(['id', 'version']).where('post_id', '=', postId).executeTakeFirstOrThrow();
      return { postId, targetId: target.id, version: Number(target.version) };
    }

    /** Alternates who starts first, with a little jitter, so both orders of the race happen. */
    const race = async <A, B>(round: number, change: () => Promise<A>, worker: () => Promise<B>): Promise<[A, B]> => {
      const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
      if (round % 2 === 0) return Promise.all([change(), pause().then(worker)]);
      return Promise.all([pause().then(change), worker()]);
    };

    const outcome = async (promise: Promise<unknown>) => {
      try {
        await promise;
        return 'ok';
      } catch (error) {
        if (error instanceof AppError) return error.code;
        throw error;
      }
    };

    test('delete racing the publisher: either it never goes out, or the deletion is refused and it goes out once', async (t) => {
      const { publishing } = relais.relais.services;
      const outcomes: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const text = `Suppression ${engine} ${round}`;
        const { postId, targetId, version } = await dueTarget(text);
        const [deleted] = await race(round, () => outcome(publishing.posts.delete(workspaceId, postId, actor)), () => publishing.publisher.run({ targetId, version }, 1_000_000 + round));
        outcomes.push(deleted);
        const count = texts().filter((t) => t === text).length;
        const kept = await relais.relais.services.database.db.selectFrom('post_target').select('state').where('id', '=', targetId).executeTakeFirst();
        // Deleted first: never published. Published before the deletion: it stays online, once (deleting a post does not unpublish it).
        if (deleted === 'ok') assert.equal(count, kept?.state === 'published' ? 1 : 0, `round ${round}: deleted before, never published; or published once before`);
        else {
          assert.equal(deleted, 'post_publishing_now', `round ${round}`);
          const row = await relais.relais.services.database.db.selectFrom('post_target').select('state').where('id', '=', targetId).executeTakeFirstOrThrow();
          assert.equal(row.state, 'published');
          assert.equal(count, 1, `round ${round}: published once`);
        }
      }
      t.diagnostic(`outcomes: ${JSON.stringify(Object.fromEntries(Object.entries(Object.groupBy(outcomes, (o) => o)).map(([k, v]) => [k, v!.length])))}`);
    });

    test('edit racing the publisher: the network gets the old version once (and the edit is refused) or only the new one', async (t) => {
      const { publishing } = relais.relais.services;
      const seen: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const oldText = `Avant ${engine} ${round}`;
        const newText = `Après ${engine} ${round}`;
        const { postId, targetId, version } = await dueTarget(oldText);
        const edit = () => publishing.posts.update(workspaceId, postId, actor, { content: content(newText), channels: [{ channelId, content: null }], schedule: { kind: 'at', at: new Date(Date.now() + 3_600_000).toISOString() }, campaignId: null, version: 1 });
        const [edited] = await race(round, () => outcome(edit()), () => publishing.publisher.run({ targetId, version }, 2_000_000 + round));
        seen.push(edited);
        const published = texts().filter((t) => t === oldText || t === newText);
        if (edited === 'ok') assert.deepEqual(published, [], `round ${round}: the old version never went out; the new one waits for its time`);
        else {
          // Refused while the worker held it, or after it had finished: either way the person is told.
          assert.ok(['post_publishing_now', 'post_already_published'].includes(edited), `round ${round}: ${edited}`);
          assert.deepEqual(published, [oldText], `round ${round}: the version being published went out once`);
        }
      }
      t.diagnostic(`outcomes: ${JSON.stringify(Object.fromEntries(Object.entries(Object.groupBy(seen, (o) => o)).map(([k, v]) => [k, v!.length])))}`);
    });
  });
}
