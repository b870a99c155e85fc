// Campaign links and short links through the API, on both engines: a post in
// a campaign, with "shorten links" on, goes out on Bluesky's own local network
// with a short link (its facet points to it); following the short link lands
// on the post's link with the campaign's UTM parameters and counts one click
// for that post and channel, a bot's click apart; a publish retried (Bluesky:
// after a crash mid-publish; Mastodon: after a 503) sends the same short link.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startBlueskyNetwork, type BlueskyNetwork } from '../support/bluesky.ts';
import { startMastodonReplay, type MastodonReplayServer } from '../peers/mastodon/replay-server.ts';
import { engines } from '../support/engines.ts';
import { onCleanup } from '../support/cleanup.ts';
import { startTestRelais, setUpAdminAndWorkspace, type TestRelais, type ApiClient } from '../support/relais.ts';
import { connectBluesky, postsOnNetwork, settled } from '../support/publishing.ts';
import { connectMastodonAccount } from '../support/inbox.ts';
import { waitFor } from '../support/wait.ts';
import type { PostView, PublishingSettings, TargetView } from '../../src/shared/publishing.ts';
import type { PostLinksView } from '../../src/shared/short-links.ts';

const chrome = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

let network: BlueskyNetwork;
before(async () => {
  network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }, { handle: 'fan.test', password: 'fan-account-pass' }] });
});

async function campaignWithShortLinks(admin: ApiClient, workspaceId: string): Promise<string> {
  const settings = await admin.put<PublishingSettings>(`/api/workspaces/${workspaceId}/publishing/settings`, { shortenLinks: true });
  assert.equal(settings.status, 200, JSON.stringify(settings.body));
  assert.equal(settings.body.shortenLinks, true);
  assert.equal((await admin.get<PublishingSettings>(`/api/workspaces/${workspaceId}/publishing/settings`)).body.shortenLinks, true);
  const campaign = await admin.post<{ campaign: { id: string } }>(`/api/workspaces/${workspaceId}/campaigns`, { name: 'Printemps', color: '#2f9e44', utmCampaign: 'printemps-26' });
  assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
  return campaign.body.campaign.id;
}

function follow(relais: TestRelais, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return fetch(relais.baseUrl + path, { method, redirect: 'manual', headers });
}

