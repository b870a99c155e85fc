// The people who write to the brand, one row per workspace, network and account:
// created the first time they write, their profile (handle, name, avatar, reach)
// rewritten only when it changed.
import { v7 as timeOrderedUuid } from 'uuid';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Activity } from '../../connectors/contract.ts';
import type { IngestChannel } from './ingest.ts';

/** Rows per statement: well under SQLite's 32,766 bound parameters. */
const CHUNK = 500;

export interface AuthorProfile {
  id: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  url: string | null;
  followers: number | null;
}

/**
 * Authors by their id on the network, created or refreshed (handle, name, avatar and reach change).
 * On PostgreSQL the changed profiles are handed back, to be rewritten after the commit (`refreshProfiles`).
 */
export async function upsertAuthors(trx: Transaction<Database>, channel: IngestChannel, seen: Array<Activity['author']>, now: number, sqlite: boolean): Promise<{ authors: Map<string, { id: string }>; profiles: AuthorProfile[] }> {
  const latest = new Map<string, Activity['author']>();
  for (const author of seen) latest.set(author.remoteId, author);
  const remoteIds = [...latest.keys()];
  const existing = new Map<string, { id: string }>();
  const known: Array<{ id: string; remote_id: string; handle: string; display_name: string | null; avatar_url: string | null; url: string | null; followers: number | null }> = [];
  for (const part of chunks(remoteIds, CHUNK)) {
    const rows = await trx
      .selectFrom('inbox_author')
      .select(['id', 'remote_id', 'handle', 'display_name', 'avatar_url', 'url', 'followers'])
      .where('workspace_id', '=', channel.workspaceId)
      .where('network', '=', channel.network)
      .where('remote_id', 'in', part)
      .execute();
    for (const row of rows) {
      existing.set(row.remote_id, { id: row.id });
      known.push(row);
    }
  }
  const missing = remoteIds.filter((remoteId) => !existing.has(remoteId));
  for (const part of chunks(missing, CHUNK)) {
    await insertRows(
        trx,
        'inbox_author',
        part.map((remoteId) => {
          const author = latest.get(remoteId)!;
          return {
            id: timeOrderedUuid(),
            workspace_id: channel.workspaceId,
            network: channel.network,
            remote_id: remoteId,
            handle: author.handle,
            display_name: author.displayName,
            avatar_url: author.avatarUrl,
            url: author.url,
            followers: author.followers,
            tags: '[]',
            first_seen_at: now,
          };
        }),
        !sqlite,
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'network', 'remote_id']).doNothing())
      .execute();
    const rows = await trx
      .selectFrom('inbox_author')
      .select(['id', 'remote_id'])
      .where('workspace_id', '=', channel.workspaceId)
      .where('network', '=', channel.network)
      .where('remote_id', 'in', part)
      .execute();
    for (const row of rows) existing.set(row.remote_id, { id: row.id });
  }
  // Profiles that were already known and changed: their latest handle, name, avatar and followers.
  const profiles: AuthorProfile[] = known
    .map((row) => ({ row, author: latest.get(row.remote_id)! }))
    .filter(({ row, author }) => row.handle !== author.handle || row.display_name !== author.displayName || row.avatar_url !== author.avatarUrl || row.url !== author.url || reachMoved(row.followers, author.followers))
    .map(({ row, author }) => ({ id: row.id, handle: author.handle, displayName: author.displayName, avatarUrl: author.avatarUrl, url: author.url, followers: author.followers ?? row.followers }));
  if (!sqlite) return { authors: existing, profiles };
  // SQLite has one writer at a time: nobody waits on these rows, they are rewritten at once.
  await refreshProfiles(trx, profiles);
  return { authors: existing, profiles: [] };
}

/**
 * Known authors whose profile changed, rewritten after the items' transaction (PostgreSQL):
 * inside it, every batch naming a fan would hold that fan's row until it commits, and the
 * channels polled at the same time would queue behind each other for a display name.
 * In id order, so that two writers never wait on each other crosswise.
 */
export async function refreshProfiles(db: Kysely<Database> | Transaction<Database>, profiles: AuthorProfile[]): Promise<void> {
  const sorted = [...profiles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const part of chunks(sorted, CHUNK)) {
    await sql`WITH v(id, handle, display_name, avatar_url, url, followers) AS (VALUES ${sql.join(part.map((p) => sql`(${sql.join([p.id, p.handle, p.displayName, p.avatarUrl, p.url, p.followers])})`))})
      UPDATE inbox_author SET handle = v.handle, display_name = v.display_name, avatar_url = v.avatar_url, url = v.url, followers = CAST(v.followers AS integer)
      FROM v WHERE inbox_author.id = v.id`.execute(db);
  }
}

/**
 * Whether a known author's follower count changed enough to rewrite the row: reach is shown
 * rounded ("12.3k") and weighs in priority by order of magnitude, so a few followers more or
 * less on every message are not worth a write (a busy brand hears from the same fans all day).
 */
export function reachMoved(known: number | null, reported: number | null | undefined): boolean {
  if (reported == null) return false;
  if (known == null) return true;
  const before = Number(known);
  return Math.abs(reported - before) > Math.max(10, before * 0.02);
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < values.length; index += size) out.push(values.slice(index, index + size));
  return out;
}
