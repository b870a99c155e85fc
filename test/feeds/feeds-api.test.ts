// RSS/Atom auto-post through the API, on both engines, with a real feed server
// (node:http on 127.0.0.1 serving feed documents, ETags and errors) and
// Bluesky's own local network: subscribing posts nothing that was already in
// the feed; a new item becomes exactly one post (even with two checks racing);
// an unchanged feed is a 304; bad addresses are refused in words, nothing
// stored; a private address is refused unless RELAIS_ALLOW_PRIVATE_URLS.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startBlueskyNetwork, type BlueskyNetwork } from '../support/bluesky.ts';
import { engines } from '../support/engines.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type TestRelais, type ApiClient } from '../support/relais.ts';
import { connectBluesky, postsOnNetwork, settled } from '../support/publishing.ts';
import { waitFor } from '../support/wait.ts';
import { startTestServer, type TestServer } from '../../src/server/net/test-http-server.ts';
import { createFeedParts } from '../../src/server/feed-wiring.ts';
import { sweepFeeds } from '../../src/server/feed-jobs.ts';
import { parseFeedDocument } from '../../src/server/domain/feeds/feed-parser.ts';
import type { FeedCheckResult, FeedItemView, FeedPreview, FeedView } from '../../src/shared/feeds.ts';
import type { PostView } from '../../src/shared/publishing.ts';

// ── The feed server ─────────────────────────────────────────────────────────

interface Item {
  guid?: string;
  title: string;
  link?: string;
  description?: string;
  categories?: string[];
  pubDate?: Date;
}

interface Document {
  body: string;
  type: string;
  /** Answer with this status instead of the document. */
  status?: number;
  /** Milliseconds before answering (so two checks are in flight together). */
  delayMs?: number;
}

const documents = new Map<string, Document>();
let feedServer: TestServer;

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function rss(title: string, items: Item[]): string {
  const entries = items.map(
    (item) => `<item>
      <title>${escape(item.title)}</title>
      ${item.link ? `<link>${escape(item.link)}</link>` : ''}
      ${item.guid ? `<guid isPermaLink="false">${escape(item.guid)}</guid>` : ''}
      ${item.description ? `<description><![CDATA[${item.description}]]></description>` : ''}
      ${(item.categories ?? []).map((c) => `<category>${escape(c)}</category>`).join('')}
      ${item.pubDate ? `<pubDate>${item.pubDate.toUTCString()}</pubDate>` : ''}
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escape(title)}</title><link>https://blog.example.com/</link>${entries.join('')}</channel></rss>`;
}

function publish(path: string, title: string, items: Item[]): string {
  documents.set(path, { body: rss(title, items), type: 'application/rss+xml; charset=utf-8' });
  return `${feedServer.origin}${path}`;
}

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
const hitsOf = (path: string) => feedServer.hits.filter((hit) => hit.url === path);

let network: BlueskyNetwork;
before(async () => {
  network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }, { handle: 'fan.test', password: 'fan-account-pass' }] });
  feedServer = await startTestServer((request, response) => {
    const document = documents.get((request.url ?? '').split('?')[0]);
    const answer = () => {
      if (!document) return response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      if (document.status) return response.writeHead(document.status, { 'content-type': 'text/plain' }).end('failure');
      const etag = etagOf(document.body);
      if (request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end();
      response.writeHead(200, { 'content-type': document.type, etag }).end(document.body);
    };
    setTimeout(answer, document?.delayMs ?? 0);
  });
});

