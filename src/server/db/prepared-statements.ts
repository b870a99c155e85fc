// PostgreSQL parses and plans an ordinary statement afresh each time it runs.
// The statements the publisher and the queue run for every batch (claim the
// jobs, claim the targets, record them published) keep the same text whatever
// the batch size, so each connection parses them once and, after a few runs,
// keeps one plan: they are sent as named prepared statements. A statement opts
// in by starting with `prepared`, and must run on its own, outside a
// transaction; every other statement is sent as before.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';

const MARK = '/* prepared */';

/** Put first in a statement's text to have each connection prepare it once. */
export const prepared = sql.raw(`${MARK} `);

const names = new Map<string, string>();

/** The same text gets the same name on every connection; another text, another name. */
export function preparedName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `relais_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A connection that sends marked statements as named prepared statements. pg remembers which names this
 * connection has parsed, so the text goes once per connection; a new connection parses again.
 */
export class PreparingClient extends pg.Client {
  /** Statements prepared again on this connection under another name, their stored form having gone stale. */
  readonly renamed = new Map<string, string>();
  preparedAgain = 0;
}

const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => Promise<pg.QueryResult>;

// One implementation for pg's many overloads: it only turns a marked text, sent the way Kysely sends it
// (text, values, no callback), into a named query.
PreparingClient.prototype.query = function query(this: PreparingClient, ...args: unknown[]) {
  const [text, values, callback] = args;
  if (typeof text !== 'string' || !text.startsWith(MARK) || !Array.isArray(values) || callback !== undefined) {
    return plainQuery.apply(this, args);
  }
  const run = (name: string) => plainQuery.call(this, { name, text, values });
  const name = this.renamed.get(text) ?? preparedName(text);
  return run(name).catch((error: unknown) => {
    if (!isStalePlan(error)) throw error;
    // A table under the statement gained or lost columns since this connection prepared it (a newer
    // process migrated the database). PostgreSQL refuses the stored form before running anything, so
    // preparing it again under a new name cannot do the work twice.
    this.preparedAgain += 1;
    const fresh = `${preparedName(text)}_${this.preparedAgain}`;
    this.renamed.set(text, fresh);
    void plainQuery.call(this, `DEALLOCATE ${name}`).catch(() => {});
    return run(fresh);
  });
} as pg.Client['query'];

function isStalePlan(error: unknown): boolean {
  const { code, routine } = error as { code?: string; routine?: string };
  return code === '0A000' && routine === 'RevalidateCachedQuery';
}
