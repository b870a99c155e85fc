// Many rows in one INSERT. On PostgreSQL the rows travel as a single JSON
// parameter read back with the table's own row type: a 500-row batch of a
// 30-column table is otherwise 15,000 placeholders for Kysely to compile and
// for the server to parse and bind, which cost more than the insert itself.
// SQLite reads the same JSON with json_each (its `->>` gives integers, reals
// and texts back as such), which spares Kysely the same compilation.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { engineOf } from './database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * `INSERT INTO table (columns of the first row) …` for `rows`, to be finished like any Kysely insert
 * (`onConflict`, `returning`, `execute`). Every row must name the same columns.
 */
export function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: Insertable<Database[T]>[], postgres = engineOf(db as Kysely<unknown>) === 'postgres') {
  const columns = Object.keys(rows[0]!);
  const json = JSON.stringify(rows);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the column list is the rows' own keys, checked by Insertable above
  const from = db as Kysely<any>;
  const select = postgres
    ? from.selectFrom(sql`json_populate_recordset(NULL::${sql.table(table)}, ${json})`.as('r')).select(columns.map((column) => sql.ref(`r.${column}`).as(column)))
    : from.selectFrom(sql`json_each(${json})`.as('r')).select(columns.map((column) => sql`r.value ->> ${`$.${column}`}`.as(column)))
        // "WHERE true" tells SQLite's parser that a following ON CONFLICT is the upsert's, not a join's.
        .where(sql<boolean>`true`);
  return db.insertInto(table).columns(columns as never).expression(select as never);
}