for (const engine of engines) {
  describe(`short links on Bluesky (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    let channelId: string;
    let campaignId: string;
    const handle = engine === 'sqlite' ? 'brand.test' : 'fan.test';

    before(async () => {
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      channelId = await connectBluesky(admin, workspaceId, network, handle);
      campaignId = await campaignWithShortLinks(admin, workspaceId);
    });

    test('a campaign post goes out with a short link that redirects with UTM parameters and counts clicks per post and channel', async () => {
      const written = `Nouvelle collection 🌿 https://shop.example/collection?couleur=vert#haut merci @${handle} #printemps ${engine}`;
      const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, { content: { text: written }, channels: [{ channelId }], schedule: { kind: 'now' }, campaignId });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const post = await settled(admin, workspaceId, created.body.post.id);
      assert.equal(post.targets[0].state, 'published', JSON.stringify(post.targets[0]));

      const shortPattern = new RegExp(`^Nouvelle collection 🌿 (${relais.baseUrl.replace(/[.]/g, '\\.')}/l/([1-9A-HJ-NP-Za-km-z]{7})) merci @${handle} #printemps ${engine}$`);
      const onNetwork = (await postsOnNetwork(network, handle)).filter((p) => shortPattern.test(p.value.text));
      assert.equal(onNetwork.length, 1, 'published once, with the short link in place of the link');
      const [, shortUrl, code] = shortPattern.exec(onNetwork[0].value.text)!;
      const links = onNetwork[0].value.facets?.flatMap((f) => f.features).filter((f) => f.$type === 'app.bsky.richtext.facet#link') ?? [];
      assert.deepEqual(links.map((f) => f.uri), [shortUrl], 'the link facet points to the short link');
      const features = onNetwork[0].value.facets?.flatMap((f) => f.features.map((x) => x.$type)) ?? [];
      assert.deepEqual(features.sort(), ['app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#mention', 'app.bsky.richtext.facet#tag'], 'mention and hashtag untouched');

      const destination = 'https://shop.example/collection?couleur=vert&utm_source=bluesky&utm_medium=social&utm_campaign=printemps-26#haut';
      const human = await follow(relais, `/l/${code}`, { 'user-agent': chrome, referer: `https://bsky.app/profile/${handle}` });
      assert.equal(human.status, 302);
      assert.equal(human.headers.get('location'), destination);
      assert.equal(human.headers.get('cache-control'), 'no-store', 'every click reaches Relais');
      assert.equal(human.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
      const bot = await follow(relais, `/l/${code}`, { 'user-agent': googlebot });
      assert.equal(bot.status, 302);
      assert.equal(bot.headers.get('location'), destination);
      assert.equal((await follow(relais, `/l/${code}`, { 'user-agent': chrome }, 'HEAD')).status, 302, 'a HEAD is answered…');

      const stats = await admin.get<PostLinksView>(`/api/workspaces/${workspaceId}/posts/${post.id}/links`);
      assert.equal(stats.status, 200, JSON.stringify(stats.body));
      assert.deepEqual(stats.body.links.map(({ id: _id, targetId: _target, ...rest }) => rest), [
        { channelId, network: 'bluesky', handle, url: 'https://shop.example/collection?couleur=vert#haut', destination, shortUrl, clicks: 1, botClicks: 1 },
      ], '…but only GETs count: one person, one bot');
      assert.equal(stats.body.clicks, 1);
      assert.equal(stats.body.botClicks, 1);
      assert.equal((await admin.get<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts/${post.id}`)).body.post.linkClicks, 1);

      const click = await relais.relais.services.database.db.selectFrom('link_click').selectAll().where('bot', '=', 0).executeTakeFirstOrThrow();
      assert.equal(click.referrer_host, 'bsky.app');
      assert.equal(click.user_agent_family, 'Chrome');
      assert.ok(!Object.values(click).some((value) => typeof value === 'string' && (value.includes('Mozilla') || value.includes('127.0.0.1'))), 'no user-agent string, no address');
    });

    test('with short links on, a text is counted with its short links: a long link no longer blocks a Bluesky post', async () => {
      const settings = await admin.get<PublishingSettings>(`/api/workspaces/${workspaceId}/publishing/settings`);
      assert.equal(settings.body.shortLinkBaseUrl, relais.baseUrl, 'the composer learns the short links’ real length');
      const longLink = `https://shop.example/collections/hiver/${'article-'.repeat(16)}fin`;
      const written = `${'Soldes '.repeat(30).trim()} ${longLink} ${engine}`;
      const asWritten = [...new Intl.Segmenter().segment(written)].length;
      assert.ok(asWritten > 300, `as written: ${asWritten}`);
      const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, { content: { text: written }, channels: [{ channelId }], schedule: { kind: 'now' } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const post = await settled(admin, workspaceId, created.body.post.id);
      assert.equal(post.targets[0].state, 'published', JSON.stringify(post.targets[0]));
      const sent = (await postsOnNetwork(network, handle)).filter((p) => p.value.text.endsWith(` ${engine}`) && p.value.text.startsWith('Soldes Soldes'));
      assert.equal(sent.length, 1);
      assert.ok([...new Intl.Segmenter().segment(sent[0].value.text)].length <= 300, 'sent with its short link, within Bluesky’s 300');

      await admin.put(`/api/workspaces/${workspaceId}/publishing/settings`, { shortenLinks: false });
      try {
        const refused = await admin.post<{ code: string }>(`/api/workspaces/${workspaceId}/posts`, { content: { text: written }, channels: [{ channelId }], schedule: { kind: 'now' } });
        assert.equal(refused.status, 422, 'without short links the same text is too long');
        assert.equal(refused.body.code, 'content_text_too_long');
      } finally {
        await admin.put(`/api/workspaces/${workspaceId}/publishing/settings`, { shortenLinks: true });
      }
    });

    test('an unknown code answers a small 404 page in the visitor’s language', async () => {
      const fr = await follow(relais, '/l/zzzzzzz', { 'accept-language': 'fr-FR,fr;q=0.9' });
      assert.equal(fr.status, 404);
      assert.match(fr.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await fr.text(), /Lien introuvable/);
      const en = await follow(relais, '/l/not-a-code', { 'accept-language': 'en' });
      assert.equal(en.status, 404);
      assert.match(await en.text(), /Link not found/);
    });

    test('a link of a post that is not in the workspace has no statistics', async () => {
      const answer = await admin.get<{ code: string }>(`/api/workspaces/${workspaceId}/posts/no-such-post/links`);
      assert.equal(answer.status, 404);
    });

    test('a publish retried after a crash mid-publish sends the same short link, and the post exists once', async () => {
      const written = `Retour en stock https://shop.example/stock (${engine})`;
      const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, { content: { text: written }, channels: [{ channelId }], schedule: { kind: 'now' }, campaignId });
      const post = await settled(admin, workspaceId, created.body.post.id);
      const [target] = post.targets;
      assert.equal(target.state, 'published');
      const db = relais.relais.services.database.db;
      const before = await db.selectFrom('short_link').select(['code', 'posted_as']).where('target_id', '=', target.id).execute();
      assert.equal(before.length, 1);
      // As if the worker died after sending and before writing anything down: the target is still "publishing", no part known.
      await db.updateTable('post_target').set({ state: 'publishing', published_parts: '[]', remote_id: null, remote_url: null, published_at: null, claimed_job_id: null }).where('id', '=', target.id).execute();
      await relais.relais.services.publishing.publisher.run({ targetId: target.id, version: target.version }, 987_654);
      const again = (await admin.get<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts/${post.id}`)).body.post.targets[0];
      assert.equal(again.state, 'published', JSON.stringify(again));
      assert.equal(again.remoteId, target.remoteId, 'the post found on the network is the one published before');
      assert.deepEqual(await db.selectFrom('short_link').select(['code', 'posted_as']).where('target_id', '=', target.id).execute(), before, 'the same code');
      const texts = (await postsOnNetwork(network, handle)).map((p) => p.value.text).filter((text) => text.endsWith(`(${engine})`) && text.startsWith('Retour en stock'));
      assert.deepEqual(texts, [`Retour en stock ${before[0].posted_as} (${engine})`]);
    });
  });

  describe(`short links on Mastodon, retried after a 503 (${engine})`, () => {
    let server: MastodonReplayServer;
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    let channelId: string;
    let campaignId: string;

    before(async () => {
      server = await startMastodonReplay();
      onCleanup(() => server.close());
      server.createAccount('maison', { displayName: 'Maison Dupont' });
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      channelId = (await connectMastodonAccount(relais, admin, workspaceId, server, 'maison')).id;
      campaignId = await campaignWithShortLinks(admin, workspaceId);
    });

    test('the retry sends the very text of the first attempt: same short link, same code', async () => {
      server.inject({ method: 'POST', path: '/api/v1/statuses', respond: { status: 503, body: { error: 'Service Unavailable' } } });
      const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, { content: { text: 'Soldes : https://shop.example/soldes' }, channels: [{ channelId }], schedule: { kind: 'now' }, campaignId });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const postId = created.body.post.id;
      const targetOf = async (): Promise<TargetView> => (await admin.get<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts/${postId}`)).body.post.targets[0];
      const waiting = await waitFor(async () => ((await targetOf()).holdReason === 'retrying' ? targetOf() : null), { what: 'a retry to be planned', timeoutMs: 20_000 });
      // The campaign and the switch change before the retry: the text must not.
      await admin.patch(`/api/workspaces/${workspaceId}/campaigns/${campaignId}`, { utmCampaign: 'autre' });
      await admin.put(`/api/workspaces/${workspaceId}/publishing/settings`, { shortenLinks: false });
      const db = relais.relais.services.database.db;
      await db.updateTable('post_target').set({ next_attempt_at: Date.now() }).where('id', '=', waiting.id).execute();
      await db.updateTable('job').set({ run_at: Date.now() }).where('status', '=', 'pending').where('payload', 'like', `%${waiting.id}%`).execute();
      await waitFor(async () => (await targetOf()).state === 'published', { what: 'the retry to publish', timeoutMs: 20_000 });

      const sent = server.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').map((r) => String(r.fields.status));
      assert.equal(sent.length, 2, 'the first attempt and the retry');
      assert.match(sent[0], new RegExp(`^Soldes : ${relais.baseUrl.replace(/[.]/g, '\\.')}/l/[1-9A-HJ-NP-Za-km-z]{7}$`));
      assert.equal(sent[1], sent[0], 'the same text, the same code');
      const statuses = server.statusesOf('maison').filter((s) => s.text === sent[0]);
      assert.equal(statuses.length, 1);
      const code = sent[0].slice(-7);
      const followed = await follow(relais, `/l/${code}`, { 'user-agent': chrome });
      assert.equal(followed.headers.get('location'), 'https://shop.example/soldes?utm_source=mastodon&utm_medium=social&utm_campaign=printemps-26');
    });
  });
}
