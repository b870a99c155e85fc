// The data layer behaves the same on SQLite and PostgreSQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { engines, createTestDatabase } from '../../../test/support/engines.ts';
import { migrateToLatest, migrationsApplied, latestMigration } from './migrate.ts';

for (const engine of engines) {
  describe(`data layer (${engine})`, () => {
    test('migrations are applied once, in order, and recorded', async () => {
      const { db } = await createTestDatabase(engine);
      assert.equal(await migrationsApplied(db), true);
      assert.deepEqual(await migrateToLatest(db), [], 'a second run applies nothing');
      const rows = await sql<{ name: string }>`select name from relais_migration order by name`.execute(db);
      assert.equal(rows.rows.at(-1)?.name, latestMigration);
    });

    test('epoch-millisecond columns come back as numbers, not strings', async () => {
      const { db } = await createTestDatabase(engine);
      const at = Date.UTC(2031, 2, 30, 1, 0, 0, 123);
      await db.insertInto('instance_setting').values({ key: 'k', value: 'v', updated_at: at }).execute();
      const row = await db.selectFrom('instance_setting').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.updated_at, at);
      assert.equal(typeof row.updated_at, 'number');
    });

    test('foreign keys are enforced and cascade', async () => {
      const { db } = await createTestDatabase(engine);
      await assert.rejects(
        db.insertInto('api_key').values({ id: 'k1', workspace_id: 'missing', name: 'n', prefix: 'p', key_hash: 'h', role: 'editor', created_by: null, created_at: 1, last_used_at: null, revoked_at: null }).execute(),
      );
      const now = new Date();
      await db.insertInto('organization').values({ id: 'w1', name: 'W', slug: 'w', logo: null, createdAt: now, metadata: null, language: 'fr', timeZone: 'Europe/Paris' }).execute();
      await db.insertInto('api_key').values({ id: 'k1', workspace_id: 'w1', name: 'n', prefix: 'p', key_hash: 'h', role: 'editor', created_by: null, created_at: 1, last_used_at: null, revoked_at: null }).execute();
      await db.insertInto('channel').values({ id: 'c1', workspace_id: 'w1', network: 'bluesky', remote_id: 'did:plc:brand', server_url: 'https://pds.example', handle: 'brand', display_name: null, avatar_url: null, profile_url: null, credentials: null, status: 'connected', status_reason: null, rate_limited_until: null, created_by: null, created_at: 1, updated_at: 1 }).execute();
      await db.insertInto('inbox_author').values({ id: 'a1', workspace_id: 'w1', network: 'bluesky', remote_id: 'did:plc:fan', handle: 'fan', display_name: null, avatar_url: null, url: null, followers: null, tags: '[]', first_seen_at: 1 }).execute();
      await db
        .insertInto('inbox_item')
        .values({ workspace_id: 'w1', channel_id: 'c1', remote_key: 'k', kind: 'mention', conversation_id: null, author_id: 'a1', remote_id: 'p', remote_url: null, remote_ref: null, reply_to_remote_id: null, root_remote_id: null, text: 't', search_text: 't', language: null, sentiment: null, sentiment_score: null, priority: 0, priority_score: 0, status: 'open', spam: 0, assignee_id: null, snoozed_until: null, post_id: null, target_id: null, remote_created_at: 1, received_at: 1, updated_at: 1 })
        .execute();
      await db.deleteFrom('organization').where('id', '=', 'w1').execute();
      assert.equal((await db.selectFrom('api_key').selectAll().execute()).length, 0, 'deleting a workspace deletes its keys');
      assert.equal((await db.selectFrom('inbox_item').selectAll().execute()).length, 0, '…and its inbox, through its channels');
      assert.equal((await db.selectFrom('inbox_author').selectAll().execute()).length, 0);
    });

    test('unique constraints hold and a failed transaction leaves nothing behind', async () => {
      const { db } = await createTestDatabase(engine);
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('instance_setting').values({ key: 'a', value: '1', updated_at: 1 }).execute();
          await trx.insertInto('instance_setting').values({ key: 'a', value: '2', updated_at: 2 }).execute();
        }),
      );
      assert.equal((await db.selectFrom('instance_setting').selectAll().execute()).length, 0);
    });

    test('a job unique key is unique only while the job waits or runs', async () => {
      const { db } = await createTestDatabase(engine);
      const job = (status: 'pending' | 'dead') => ({ name: 'n', payload: '{}', status, run_at: 1, max_attempts: 1, unique_key: 'same', workspace_id: null, locked_by: null, locked_until: null, last_error: null, created_at: 1, updated_at: 1 });
      await db.insertInto('job').values(job('dead')).execute();
      await db.insertInto('job').values(job('pending')).execute();
      await assert.rejects(db.insertInto('job').values(job('pending')).execute());
    });

    test('concurrent writers do not fail (WAL and busy timeout on SQLite, pool on PostgreSQL)', async () => {
      const { db } = await createTestDatabase(engine);
      await Promise.all(Array.from({ length: 200 }, (_, i) => db.insertInto('instance_setting').values({ key: `k${i}`, value: 'v', updated_at: i }).execute()));
      const count = await db.selectFrom('instance_setting').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 200);
    });
  });
}
