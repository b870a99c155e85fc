// The publisher's statements, each written for many targets at once: the
// jobs a worker claims together claim their targets together (read with
// their channels in the same statement on PostgreSQL) and record them
// published together (see db/batched.ts). The per-row values travel as arrays
// read by unnest on PostgreSQL and as one JSON parameter read by json_each on
// SQLite; either way the SQL text stays the same whatever the batch size, so
// PostgreSQL prepares each statement once per connection (db/prepared-statements.ts).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { engineOf } from '../../db/database.ts';
import { insertRows } from '../../db/bulk-insert.ts';
import { prepared } from '../../db/prepared-statements.ts';
import { channelForPublishing, channelForPublishingColumns, type ChannelForPublishing } from '../channels/channel-store.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { insertJobs, insertJobsFor, notifyFrom, type NewJob } from '../../jobs/engine-sql.ts';
import { postEventRow, systemActor } from './post-events.ts';

export type TargetRow = Database['post_target'];

export interface TargetToPublish {
  target: TargetRow;
  campaignId: string | null;
  /** The workspace's "pause publishing" switch. */
  paused: boolean;
  /** Null when the channel is gone or belongs to another workspace. */
  channel: ChannelForPublishing | null;
}

/** The targets with their post's campaign, their workspace's pause switch and their channel: one statement for the whole batch. */
export async function readTargets(db: Kysely<Database>, ids: readonly string[]): Promise<Array<TargetToPublish | undefined>> {
  const rows = await db
    .selectFrom('post_target')
    .innerJoin('post', 'post.id', 'post_target.post_id')
    // A channel of another workspace is no channel for this target.
    .leftJoin('channel', (join) => join.onRef('channel.id', '=', 'post_target.channel_id').onRef('channel.workspace_id', '=', 'post_target.workspace_id'))
    .selectAll('post_target')
    .select((eb) => [
      'post.campaign_id as post_campaign_id',
      eb.selectFrom('publishing_setting').select('paused').whereRef('publishing_setting.workspace_id', '=', 'post_target.workspace_id').as('workspace_paused'),
      ...channelForPublishingColumns.map((column) => `channel.${column} as ch_${column}` as const),
    ])
    .where('post_target.id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, splitJoinedRow(row)]));
  return ids.map((id) => byId.get(id));
}

/** A target row read with `post_campaign_id`, `workspace_paused` and its channel's columns as `ch_*`, taken apart. */
function splitJoinedRow(row: Record<string, unknown>): TargetToPublish {
  // Property by property: a batch has hundreds of rows, and entries/fromEntries cost several times more.
  const target: Record<string, unknown> = {};
  const channelRow: Record<string, unknown> = {};
  for (const name in row) {
    if (name.startsWith('ch_')) channelRow[name.slice(3)] = row[name];
    else if (name !== 'post_campaign_id' && name !== 'workspace_paused') target[name] = row[name];
  }
  const channel = row.ch_id == null ? null : channelForPublishing(channelRow as Parameters<typeof channelForPublishing>[0]);
  return { target: target as unknown as TargetRow, campaignId: (row.post_campaign_id as string | null) ?? null, paused: Boolean(row.workspace_paused), channel };
}

export interface Claim {
  targetId: string;
  version: number;
  jobId: number;
}

export interface ClaimedTarget {
  /** The row as claimed: "publishing", this job's, its publish key set. */
  target: TargetRow;
  campaignId: string | null;
  channel: ChannelForPublishing;
  /** No earlier attempt can have reached the network: this claim set the publish key. */
  firstAttempt: boolean;
}

/**
 * scheduled → publishing, in one statement for the batch, for each target that may go out now: still at
 * the version its job carries, due, its workspace not paused, its channel (of the same workspace) neither
 * waiting for a reconnection nor disabled. The publish key (reused by every retry) and the first attempt's
 * start are set once. A target claimed twice in one batch (two jobs) goes to one job only. A target left
 * out is for the caller to look at (hold it, or leave it to the job that owns it).
 */
export async function claimTargets(db: Kysely<Database>, claims: readonly Claim[], now: number): Promise<Array<ClaimedTarget | undefined>> {
  const postgres = engineOf(db as Kysely<unknown>) === 'postgres';
  // PostgreSQL reads the batch as arrays, SQLite as JSON.
  const source = postgres
    ? sql`unnest(${claims.map((claim) => claim.targetId)}::text[], ${claims.map((claim) => claim.version)}::integer[], ${claims.map((claim) => claim.jobId)}::bigint[]) AS c(id, version, job)`
    : sql`(SELECT value ->> '$.id' AS id, value ->> '$.version' AS version, value ->> '$.job' AS job FROM json_each(${JSON.stringify(claims.map((claim) => ({ id: claim.targetId, version: claim.version, job: claim.jobId })))})) AS c`;
  // The same second as the publisher's own check: a job that runs a moment early still publishes. The times
  // are compared through coalesce so that no index on them is used: the targets are looked up by id, whereas
  // a due-time index would read every target due, thousands when a campaign goes out at once.
  const dueBy = now + 1000;
  // Joined with the batch alone, 64 targets among 10,000 due cost about as much to the planner as reading
  // them all, and it reads them all (3 ms a claim). Naming the ids as well looks each up by primary key.
  const amongIds = postgres ? sql`AND post_target.id = ANY(${claims.map((claim) => claim.targetId)}::text[])` : sql``;
  const claim = sql`
    UPDATE post_target SET
      state = 'publishing',
      publish_key = coalesce(post_target.publish_key, post_target.id || '.' || post_target.version),
      publish_started_at = coalesce(post_target.publish_started_at, ${now}),
      attempts = post_target.attempts + 1,
      claimed_job_id = c.job,
      hold_reason = NULL,
      next_attempt_at = NULL,
      updated_at = ${now}
    FROM ${source}
    WHERE post_target.id = c.id ${amongIds} AND post_target.version = c.version AND ${stateOf(postgres)} = 'scheduled'
      AND coalesce(post_target.scheduled_at, 0) <= ${dueBy} AND coalesce(post_target.next_attempt_at, 0) <= ${dueBy}
      AND NOT EXISTS (SELECT 1 FROM publishing_setting WHERE publishing_setting.workspace_id = post_target.workspace_id AND publishing_setting.paused = 1)
      AND EXISTS (
        SELECT 1 FROM channel WHERE channel.id = post_target.channel_id AND channel.workspace_id = post_target.workspace_id
          AND channel.status NOT IN ('reconnect_needed', 'disabled'))
    RETURNING ${returningTarget(postgres)}`;

  let claimed: TargetToPublish[];
  if (postgres) {
    // The claimed rows come back with their campaign and channel: one round trip.
    const { rows } = await sql<Record<string, unknown>>`${prepared}
      WITH claimed AS (${claim})
      SELECT claimed.*, post.campaign_id AS post_campaign_id, ${sql.raw(channelForPublishingColumns.map((column) => `channel.${column} AS ch_${column}`).join(', '))}
      FROM claimed JOIN post ON post.id = claimed.post_id JOIN channel ON channel.id = claimed.channel_id`.execute(db);
    claimed = rows.map(splitJoinedRow);
  } else {
    const { rows } = await claim.$castTo<TargetRow>().execute(db);
    const read = await readTargets(db, rows.map((row) => row.id));
    claimed = rows.map((row, i) => ({ ...read[i]!, target: row }));
  }
  const byId = new Map(claimed.map((one) => [one.target.id, one]));
  return claims.map((claim) => {
    const one = byId.get(claim.targetId);
    if (!one?.channel || Number(one.target.claimed_job_id) !== claim.jobId) return undefined;
    return { target: one.target, campaignId: one.campaignId, channel: one.channel, firstAttempt: Number(one.target.publish_started_at) === now };
  });
}

export interface PublishedRecord {
  target: TargetRow;
  /** Every part's result, as stored in published_parts. */
  parts: string;
  remoteId: string;
  remoteUrl: string;
  channelHandle: string;
  at: number;
}

/**
 * publishing → published for the batch, for the targets still "publishing": the state with the remote id,
 * the history event, and the job that reads the first metrics, all or nothing. PostgreSQL does it in one
 * statement (data-modifying CTEs: one round trip while the next batch gathers), SQLite in one transaction.
 * `metricsJob` gives each target's job, checked by the queue.
 */
export async function recordPublished(db: Kysely<Database>, queue: JobQueue, records: readonly PublishedRecord[], metricsJob: (target: TargetRow, at: number) => NewJob): Promise<void> {
  const postgres = engineOf(db as Kysely<unknown>) === 'postgres';
  const events = records.map((record) =>
    postEventRow({ postId: record.target.post_id, workspaceId: record.target.workspace_id, targetId: record.target.id, actor: systemActor, action: 'published', detail: { channel: record.channelHandle, url: record.remoteUrl }, at: record.at }),
  );
  const jobs = records.map((record) => ({ ...metricsJob(record.target, record.at), key: record.target.id }));
  const setPublished = sql`
    published_parts = c.parts, remote_id = c.remote_id, remote_url = c.remote_url,
    state = 'published', published_at = c.at,
    failure_code = NULL, failure_message = NULL, hold_reason = NULL, updated_at = c.at`;

  if (postgres) {
    await sql`${prepared}
      WITH updated AS (
        UPDATE post_target SET ${setPublished}
        FROM unnest(${records.map((record) => record.target.id)}::text[], ${records.map((record) => record.parts)}::text[], ${records.map((record) => record.remoteId)}::text[],
          ${records.map((record) => record.remoteUrl)}::text[], ${records.map((record) => record.at)}::bigint[]) AS c(id, parts, remote_id, remote_url, at)
        WHERE post_target.id = c.id AND post_target.state = 'publishing'
        RETURNING post_target.id
      ), events AS (
        INSERT INTO post_event (post_id, workspace_id, target_id, actor_id, actor_label, action, detail, created_at)
        SELECT e.post_id, e.workspace_id, e.target_id, e.actor_id, e.actor_label, e.action, e.detail, e.created_at
        FROM json_populate_recordset(NULL::post_event, ${JSON.stringify(events)}) AS e JOIN updated ON updated.id = e.target_id
      ), jobs AS (${insertJobsFor(jobs, 'updated')})
      SELECT ${notifyFrom('jobs')} AS notified`.execute(db);
    queue.announce(Math.min(...jobs.map((job) => job.runAt)));
    return;
  }

  const json = JSON.stringify(records.map((record) => ({ id: record.target.id, parts: record.parts, remote_id: record.remoteId, remote_url: record.remoteUrl, at: record.at })));
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string }>`
      UPDATE post_target SET ${setPublished}
      FROM (SELECT value ->> '$.id' AS id, value ->> '$.parts' AS parts, value ->> '$.remote_id' AS remote_id, value ->> '$.remote_url' AS remote_url, value ->> '$.at' AS at FROM json_each(${json})) AS c
      WHERE post_target.id = c.id AND +post_target.state = 'publishing'
      RETURNING post_target.id`.execute(trx);
    const updated = new Set(rows.map((row) => row.id));
    if (updated.size === 0) return;
    await insertRows(trx, 'post_event', events.filter((event) => updated.has(event.target_id!)), false).execute();
    const created = await insertJobs(trx, 'sqlite', jobs.filter((job) => updated.has(job.key)).map(({ key: _key, ...job }) => job));
    if (created.length > 0) queue.announce(Math.min(...created));
  });
}

/**
 * SQLite would otherwise walk the (state, time) index through every target in that state and look each
 * up in the JSON, rather than look each JSON row up by id: the unary plus keeps it off that index.
 */
function stateOf(postgres: boolean): RawBuilder<unknown> {
  return postgres ? sql`post_target.state` : sql`+post_target.state`;
}

/** PostgreSQL would also return the JSON source's columns for `*`; SQLite only knows the updated table's. */
function returningTarget(postgres: boolean): RawBuilder<unknown> {
  return postgres ? sql`post_target.*` : sql`*`;
}
