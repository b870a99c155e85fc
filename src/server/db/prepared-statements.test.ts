// The statements run for every batch are prepared once per PostgreSQL
// connection. Preparing must change nothing a caller sees: the same answers,
// and a statement whose table changed under it (a newer process migrated the
// database) still runs, once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase } from '../../../test/support/engines.ts';
import { prepared, preparedName } from './prepared-statements.ts';
import type { Database } from './schema.ts';

async function preparedHere(db: Kysely<Database>): Promise<Array<{ name: string; runs: number }>> {
  const { rows } = await sql<{ name: string; runs: number }>`SELECT name, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements ORDER BY name`.execute(db);
  return rows;
}

test('postgres: a marked statement is prepared once per connection and answers as an ordinary one', async () => {
  const database = await createTestDatabase('postgres');
  await database.db.connection().execute(async (connection) => {
    const double = (n: number) => sql<{ n: number }>`${prepared}SELECT ${n}::int * 2 AS n`;
    const answers = [];
    for (let n = 1; n <= 7; n += 1) answers.push((await double(n).execute(connection)).rows[0]!.n);
    assert.deepEqual(answers, [2, 4, 6, 8, 10, 12, 14]);
    await sql`SELECT ${1}::int AS unmarked`.execute(connection);
    await sql`SELECT ${2}::int AS unmarked`.execute(connection);
    assert.deepEqual(await preparedHere(connection), [{ name: preparedName(double(0).compile(connection).sql), runs: 7 }], 'one statement, run seven times; the unmarked one is not kept');
  });
  await database.close();
});

test('postgres: a prepared statement whose table gained or lost a column is prepared again and runs once', async () => {
  const database = await createTestDatabase('postgres');
  await database.db.connection().execute(async (connection) => {
    await sql`CREATE TABLE counter (id integer PRIMARY KEY, n integer NOT NULL)`.execute(connection);
    await sql`INSERT INTO counter VALUES (1, 0)`.execute(connection);
    const bump = () => sql<Record<string, unknown>>`${prepared}UPDATE counter SET n = n + 1 WHERE id = ${1} RETURNING *`.execute(connection);
    assert.deepEqual((await bump()).rows, [{ id: 1, n: 1 }]);
    await sql`ALTER TABLE counter ADD COLUMN label text NOT NULL DEFAULT 'visits'`.execute(connection);
    assert.deepEqual((await bump()).rows, [{ id: 1, n: 2, label: 'visits' }], 'the new column, and one increment');
    assert.deepEqual((await bump()).rows, [{ id: 1, n: 3, label: 'visits' }]);
    await sql`ALTER TABLE counter DROP COLUMN label`.execute(connection);
    assert.deepEqual((await bump()).rows, [{ id: 1, n: 4 }]);
    const { rows } = await sql<{ n: number }>`SELECT n FROM counter`.execute(connection);
    assert.equal(rows[0]!.n, 4, 'each run counted once');
    assert.equal((await preparedHere(connection)).length, 1, 'the stale forms are released');
  });
  await database.close();
});
