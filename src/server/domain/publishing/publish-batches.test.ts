// The publisher's batched statements keep the one-target rules on both
// engines: a claim takes only a scheduled target at the job's version, never
// in a paused workspace, and one job only when two claim the same target;
// recording writes only targets still publishing, with their event and one
// first-metrics job each.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, createTestDatabase } from '../../../../test/support/engines.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { claimTargets, readTargets, recordPublished } from './publish-batches.ts';

for (const engine of engines) {
  describe(`publishing batches (${engine})`, () => {
    async function setUp() {
      const database = await createTestDatabase(engine);
      const { db } = database;
      const now = Date.now();
      const content = JSON.stringify({ text: 'Bonjour', media: [], thread: [], firstReply: null });
      for (const workspace of ['w1', 'w2']) {
        await db.insertInto('organization').values({ id: workspace, name: workspace, slug: workspace, logo: null, createdAt: new Date(), metadata: null, language: 'fr', timeZone: 'Europe/Paris' }).execute();
        await db.insertInto('publishing_setting').values({ workspace_id: workspace, paused: workspace === 'w2' ? 1 : 0, paused_at: null, paused_by: null, require_alt_text: 0, shorten_links: 0, updated_at: now }).execute();
        await db.insertInto('channel').values({ id: `c-${workspace}`, workspace_id: workspace, network: 'mastodon', remote_id: `r-${workspace}`, server_url: 'https://m.test', handle: `brand@${workspace}.test`, display_name: null, avatar_url: null, profile_url: null, credentials: `sealed-${workspace}`, status: 'connected', status_reason: null, rate_limited_until: null, created_by: null, created_at: now, updated_at: now }).execute();
        await db.insertInto('post').values({ id: `p-${workspace}`, workspace_id: workspace, author_id: null, campaign_id: null, content, schedule_kind: 'at', approval: 'not_required', source: 'test', version: 1, created_at: now, updated_at: now, deleted_at: null }).execute();
      }
      const target = (id: string, workspace: string, state: 'scheduled' | 'draft', version = 1) =>
        db.insertInto('post_target').values({ id, post_id: `p-${workspace}`, workspace_id: workspace, channel_id: `c-${workspace}`, content, state, scheduled_at: now, version, publish_key: null, claimed_job_id: null, publish_started_at: null, published_parts: '[]', remote_id: null, remote_url: null, published_at: null, attempts: 0, next_attempt_at: null, hold_reason: 'retrying', failure_code: null, failure_message: null, metrics: null, metrics_at: null, created_at: now, updated_at: now }).execute();
      await target('t1', 'w1', 'scheduled');
      await target('t2', 'w1', 'scheduled', 3);
      await target('t3', 'w1', 'draft');
      await target('t4', 'w2', 'scheduled');
      await target('t5', 'w1', 'scheduled');
      return { database, db, now };
    }

    test('reads: each target with its channel, its workspace pause switch, in the order asked; unknown ids give nothing', async () => {
      const { db } = await setUp();
      // t6's channel belongs to another workspace: it is no channel for it.
      await db.insertInto('post_target').values({ ...(await db.selectFrom('post_target').selectAll().where('id', '=', 't1').executeTakeFirstOrThrow()), id: 't6', channel_id: 'c-w2' }).execute();
      const read = await readTargets(db, ['t4', 'missing', 't1', 't6']);
      assert.equal(read[0]?.target.id, 't4');
      assert.equal(read[0]?.paused, true);
      assert.equal(read[0]?.channel?.sealedCredentials, 'sealed-w2');
      assert.equal(read[0]?.channel?.view.handle, 'brand@w2.test');
      assert.equal(read[1], undefined);
      assert.equal(read[2]?.paused, false);
      assert.equal(read[2]?.channel?.workspaceId, 'w1');
      assert.equal(read[2]?.channel?.view.status, 'connected');
      assert.deepEqual(Object.keys(read[2]!.target).sort(), Object.keys(await db.selectFrom('post_target').selectAll().where('id', '=', 't1').executeTakeFirstOrThrow()).sort(), 'the target row, nothing else');
      assert.equal(read[3]?.target.id, 't6');
      assert.equal(read[3]?.channel, null);
    });

    test('claims: the right version of a due, scheduled target in a running workspace on a usable channel, one job per target', async () => {
      const { db, now } = await setUp();
      const copyOf = async (id: string, changes: Record<string, unknown>) =>
        db.insertInto('post_target').values({ ...(await db.selectFrom('post_target').selectAll().where('id', '=', 't1').executeTakeFirstOrThrow()), id, ...changes }).execute();
      await copyOf('t6', { scheduled_at: now + 60_000 }); // not due yet
      await copyOf('t7', { next_attempt_at: now + 60_000 }); // waiting before a retry
      await copyOf('t8', { channel_id: 'c-w2' }); // a channel of another workspace
      await copyOf('t9', { publish_key: 't9.1', publish_started_at: now - 60_000, attempts: 1, next_attempt_at: now - 1 }); // a retry that is due
      await db.insertInto('channel').values({ ...(await db.selectFrom('channel').selectAll().where('id', '=', 'c-w1').executeTakeFirstOrThrow()), id: 'c-off', remote_id: 'r-off', status: 'reconnect_needed' }).execute();
      await copyOf('t10', { channel_id: 'c-off' });
      const claimed = await claimTargets(
        db,
        [
          { targetId: 't1', version: 1, jobId: 10 },
          { targetId: 't2', version: 1, jobId: 11 }, // edited since: version 3
          { targetId: 't3', version: 1, jobId: 12 }, // a draft
          { targetId: 't4', version: 1, jobId: 13 }, // paused workspace
          { targetId: 't5', version: 1, jobId: 14 },
          { targetId: 't5', version: 1, jobId: 15 }, // the same target by another job
          ...['t6', 't7', 't8', 't9', 't10'].map((targetId, i) => ({ targetId, version: 1, jobId: 16 + i })),
        ],
        now,
      );
      assert.deepEqual(
        claimed.map((one) => one?.target.id ?? null),
        ['t1', null, null, null, ...(claimed[4] ? ['t5', null] : [null, 't5']), null, null, null, 't9', null],
      );
      const t1 = claimed[0]!;
      assert.equal(t1.target.state, 'publishing');
      assert.equal(t1.target.publish_key, 't1.1');
      assert.equal(Number(t1.target.publish_started_at), now);
      assert.equal(Number(t1.target.attempts), 1);
      assert.equal(Number(t1.target.claimed_job_id), 10);
      assert.equal(t1.target.hold_reason, null);
      assert.equal(t1.firstAttempt, true);
      assert.equal(t1.campaignId, null);
      assert.equal(t1.channel.view.handle, 'brand@w1.test');
      assert.equal(t1.channel.sealedCredentials, 'sealed-w1');
      assert.deepEqual(Object.keys(t1.target).sort(), Object.keys(await db.selectFrom('post_target').selectAll().where('id', '=', 't1').executeTakeFirstOrThrow()).sort(), 'the target row, nothing else');
      // A retry keeps its publish key and first start: the network must be asked before sending again.
      const t9 = claimed[9]!;
      assert.equal(t9.firstAttempt, false);
      assert.equal(t9.target.publish_key, 't9.1');
      assert.equal(Number(t9.target.publish_started_at), now - 60_000);
      assert.equal(Number(t9.target.attempts), 2);
      const states = await db.selectFrom('post_target').select(['id', 'state', 'attempts']).orderBy('id').execute();
      assert.deepEqual(
        states.map((row) => [row.id, row.state, Number(row.attempts)]),
        [['t1', 'publishing', 1], ['t10', 'scheduled', 0], ['t2', 'scheduled', 0], ['t3', 'draft', 0], ['t4', 'scheduled', 0], ['t5', 'publishing', 1], ['t6', 'scheduled', 0], ['t7', 'scheduled', 0], ['t8', 'scheduled', 0], ['t9', 'publishing', 2]],
      );
      // A second claim of a target already publishing gets nothing, and its publish key stays.
      assert.deepEqual(await claimTargets(db, [{ targetId: 't1', version: 1, jobId: 20 }], now + 5), [undefined]);
    });

    test('recording: only targets still publishing become published, each with its event and first-metrics job', async () => {
      const { database, db, now } = await setUp();
      const [t1, t2, t5] = (await claimTargets(db, [{ targetId: 't1', version: 1, jobId: 1 }, { targetId: 't2', version: 3, jobId: 2 }, { targetId: 't5', version: 1, jobId: 5 }], now)).map((one) => one?.target);
      // t5 was marked published by a person meanwhile.
      await db.updateTable('post_target').set({ state: 'published' }).where('id', '=', 't5').execute();
      const queue = new JobQueue(database);
      const record = (target: typeof t1 & object, n: number) => ({ target, parts: JSON.stringify([{ index: 0, remoteId: `r${n}`, url: `https://m.test/@brand/${n}` }]), remoteId: `r${n}`, remoteUrl: `https://m.test/@brand/${n}`, channelHandle: 'brand@w1.test', at: now + n });
      await recordPublished(db, queue, [record(t1!, 1), record(t2!, 2), record(t5!, 5)], (target, at) => queue.newJob('publishing.collect-metrics', { targetId: target.id }, { runAt: at + 1000, uniqueKey: `metrics:${target.id}:first` }));
      const rows = await db.selectFrom('post_target').select(['id', 'state', 'remote_id', 'remote_url', 'published_at']).where('id', 'in', ['t1', 't2', 't5']).orderBy('id').execute();
      assert.deepEqual(
        rows.map((row) => [row.id, row.state, row.remote_id, row.remote_url, row.published_at === null ? null : Number(row.published_at)]),
        [
          ['t1', 'published', 'r1', 'https://m.test/@brand/1', now + 1],
          ['t2', 'published', 'r2', 'https://m.test/@brand/2', now + 2],
          ['t5', 'published', null, null, null],
        ],
      );
      // The parts' JSON (quotes, braces, commas) arrives as written.
      const t1Row = await db.selectFrom('post_target').select('published_parts').where('id', '=', 't1').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(t1Row.published_parts), [{ index: 0, remoteId: 'r1', url: 'https://m.test/@brand/1' }]);
      const events = await db.selectFrom('post_event').select(['target_id', 'action', 'detail']).orderBy('target_id').execute();
      assert.deepEqual(events.map((event) => [event.target_id, event.action, JSON.parse(event.detail!).url]), [['t1', 'published', 'https://m.test/@brand/1'], ['t2', 'published', 'https://m.test/@brand/2']]);
      const jobs = await db.selectFrom('job').select(['payload', 'run_at', 'unique_key']).orderBy('unique_key').execute();
      assert.deepEqual(jobs.map((job) => [JSON.parse(job.payload).targetId, Number(job.run_at), job.unique_key]), [['t1', now + 1001, 'metrics:t1:first'], ['t2', now + 1002, 'metrics:t2:first']]);
    });
  });
}
