// Intake on both engines, below the poller: the same message reported twice
// (two pages, a poll and a webhook) is one item; a fan's profile follows what
// the network says of them (new name, a real change of reach), but a few
// followers more or less on every message do not rewrite their row; when the
// poller owns the transaction, the profiles are refreshed once it committed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, createTestDatabase } from '../../../../test/support/engines.ts';
import { createNlp } from '../../nlp/index.ts';
import { inProcessAnalyzer } from '../../nlp/batch-analyzer.ts';
import type { Activity } from '../../connectors/contract.ts';
import { InboxIngest } from './ingest.ts';
import { reachMoved } from './ingest-authors.ts';

const nlp = createNlp();

function mention(id: string, text: string, author: { displayName: string | null; followers: number }): Activity {
  return {
    id: `notif-${id}`,
    kind: 'mention',
    author: { remoteId: 'did:plc:fan', handle: 'fan.test', displayName: author.displayName, avatarUrl: null, url: null, followers: author.followers },
    post: { remoteId: `at://did:plc:fan/app.bsky.feed.post/${id}`, url: `https://bsky.app/profile/fan.test/post/${id}`, text, createdAt: new Date().toISOString(), replyTo: null, rootId: null },
    subjectRemoteId: null,
    createdAt: new Date().toISOString(),
  };
}

test('reach is rewritten when it moved, not for a handful of followers', () => {
  assert.equal(reachMoved(null, 120), true);
  assert.equal(reachMoved(1000, 1005), false);
  assert.equal(reachMoved(1000, 1030), true);
  assert.equal(reachMoved(50_000, 50_900), false);
  assert.equal(reachMoved(50_000, 52_000), true);
  assert.equal(reachMoved(1000, null), false, 'a network that does not say keeps what we knew');
});

for (const engine of engines) {
  describe(`inbox intake (${engine})`, () => {
    test('one item per message; the fan’s profile follows real changes only', async () => {
      const { db } = await createTestDatabase(engine);
      await db.insertInto('organization').values({ id: 'w1', name: 'W', slug: 'w', logo: null, createdAt: new Date(), metadata: null, language: 'fr', timeZone: 'Europe/Paris' }).execute();
      const now = Date.now();
      await db.insertInto('channel').values({ id: 'c1', workspace_id: 'w1', network: 'bluesky', remote_id: 'did:plc:brand', server_url: 'https://pds.test', handle: 'brand.test', display_name: null, avatar_url: null, profile_url: null, credentials: null, status: 'connected', status_reason: null, rate_limited_until: null, created_by: null, created_at: now, updated_at: now }).execute();
      const ingest = new InboxIngest({ db, analyzer: inProcessAnalyzer(nlp), hooks: () => [] });
      const channel = { id: 'c1', workspaceId: 'w1', network: 'bluesky', remoteId: 'did:plc:brand' };
      const author = async () => ({ ...(await db.selectFrom('inbox_author').select(['display_name', 'followers']).executeTakeFirstOrThrow()) });

      const first = await ingest.ingest(channel, [mention('1', 'Colis toujours pas reçu, très déçue', { displayName: 'Léa', followers: 1000 })]);
      assert.equal(first.inserted, 1);
      const again = await ingest.ingest(channel, [mention('1', 'Colis toujours pas reçu, très déçue', { displayName: 'Léa', followers: 1000 }), mention('2', 'Merci pour la réponse !', { displayName: 'Léa', followers: 1004 })]);
      assert.deepEqual([again.inserted, again.duplicates], [1, 1]);
      assert.deepEqual(await author(), { display_name: 'Léa', followers: 1000 }, 'four more followers: the row is left alone');

      // The poller's way: its own transaction, the profile refreshed after the commit.
      const batch = await ingest.prepare(channel, [mention('3', 'Bonne nouvelle, reçu ce matin', { displayName: 'Léa M.', followers: 1500 })]);
      const inTransaction = await db.transaction().execute((trx) => ingest.write(batch, trx));
      assert.equal(inTransaction.inserted, 1);
      await ingest.refreshProfiles(inTransaction.profiles);
      assert.deepEqual(await author(), { display_name: 'Léa M.', followers: 1500 });

      const items = await db.selectFrom('inbox_item').select(['remote_key', 'language', 'sentiment']).orderBy('id').execute();
      assert.deepEqual(items.map((item) => item.remote_key), ['notif-1', 'notif-2', 'notif-3']);
      assert.equal(items[0].language, 'fr');
      assert.equal(items[0].sentiment, 'negative');
    });
  });
}
