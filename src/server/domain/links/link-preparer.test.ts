// The preparer on both engines: UTM parameters from the post's campaign, short
// links when the workspace shortens them, mentions and hashtags untouched, and
// the same text on every call for a target (a retry sends what the first
// attempt sent, whatever changed meanwhile).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, createTestDatabase } from '../../../../test/support/engines.ts';
import { blueskyManifest } from '../../connectors/bluesky/manifest.ts';
import { countTextLength } from '../../../shared/composer/limits.ts';
import { shortLinkLength } from '../../../shared/short-links.ts';
import { LinkStore } from './link-store.ts';
import { LinkPreparer } from './link-preparer.ts';

const baseUrl = 'https://relais.example.org';
const shortLink = /https:\/\/relais\.example\.org\/l\/([1-9A-HJ-NP-Za-km-z]{7})/g;

for (const engine of engines) {
  describe(`link preparer (${engine})`, () => {
    async function setUp(options: { campaign?: { utm_source?: string | null; utm_medium?: string | null; utm_campaign?: string | null } | null; shorten?: boolean } = {}) {
      const database = await createTestDatabase(engine);
      const { db } = database;
      const now = Date.now();
      await db.insertInto('organization').values({ id: 'w1', name: 'W', slug: 'w1', logo: null, createdAt: new Date(), metadata: null, language: 'fr', timeZone: 'Europe/Paris' }).execute();
      for (const [id, network] of [['c-bsky', 'bluesky'], ['c-masto', 'mastodon']]) {
        await db.insertInto('channel').values({ id, workspace_id: 'w1', network, remote_id: `r-${id}`, server_url: 'https://pds.test', handle: `${id}.test`, display_name: null, avatar_url: null, profile_url: null, credentials: null, status: 'connected', status_reason: null, rate_limited_until: null, created_by: null, created_at: now, updated_at: now }).execute();
      }
      if (options.campaign !== null) {
        const c = options.campaign ?? {};
        await db.insertInto('campaign').values({ id: 'camp', workspace_id: 'w1', name: 'Printemps', color: '#228be6', utm_source: c.utm_source ?? null, utm_medium: c.utm_medium ?? null, utm_campaign: c.utm_campaign ?? null, created_at: now }).execute();
      }
      await db.insertInto('publishing_setting').values({ workspace_id: 'w1', paused: 0, paused_at: null, paused_by: null, require_alt_text: 0, shorten_links: options.shorten ? 1 : 0, updated_at: now }).execute();
      const content = JSON.stringify({ text: '', media: [], thread: [], firstReply: null });
      await db.insertInto('post').values({ id: 'p1', workspace_id: 'w1', author_id: null, campaign_id: options.campaign === null ? null : 'camp', content, schedule_kind: 'now', approval: 'not_required', source: 'test', version: 1, created_at: now, updated_at: now, deleted_at: null }).execute();
      for (const [id, channel] of [['t-bsky', 'c-bsky'], ['t-masto', 'c-masto']]) {
        await db.insertInto('post_target').values({ id, post_id: 'p1', workspace_id: 'w1', channel_id: channel, content, state: 'publishing', scheduled_at: now, version: 1, publish_key: null, claimed_job_id: null, publish_started_at: null, published_parts: '[]', remote_id: null, remote_url: null, published_at: null, attempts: 1, next_attempt_at: null, hold_reason: null, failure_code: null, failure_message: null, metrics: null, metrics_at: null, created_at: now, updated_at: now }).execute();
      }
      const store = new LinkStore(db, baseUrl);
      const preparer = new LinkPreparer({ db, store, limitsFor: (network) => (network === 'bluesky' ? blueskyManifest.limits : { maxLength: 500, urlLength: 23 }) });
      const context = (target: 't-bsky' | 't-masto') => ({ workspaceId: 'w1', postId: 'p1', targetId: target, channelId: target === 't-bsky' ? 'c-bsky' : 'c-masto', campaignId: options.campaign === null ? null : 'camp' });
      return { db, store, preparer, context };
    }

    test("UTM parameters: the campaign's, defaults for the empty ones, existing ones kept, fragments kept, every link", async () => {
      const { preparer, context } = await setUp({ campaign: { utm_medium: 'organic' } });
      const text = 'Merci @fan.test ! #printemps https://shop.example/a et https://shop.example/b?utm_source=newsletter#tailles';
      assert.equal(
        await preparer.prepare(text, context('t-bsky')),
        'Merci @fan.test ! #printemps https://shop.example/a?utm_source=bluesky&utm_medium=organic&utm_campaign=Printemps et https://shop.example/b?utm_source=newsletter&utm_medium=organic&utm_campaign=Printemps#tailles',
      );
      assert.equal(await preparer.prepare('Sur Mastodon : https://shop.example/a', context('t-masto')), 'Sur Mastodon : https://shop.example/a?utm_source=mastodon&utm_medium=organic&utm_campaign=Printemps');
    });

    test('without a campaign and without shortening, the text goes out as written', async () => {
      const { preparer, context } = await setUp({ campaign: null });
      const text = 'Rien à changer : https://shop.example/a #tag @fan.test';
      assert.equal(await preparer.prepare(text, context('t-bsky')), text);
      assert.equal(await preparer.prepare('Sans lien, @fan.test #tag', context('t-bsky')), 'Sans lien, @fan.test #tag');
    });

    test('shortened: each link becomes a short link leading to it with its UTM parameters; the same link, the same code', async () => {
      const { preparer, context, store } = await setUp({ shorten: true });
      const text = 'A https://shop.example/a, B https://shop.example/b#x, encore A https://shop.example/a @fan.test #printemps';
      const out = await preparer.prepare(text, context('t-bsky'));
      const codes = [...out.matchAll(shortLink)].map((m) => m[1]);
      assert.equal(codes.length, 3);
      assert.equal(codes[0], codes[2], 'one code per link of a target');
      assert.notEqual(codes[0], codes[1]);
      assert.equal(out.replace(shortLink, 'L'), 'A L, B L, encore A L @fan.test #printemps');
      assert.equal((await store.byCode(codes[0]))?.destination, 'https://shop.example/a?utm_source=bluesky&utm_medium=social&utm_campaign=Printemps');
      assert.equal((await store.byCode(codes[1]))?.destination, 'https://shop.example/b?utm_source=bluesky&utm_medium=social&utm_campaign=Printemps#x');
      const other = await preparer.prepare('A https://shop.example/a', context('t-masto'));
      const [otherCode] = [...other.matchAll(shortLink)].map((m) => m[1]);
      assert.notEqual(otherCode, codes[0], 'each channel counts its own clicks');
      assert.match((await store.byCode(otherCode))!.destination, /utm_source=mastodon/);
    });

    test('idempotent: a retry sends the same text, even after the campaign and the switch changed', async () => {
      const { db, preparer, context } = await setUp({ shorten: true });
      const text = 'https://shop.example/a puis https://shop.example/b';
      const first = await preparer.prepare(text, context('t-bsky'));
      assert.equal(await preparer.prepare(text, context('t-bsky')), first);
      await db.updateTable('campaign').set({ utm_campaign: 'autre-chose' }).execute();
      await db.updateTable('publishing_setting').set({ shorten_links: 0 }).execute();
      assert.equal(await preparer.prepare(text, context('t-bsky')), first);
      assert.equal(Number((await db.selectFrom('short_link').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 2);
      // A new link in a later part follows today's choices; the known ones keep theirs.
      assert.equal(await preparer.prepare('Et https://shop.example/a avec https://shop.example/c', context('t-bsky')), `Et ${first.split(' ')[0]} avec https://shop.example/c?utm_source=bluesky&utm_medium=social&utm_campaign=autre-chose`);
    });

    test('two preparations at once for one target agree on one code per link', async () => {
      const { preparer, context } = await setUp({ shorten: true });
      const text = 'https://shop.example/a https://shop.example/b https://shop.example/c';
      const results = await Promise.all([1, 2, 3, 4].map(() => preparer.prepare(text, context('t-bsky'))));
      assert.equal(new Set(results).size, 1);
    });

    test('on Bluesky, a text that fits as written still fits: the links that would overflow stay as written', async () => {
      const { preparer, context } = await setUp({ shorten: false });
      const link = 'https://shop.example/a';
      const text = `${'é'.repeat(300 - link.length - 1)} ${link}`;
      assert.equal(countTextLength(text, blueskyManifest.limits), 300);
      assert.equal(await preparer.prepare(text, context('t-bsky')), text, 'no room for UTM parameters');
      assert.match(await preparer.prepare(text, context('t-masto')), /utm_source=mastodon/, 'Mastodon counts a link as 23 characters whatever its length');
      assert.ok(shortLinkLength(baseUrl) > 20);
    });
  });
}
