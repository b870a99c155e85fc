// When a campaign falls due, thousands of targets are scheduled at once and a
// worker claims them 64 at a time. Each claim must touch only its own targets,
// looked up by primary key, from the first claim on; and a connection reuses
// one plan instead of planning the claim again for every batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase } from '../../../../test/support/engines.ts';
import type { Database } from '../../db/schema.ts';
import { claimTargets } from './publish-batches.ts';

async function targetTableScans(db: Kysely<Database>): Promise<number> {
  // This backend's counters reach the statistics views at the next flush; force it.
  await sql`SELECT pg_stat_force_next_flush()`.execute(db);
  const { rows } = await sql<{ seq_scan: string }>`SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'post_target'`.execute(db);
  return Number(rows[0]!.seq_scan);
}

test('postgres: claiming 64 of 10,000 due targets, batch after batch, never reads the whole target table and plans once', async () => {
  const { db, close } = await createTestDatabase('postgres');
  const now = Date.now();
  const content = JSON.stringify({ text: 'Soldes', media: [], thread: [], firstReply: null });
  await db.insertInto('organization').values({ id: 'w1', name: 'Boutique', slug: 'boutique', logo: null, createdAt: new Date(), metadata: null, language: 'fr', timeZone: 'Europe/Paris' }).execute();
  await db.insertInto('channel').values({ id: 'c1', workspace_id: 'w1', network: 'mastodon', remote_id: 'r1', server_url: 'https://m.test', handle: 'boutique@m.test', display_name: null, avatar_url: null, profile_url: null, credentials: 'sealed', status: 'connected', status_reason: null, rate_limited_until: null, created_by: null, created_at: now, updated_at: now }).execute();
  await db.insertInto('post').values({ id: 'p1', workspace_id: 'w1', author_id: null, campaign_id: null, content, schedule_kind: 'at', approval: 'not_required', source: 'test', version: 1, created_at: now, updated_at: now, deleted_at: null }).execute();
  await sql`
    INSERT INTO post_target (id, post_id, workspace_id, channel_id, content, state, scheduled_at, version, published_parts, attempts, created_at, updated_at)
    SELECT 't' || n, 'p1', 'w1', 'c1', ${content}, 'scheduled', ${now}::bigint, 1, '[]', 0, ${now}::bigint, ${now}::bigint FROM generate_series(1, 10000) AS n`.execute(db);
  // As autovacuum would have it: statistics that know every target is due, not how few one claim takes.
  await sql`ANALYZE post_target`.execute(db);
  await db.connection().execute(async (connection) => {
    const before = await targetTableScans(connection);
    for (let batch = 0; batch < 12; batch += 1) {
      const claims = Array.from({ length: 64 }, (_, i) => ({ targetId: `t${batch * 64 + i + 1}`, version: 1, jobId: batch * 64 + i + 1 }));
      const claimed = await claimTargets(connection, claims, now);
      assert.equal(claimed.filter(Boolean).length, 64, `batch ${batch}: every target claimed`);
    }
    assert.equal(await targetTableScans(connection), before, 'no sequential scan of the target table');
    const { rows } = await sql<{ generic_plans: number }>`SELECT generic_plans::int FROM pg_prepared_statements WHERE statement LIKE '%UPDATE post_target SET%state = ''publishing''%'`.execute(connection);
    assert.equal(rows.length, 1, 'the claim is prepared on this connection');
    assert.ok(rows[0]!.generic_plans >= 6, `claims after the first few reuse one plan (${rows[0]!.generic_plans} of 12)`);
  });
  const publishing = await db.selectFrom('post_target').select((eb) => eb.fn.countAll<string>().as('n')).where('state', '=', 'publishing').executeTakeFirstOrThrow();
  assert.equal(Number(publishing.n), 12 * 64);
  await close();
});
