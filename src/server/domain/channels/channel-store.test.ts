import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { engines, createTestDatabase } from '../../../../test/support/engines.ts';
import { createSecretBox } from '../../security/secret-box.ts';
import { ChannelStore } from './channel-store.ts';

const profile = { remoteId: 'did:plc:brand', handle: 'brand.test', displayName: 'Brand', avatarUrl: null, url: 'https://bsky.app/profile/brand.test' };

for (const engine of engines) {
  describe(`channel store (${engine})`, () => {
    async function setUp() {
      const database = await createTestDatabase(engine);
      await database.db.insertInto('organization').values({ id: 'w1', name: 'W', slug: 'w1', logo: null, createdAt: new Date(), metadata: null, language: 'fr', timeZone: 'Europe/Paris' }).execute();
      return { database, store: new ChannelStore(database.db, createSecretBox(randomBytes(32))) };
    }
    const connect = (store: ChannelStore, credentials: unknown) =>
      store.saveConnected({ workspaceId: 'w1', network: 'bluesky', serverUrl: 'https://pds.test', profile, credentials, userId: 'u1' });

    test('credentials are sealed at rest and readable only through the store', async () => {
      const { database, store } = await setUp();
      const channel = await connect(store, { appPassword: 'abcd-efgh-ijkl-mnop', refreshJwt: 'refresh-1' });
      const row = await database.db.selectFrom('channel').selectAll().executeTakeFirstOrThrow();
      assert.ok(!row.credentials!.includes('abcd-efgh') && !row.credentials!.includes('refresh-1'));
      assert.deepEqual(await store.credentials(channel.id), { appPassword: 'abcd-efgh-ijkl-mnop', refreshJwt: 'refresh-1' });
      assert.ok(!JSON.stringify(await store.list('w1')).includes('abcd'), 'views never carry credentials');
    });

    test('reconnecting the same account keeps the channel; disconnecting erases the tokens', async () => {
      const { store } = await setUp();
      const first = await connect(store, { refreshJwt: 'old' });
      await store.setStatus(first.id, 'reconnect_needed', 'session revoked');
      const again = await connect(store, { refreshJwt: 'new' });
      assert.equal(again.id, first.id);
      assert.equal(again.status, 'connected');
      assert.equal((await store.list('w1')).length, 1);
      assert.equal(await store.disconnect('w1', first.id), true);
      assert.equal(await store.credentials(first.id), null);
      assert.equal((await store.get('w1', first.id))?.status, 'disabled');
      assert.equal(await store.disconnect('other-workspace', first.id), false, 'scoped to its workspace');
    });

    test('a refresh never replaces a stored refresh token with an empty one', async () => {
      const { store } = await setUp();
      const channel = await connect(store, { accessJwt: 'a1', refreshJwt: 'r1' });
      await store.updateCredentials(channel.id, { accessJwt: 'a2', refreshJwt: '' }, ['refreshJwt']);
      assert.deepEqual(await store.credentials(channel.id), { accessJwt: 'a2', refreshJwt: 'r1' });
    });
  });
}
