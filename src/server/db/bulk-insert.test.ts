// Many rows in one INSERT come back exactly as written on both engines:
// integers beyond 2^31, nulls, quotes, emoji and accents, JSON kept as text;
// a conflicting row is skipped and RETURNING names only the rows written.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, createTestDatabase } from '../../../test/support/engines.ts';
import { insertRows } from './bulk-insert.ts';

for (const engine of engines) {
  describe(`bulk insert (${engine})`, () => {
    test('rows keep their values and types; conflicts are skipped; RETURNING lists what was written', async () => {
      const { db } = await createTestDatabase(engine);
      await db.insertInto('organization').values({ id: 'w1', name: 'W', slug: 'w', logo: null, createdAt: new Date(), metadata: null, language: 'fr', timeZone: 'Europe/Paris' }).execute();
      const at = Date.UTC(2031, 9, 26, 1, 30, 0, 7);
      const rows = Array.from({ length: 300 }, (_, n) => ({
        workspace_id: 'w1',
        item_id: n % 3 === 0 ? null : 5_000_000_000 + n,
        action: n === 7 ? `l'avis « très déçue » 😡 "quoted" \\ back` : 'created',
        detail: JSON.stringify({ n, before: null, after: ['a', 'é'] }),
        actor_user_id: null,
        actor_rule_id: n % 2 === 0 ? `rule-${n}` : null,
        reversed_at: null,
        reversed_by: null,
        created_at: at + n,
      }));
      const written = await insertRows(db, 'inbox_event', rows).returning(['id', 'created_at']).execute();
      assert.equal(written.length, 300);
      const back = await db.selectFrom('inbox_event').selectAll().orderBy('id').execute();
      assert.deepEqual(
        back.map(({ id: _id, ...row }) => row),
        rows,
      );
      assert.equal(typeof back[1].item_id, 'number');
      assert.equal(back[7].action, `l'avis « très déçue » 😡 "quoted" \\ back`);
      assert.deepEqual(JSON.parse(back[2].detail), { n: 2, before: null, after: ['a', 'é'] });

      // The same authors again with one new: only the new one is written and returned.
      const author = (n: number) => ({ id: `a-${n}`, workspace_id: 'w1', network: 'bluesky', remote_id: `did:plc:${n}`, handle: `fan${n}.test`, display_name: null, avatar_url: null, url: null, followers: n * 1000, tags: '[]', first_seen_at: at });
      await insertRows(db, 'inbox_author', [author(1), author(2)]).execute();
      const again = await insertRows(db, 'inbox_author', [author(1), author(2), author(3)])
        .onConflict((oc) => oc.columns(['workspace_id', 'network', 'remote_id']).doNothing())
        .returning('id')
        .execute();
      assert.deepEqual(again.map((row) => row.id), ['a-3']);
      assert.equal((await db.selectFrom('inbox_author').select('id').execute()).length, 3);
    });
  });
}