for (const engine of engines) {
  describe(`feeds on ${engine}`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    let channelId: string;
    const handle = engine === 'sqlite' ? 'brand.test' : 'fan.test';
    const feeds = () => `/api/workspaces/${workspaceId}/feeds`;
    const rssPosts = async () => (await admin.get<{ posts: PostView[] }>(`/api/workspaces/${workspaceId}/posts?limit=200`)).body.posts.filter((post) => post.source === 'rss');
    const check = (feedId: string) => admin.post<{ check: FeedCheckResult; feed: FeedView; code?: string }>(`${feeds()}/${feedId}/check`);
    const items = async (feedId: string) => (await admin.get<{ items: FeedItemView[] }>(`${feeds()}/${feedId}/items`)).body.items;
    const tag = (name: string) => `${name}-${engine}`;
    const inFrench = async <T>(call: () => Promise<T>): Promise<T> => {
      admin.locale = 'fr';
      try {
        return await call();
      } finally {
        admin.locale = 'en';
      }
    };

    before(async () => {
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      channelId = await connectBluesky(admin, workspaceId, network, handle);
    });

    test('subscribing posts nothing already in the feed; the items are listed as skipped', async () => {
      const path = `/${tag('journal')}.xml`;
      const url = publish(path, 'Le journal de la Maison', [
        { guid: 'a-3', title: `Troisième ${engine}`, link: 'https://blog.example.com/3', pubDate: new Date(Date.now() - 3_600_000) },
        { guid: 'a-2', title: `Deuxième ${engine}`, link: 'https://blog.example.com/2', pubDate: new Date(Date.now() - 7_200_000) },
        { title: `Sans GUID ${engine}`, link: 'https://blog.example.com/1' },
      ]);
      const created = await admin.post<{ feed: FeedView; check: FeedCheckResult | null }>(feeds(), { url, channelIds: [channelId], template: '{{title}} {{link}}', mode: 'now' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.feed.title, 'Le journal de la Maison', 'the feed’s own title');
      assert.equal(created.body.feed.url, url);
      assert.equal(created.body.feed.active, true);
      assert.equal(created.body.check, null);
      assert.deepEqual(await rssPosts(), []);
      const seen = await items(created.body.feed.id);
      assert.deepEqual(seen.map((i) => i.status), ['skipped', 'skipped', 'skipped']);
      const texts = (await postsOnNetwork(network, handle)).map((p) => p.value.text);
      assert.ok(!texts.some((t) => t.includes(`Deuxième ${engine}`)), 'nothing went to the network');
      const listed = await admin.get<{ feeds: FeedView[] }>(feeds());
      assert.deepEqual(listed.body.feeds.map((f) => f.id), [created.body.feed.id]);

      // Checked again with nothing new: a conditional GET answered 304.
      const again = await check(created.body.feed.id);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(again.body.check.outcome, 'not_modified');
      assert.equal(hitsOf(path).at(-1)?.headers['if-none-match'], etagOf(documents.get(path)!.body), 'the ETag of the subscription is sent back');
    });

    test('a new item becomes exactly one post on the network, with the rendered text, even when two checks race', async () => {
      const path = `/${tag('nouvelles')}.xml`;
      const old = { guid: 'n-1', title: `Ancienne nouvelle ${engine}`, link: 'https://blog.example.com/ancienne' };
      const url = publish(path, 'Nouvelles', [old]);
      const created = await admin.post<{ feed: FeedView }>(feeds(), { url, channelIds: [channelId], template: '{{title}} {{categories}} {{link}}', mode: 'now' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const feedId = created.body.feed.id;

      const fresh = { guid: 'n-2', title: `Soldes d’été ${engine}`, link: 'https://blog.example.com/soldes', categories: ['Bons plans'], pubDate: new Date() };
      publish(path, 'Nouvelles', [fresh, old]);
      documents.get(path)!.delayMs = 300; // both checks have the document in hand before either posts
      const before = hitsOf(path).length;
      const [first, second] = await Promise.all([check(feedId), check(feedId)]);
      documents.get(path)!.delayMs = 0;
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(second.status, 200, JSON.stringify(second.body));
      assert.equal(hitsOf(path).length - before, 2, 'both checks read the feed');
      assert.equal(first.body.check.posted + second.body.check.posted, 1, 'one post between them');

      const posts = await rssPosts();
      assert.equal(posts.length, 1);
      const expected = `${fresh.title} #BonsPlans ${fresh.link}`;
      assert.equal(posts[0].content.text, expected);
      assert.equal(posts[0].author, null, 'posted by the feed, not by a person');
      const post = await settled(admin, workspaceId, posts[0].id);
      assert.equal(post.targets[0].state, 'published', JSON.stringify(post.targets[0]));
      const onNetwork = (await postsOnNetwork(network, handle)).filter((p) => p.value.text === expected);
      assert.equal(onNetwork.length, 1, 'published once');
      const history = await admin.get<{ events: Array<{ action: string; actor: string | null }> }>(`/api/workspaces/${workspaceId}/posts/${post.id}/history`);
      assert.equal(history.body.events[0].actor, 'RSS: Nouvelles');

      const seen = await items(feedId);
      assert.deepEqual(seen.map((i) => [i.title, i.status, i.postId]), [[fresh.title, 'posted', post.id], [old.title, 'skipped', null]]);
      const third = await check(feedId);
      assert.equal(third.body.check.posted, 0, 'a later check finds nothing new');
      assert.equal(third.body.feed.postedCount, 1);
    });

    test('two posters racing on the same item: one post, the other finds it taken (the claim is in the post’s transaction)', async () => {
      const path = `/${tag('course')}.xml`;
      const url = publish(path, 'Course', []);
      const created = await admin.post<{ feed: FeedView }>(feeds(), { url, channelIds: [channelId], mode: 'draft' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const parts = createFeedParts(relais.relais.services);
      const row = (await parts.store.rowById(created.body.feed.id))!;
      const [entry] = parseFeedDocument(rss('Course', [{ guid: 'c-1', title: `Course ${engine}`, link: 'https://blog.example.com/course' }]), url).entries;
      const outcomes = await Promise.all([parts.poster.post(row, entry), parts.poster.post(row, entry), parts.poster.post(row, entry)]);
      assert.deepEqual(outcomes.sort(), ['posted', 'taken', 'taken']);
      const drafts = (await rssPosts()).filter((p) => p.content.text.startsWith(`Course ${engine}`));
      assert.equal(drafts.length, 1);
      const db = relais.relais.services.database.db;
      const rows = await db.selectFrom('feed_item').select(['status', 'post_id']).where('feed_id', '=', row.id).execute();
      assert.deepEqual(rows.map((r) => ({ ...r })), [{ status: 'posted', post_id: drafts[0].id }]);
    });

    test('draft mode: a long summary is shortened to Bluesky’s 300 graphemes, HTML removed, the link whole', async () => {
      const path = `/${tag('brouillons')}.xml`;
      const url = publish(path, 'Brouillons', []);
      const template = '{{title}}\n{{summary}}\n{{link}} {{categories}}';
      const created = await admin.post<{ feed: FeedView }>(feeds(), { url, channelIds: [channelId], template, mode: 'draft' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const link = 'https://blog.example.com/2027/03/un-tres-long-article-sur-le-lin-normand';
      const description = `<p>${'Le lin <b>normand</b> &amp; ses artisans. '.repeat(30)}</p><img src="x.jpg"><script>track()</script>`;
      publish(path, 'Brouillons', [{ guid: 'b-1', title: `Le lin ${engine}`, link, description, categories: ['Artisanat', 'Made in France'] }]);
      const result = await check(created.body.feed.id);
      assert.equal(result.body.check.posted, 1, JSON.stringify(result.body));
      const [post] = (await rssPosts()).filter((p) => p.content.text.startsWith(`Le lin ${engine}`));
      assert.equal(post.targets[0].state, 'draft');
      assert.equal(post.scheduleKind, 'draft');
      const text = post.content.text;
      assert.ok([...new Intl.Segmenter().segment(text)].length <= 300, `${text.length} characters`);
      assert.ok(text.endsWith(`\n${link} #Artisanat #MadeInFrance`), text);
      assert.match(text, /^Le lin \w+\nLe lin normand & ses artisans\. .*…\n/);
      assert.doesNotMatch(text, /<|track|jpg/);
    });

    test('“post the latest item now” posts only the newest one', async () => {
      const path = `/${tag('derniere')}.xml`;
      const url = publish(path, 'Dernière', [
        { guid: 'd-1', title: `Plus ancienne ${engine}`, link: 'https://blog.example.com/d1', pubDate: new Date(Date.now() - 86_400_000 * 3) },
        { guid: 'd-2', title: `La plus récente ${engine}`, link: 'https://blog.example.com/d2', pubDate: new Date(Date.now() - 86_400_000 * 2) },
      ]);
      const created = await admin.post<{ feed: FeedView; check: FeedCheckResult }>(feeds(), { url, channelIds: [channelId], mode: 'draft', postLatest: true });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body.check, { outcome: 'checked', posted: 1, failed: 0 });
      const texts = (await rssPosts()).map((p) => p.content.text);
      assert.ok(texts.includes(`La plus récente ${engine} https://blog.example.com/d2`), texts.join('\n'));
      assert.ok(!texts.some((t) => t.startsWith(`Plus ancienne ${engine}`)));
    });

    test('paused: not checked; resumed: what was published meanwhile is not posted, what comes after is', async () => {
      const path = `/${tag('pause')}.xml`;
      const first = { guid: 'p-1', title: `Avant la pause ${engine}`, link: 'https://blog.example.com/p1' };
      const url = publish(path, 'Pause', [first]);
      const created = await admin.post<{ feed: FeedView }>(feeds(), { url, channelIds: [channelId], mode: 'draft' });
      const feedId = created.body.feed.id;
      const paused = await admin.patch<{ feed: FeedView }>(`${feeds()}/${feedId}`, { active: false });
      assert.equal(paused.body.feed.active, false);
      const during = { guid: 'p-2', title: `Pendant la pause ${engine}`, link: 'https://blog.example.com/p2' };
      publish(path, 'Pause', [during, first]);
      const refused = await check(feedId);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, 'feed_paused');
      const sweptBefore = await sweepFeeds(relais.relais.services);
      assert.equal(typeof sweptBefore, 'number');
      assert.equal((await admin.patch<{ feed: FeedView }>(`${feeds()}/${feedId}`, { active: true })).body.feed.active, true);
      assert.equal((await check(feedId)).body.check.posted, 0, 'the item published during the pause is not posted');
      const after = { guid: 'p-3', title: `Après la pause ${engine}`, link: 'https://blog.example.com/p3' };
      publish(path, 'Pause', [after, during, first]);
      assert.equal((await check(feedId)).body.check.posted, 1);
      const titles = (await rssPosts()).map((p) => p.content.text.split(' https')[0]);
      assert.ok(titles.includes(`Après la pause ${engine}`));
      assert.ok(!titles.includes(`Pendant la pause ${engine}`));
    });

    test('the quarter-hourly sweep enqueues a check for each due feed; the worker posts the new item', async () => {
      const path = `/${tag('cron')}.xml`;
      const url = publish(path, 'Cron', [{ guid: 'k-1', title: `Déjà là ${engine}`, link: 'https://blog.example.com/k1' }]);
      const created = await admin.post<{ feed: FeedView }>(feeds(), { url, channelIds: [channelId], mode: 'draft' });
      publish(path, 'Cron', [{ guid: 'k-2', title: `Par le cron ${engine}`, link: 'https://blog.example.com/k2' }]);
      const db = relais.relais.services.database.db;
      assert.equal(await sweepFeeds(relais.relais.services) >= 0, true);
      assert.equal((await rssPosts()).filter((p) => p.content.text.startsWith(`Par le cron ${engine}`)).length, 0, 'not due yet: checked at most every 15 minutes');
      await db.updateTable('feed').set({ next_check_at: Date.now() - 1000 }).where('id', '=', created.body.feed.id).execute();
      assert.ok((await sweepFeeds(relais.relais.services)) >= 1);
      await waitFor(async () => (await rssPosts()).some((p) => p.content.text.startsWith(`Par le cron ${engine}`)), { timeoutMs: 15_000, what: 'the cron check to post' });
      const feed = (await admin.get<{ feed: FeedView }>(`${feeds()}/${created.body.feed.id}`)).body.feed;
      assert.ok(Date.parse(feed.nextCheckAt!) > Date.now() + 13 * 60_000, 'next check in a quarter hour');
    });

    test('a failing feed is retried later and later, and says why in the caller’s language', async () => {
      const path = `/${tag('panne')}.xml`;
      const url = publish(path, 'Panne', []);
      const created = await admin.post<{ feed: FeedView }>(feeds(), { url, channelIds: [channelId], mode: 'draft' });
      const feedId = created.body.feed.id;
      documents.get(path)!.status = 500;
      const failed = await check(feedId);
      assert.equal(failed.body.check.outcome, 'failed');
      assert.equal(failed.body.feed.errorCount, 1);
      assert.equal(failed.body.feed.lastError?.code, 'feed_http_error');
      assert.match(failed.body.feed.lastError?.message ?? '', /HTTP 500/);
      const firstWait = Date.parse(failed.body.feed.nextCheckAt!) - Date.now();
      assert.ok(firstWait > 25 * 60_000 && firstWait <= 30 * 60_000, `${firstWait} ms`);
      const secondFailure = await inFrench(() => admin.post<{ feed: FeedView }>(`${feeds()}/${feedId}/check`));
      assert.equal(secondFailure.body.feed.errorCount, 2);
      assert.match(secondFailure.body.feed.lastError?.message ?? '', /a répondu par une erreur \(HTTP 500\)/);
      const secondWait = Date.parse(secondFailure.body.feed.nextCheckAt!) - Date.now();
      assert.ok(secondWait > 55 * 60_000, `${secondWait} ms`);
      delete documents.get(path)!.status;
      const recovered = await check(feedId);
      assert.equal(recovered.body.check.outcome, 'not_modified', 'the server is back with the same document (its ETag still matches)');
      assert.equal(recovered.body.feed.errorCount, 0);
      assert.equal(recovered.body.feed.lastError, null);
    });

    test('posts of a feed whose creator lost the right to publish wait for approval', async () => {
      const { member } = await inviteAndJoin(relais, admin, workspaceId, `editor-${engine}@example.com`, 'editor', 'Eddie Editor');
      const path = `/${tag('editeur')}.xml`;
      const url = publish(path, 'Éditeur', []);
      const created = await member.post<{ feed: FeedView }>(feeds(), { url, channelIds: [channelId], mode: 'now' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const members = await admin.get<{ members: Array<{ id: string; email: string }> }>(`/api/workspaces/${workspaceId}/members`);
      const editor = members.body.members.find((m) => m.email === `editor-${engine}@example.com`)!;
      assert.equal((await admin.patch(`/api/workspaces/${workspaceId}/members/${editor.id}`, { role: 'contributor' })).status, 200);
      assert.equal((await member.post(`${feeds()}/${created.body.feed.id}/check`)).status, 403, 'a contributor manages no feed');
      publish(path, 'Éditeur', [{ guid: 'e-1', title: `À valider ${engine}`, link: 'https://blog.example.com/e1' }]);
      assert.equal((await check(created.body.feed.id)).body.check.posted, 1);
      const [post] = (await rssPosts()).filter((p) => p.content.text.startsWith(`À valider ${engine}`));
      assert.equal(post.approval, 'pending');
      assert.equal(post.targets[0].state, 'pending_approval');
      assert.ok(!(await postsOnNetwork(network, handle)).some((p) => p.value.text.startsWith(`À valider ${engine}`)));
    });

    test('roles: an analyst lists feeds and their items, adds none', async () => {
      const { member: analyst } = await inviteAndJoin(relais, admin, workspaceId, `analyst-${engine}@example.com`, 'analyst', 'Ana Lyst');
      const listed = await analyst.get<{ feeds: FeedView[] }>(feeds());
      assert.equal(listed.status, 200);
      assert.ok(listed.body.feeds.length > 0);
      assert.equal((await analyst.get(`${feeds()}/${listed.body.feeds[0].id}/items`)).status, 200);
      const refused = await analyst.post<{ code: string }>(feeds(), { url: `${feedServer.origin}/nowhere.xml`, channelIds: [channelId] });
      assert.equal(refused.status, 403);
      assert.equal((await analyst.delete(`${feeds()}/${listed.body.feeds[0].id}`)).status, 403);
    });

    test('bad addresses and settings are refused in words and nothing is stored', async () => {
      documents.set('/page.html', { body: '<!doctype html><html><head><title>Blog</title></head><body><p>Bonjour</p></body></html>', type: 'text/html' });
      const db = relais.relais.services.database.db;
      const before = await snapshot(db, ['feed', 'feed_item', 'post', 'post_target']);
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ url: 'ftp://blog.example.com/feed.xml' }, 422, 'feed_url_invalid'],
        [{ url: `${feedServer.origin}/page.html` }, 422, 'feed_not_a_feed'],
        [{ url: `${feedServer.origin}/missing.xml` }, 422, 'feed_http_error'],
        [{ url: 'http://user:secret@blog.example.com/feed.xml' }, 422, 'feed_url_invalid'],
        [{ url: `${feedServer.origin}/page.html`, channelIds: ['not-a-channel'] }, 400, 'post_channel_unknown'],
        [{ url: `${feedServer.origin}/page.html`, template: '{{titre}} {{link}}' }, 400, 'feed_placeholder_unknown'],
        [{ url: `${feedServer.origin}/page.html`, mode: 'queue' }, 400, 'queue_no_slots'],
        [{ url: `${feedServer.origin}/page.html`, channelIds: [] }, 400, 'validation'],
      ];
      for (const [body, status, code] of cases) {
        const answer = await admin.post<{ code: string; message: string }>(feeds(), { channelIds: [channelId], ...body });
        assert.equal(answer.status, status, `${JSON.stringify(body)} → ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.code, code);
        assert.ok(answer.body.message.length > 10);
      }
      const notFeed = await inFrench(() => admin.post<{ code: string; message: string }>(feeds(), { url: `${feedServer.origin}/page.html`, channelIds: [channelId] }));
      assert.match(notFeed.body.message, /n’est pas un flux RSS ou Atom/);
      // A port nobody listens on.
      const unreachable = await admin.post<{ code: string; message: string }>(feeds(), { url: 'http://127.0.0.1:1/feed.xml', channelIds: [channelId] });
      assert.equal(unreachable.status, 422);
      assert.equal(unreachable.body.code, 'feed_unreachable');
      assert.deepEqual(await snapshot(db, ['feed', 'feed_item', 'post', 'post_target']), before);

      const same = documents.get(`/${tag('journal')}.xml`) ? `${feedServer.origin}/${tag('journal')}.xml` : null;
      if (same) {
        const duplicate = await admin.post<{ code: string }>(feeds(), { url: same, channelIds: [channelId] });
        assert.equal(duplicate.status, 409);
        assert.equal(duplicate.body.code, 'feed_exists');
      }
    });

    test('preview reads a feed without following it, and finds the feed a web page announces', async () => {
      documents.set(`/${tag('site')}/`, { body: `<html><head><link rel="alternate" type="application/rss+xml" href="/${tag('site')}/rss.xml"></head><body></body></html>`, type: 'text/html' });
      publish(`/${tag('site')}/rss.xml`, 'Le site', [
        { guid: 's-1', title: 'Vieux', link: 'https://blog.example.com/s1', pubDate: new Date('2027-01-01T00:00:00Z') },
        { guid: 's-2', title: 'Neuf', link: 'https://blog.example.com/s2', description: '<p>Un <i>résumé</i></p>', categories: ['Vie locale'], pubDate: new Date('2027-02-01T00:00:00Z') },
      ]);
      const db = relais.relais.services.database.db;
      const before = await snapshot(db, ['feed', 'feed_item']);
      const answer = await admin.post<{ preview: FeedPreview }>(`${feeds()}/preview`, { url: `${feedServer.origin}/${tag('site')}/` });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.preview.url, `${feedServer.origin}/${tag('site')}/rss.xml`);
      assert.equal(answer.body.preview.title, 'Le site');
      assert.equal(answer.body.preview.itemCount, 2);
      assert.deepEqual(answer.body.preview.latest, { title: 'Neuf', link: 'https://blog.example.com/s2', summary: 'Un résumé', author: '', categories: ['Vie locale'], publishedAt: '2027-02-01T00:00:00.000Z' });
      assert.deepEqual(await snapshot(db, ['feed', 'feed_item']), before);
    });

    test('deleting a feed keeps its posts', async () => {
      const listed = (await admin.get<{ feeds: FeedView[] }>(feeds())).body.feeds;
      const withPosts = listed.find((f) => f.postedCount > 0)!;
      const postsBefore = (await rssPosts()).length;
      assert.equal((await admin.delete(`${feeds()}/${withPosts.id}`)).status, 204);
      assert.equal((await admin.get(`${feeds()}/${withPosts.id}`)).status, 404);
      assert.equal((await admin.delete(`${feeds()}/${withPosts.id}`)).status, 404);
      assert.equal((await rssPosts()).length, postsBefore);
    });
  });

  describe(`feeds on ${engine} without RELAIS_ALLOW_PRIVATE_URLS`, () => {
    test('a feed on a loopback or private address is refused before any request; nothing stored', async () => {
      const relais = await startTestRelais(engine);
      const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
      // A channel stored directly: connecting one would need the local Bluesky network, itself on a private address.
      const channel = await relais.relais.services.channels.store.saveConnected({
        workspaceId,
        network: 'bluesky',
        serverUrl: 'https://bsky.social',
        profile: { remoteId: 'did:plc:brand', handle: 'brand.bsky.social', displayName: null, avatarUrl: null, url: 'https://bsky.app/profile/brand.bsky.social' },
        credentials: { identifier: 'brand.bsky.social', appPassword: 'xxxx-xxxx-xxxx-xxxx' },
        userId: (await admin.get<{ user: { id: string } }>('/api/me')).body.user.id,
      });
      const path = `/private-${engine}.xml`;
      publish(path, 'Privé', [{ guid: 'x', title: 'x', link: 'https://blog.example.com/x' }]);
      const db = relais.relais.services.database.db;
      const before = await snapshot(db, ['feed', 'feed_item', 'post']);
      const hits = feedServer.hits.length;
      for (const url of [`${feedServer.origin}${path}`, `http://localhost:${feedServer.port}${path}`, `http://[::ffff:127.0.0.1]:${feedServer.port}${path}`, 'http://169.254.169.254/latest/meta-data/']) {
        const answer = await admin.post<{ code: string; message: string }>(`/api/workspaces/${workspaceId}/feeds`, { url, channelIds: [channel.id] });
        assert.equal(answer.status, 422, `${url}: ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.code, 'feed_url_refused', url);
        assert.match(answer.body.message, /local or private address/);
        const preview = await admin.post<{ code: string }>(`/api/workspaces/${workspaceId}/feeds/preview`, { url });
        assert.equal(preview.body.code, 'feed_url_refused');
      }
      assert.equal(feedServer.hits.length, hits, 'the feed server was never contacted');
      assert.deepEqual(await snapshot(db, ['feed', 'feed_item', 'post']), before);
    });
  });
}
