// Publishing through the API against Bluesky's own local network, on both
// engines: publish now, exactly once, with the exact text and facets; threads
// and first replies in the right chain; edits and deletions before the time;
// the pause switch; approvals; bad input refused and nothing stored.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startBlueskyNetwork, loginAs, xrpc, type BlueskyNetwork } from '../support/bluesky.ts';
import { engines } from '../support/engines.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type TestRelais, type ApiClient } from '../support/relais.ts';
import { connectBluesky, postsOnNetwork, settled, textPost } from '../support/publishing.ts';
import { waitFor } from '../support/wait.ts';
import { DateTime } from 'luxon';
import type { PostView, PostEventView } from '../../src/shared/publishing.ts';

let network: BlueskyNetwork;
before(async () => {
  network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }, { handle: 'fan.test', password: 'fan-account-pass' }] });
});

for (const engine of engines) {
  describe(`publishing on ${engine}`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    let channelId: string;
    const handle = engine === 'sqlite' ? 'brand.test' : 'fan.test';
    const posts = () => `/api/workspaces/${workspaceId}/posts`;

    before(async () => {
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      channelId = await connectBluesky(admin, workspaceId, network, handle);
    });

    test('"publish now" puts the exact text on the network once, with its link, mention and hashtag facets', async () => {
      const text = `Nouvelle collection 🌿 en ligne ! Merci @${handle} — https://example.com/collection #printemps`;
      const created = await admin.post<{ post: PostView }>(posts(), textPost(text, [channelId]));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const post = await settled(admin, workspaceId, created.body.post.id);
      const [target] = post.targets;
      assert.equal(target.state, 'published', JSON.stringify(target));
      assert.match(target.remoteUrl ?? '', /^https:\/\/bsky\.app\/profile\/.+\/post\/.+/);
      const onNetwork = (await postsOnNetwork(network, handle)).filter((p) => p.value.text === text);
      assert.equal(onNetwork.length, 1, 'one post only');
      const features = onNetwork[0].value.facets?.flatMap((f) => f.features.map((x) => x.$type)) ?? [];
      assert.deepEqual(features.sort(), ['app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#mention', 'app.bsky.richtext.facet#tag']);
      const history = await admin.get<{ events: PostEventView[] }>(`${posts()}/${post.id}/history`);
      assert.deepEqual(history.body.events.map((e) => e.action), ['created', 'published']);
    });

    test('a thread and a first reply go out as a chain: each part replies to the right post', async () => {
      const content = { text: 'Fil : nos trois engagements (1/3)', thread: [{ text: 'Des matières locales (2/3)' }, { text: 'Des emballages recyclés (3/3)' }], firstReply: 'Tout lire : https://example.com/engagements' };
      const created = await admin.post<{ post: PostView }>(posts(), { content, channels: [{ channelId }], schedule: { kind: 'now' } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const post = await settled(admin, workspaceId, created.body.post.id);
      assert.equal(post.targets[0].state, 'published');
      const all = await postsOnNetwork(network, handle);
      const byText = (text: string) => all.filter((p) => p.value.text === text);
      const [first] = byText(content.text);
      const [second] = byText('Des matières locales (2/3)');
      const [third] = byText('Des emballages recyclés (3/3)');
      const [reply] = byText(content.firstReply);
      assert.ok(first && second && third && reply, 'all four parts are out');
      assert.equal(second.value.reply?.parent.uri, first.uri);
      assert.equal(third.value.reply?.parent.uri, second.uri);
      assert.equal(third.value.reply?.root.uri, first.uri);
      assert.equal(reply.value.reply?.parent.uri, first.uri, 'the first reply answers the first post');
      for (const text of [content.text, content.firstReply]) assert.equal(byText(text).length, 1);
    });

    test('an edit before the time publishes the new version at the new time; a deleted post never publishes', async () => {
      const soon = new Date(Date.now() + 2500).toISOString();
      const created = await admin.post<{ post: PostView }>(posts(), textPost('Version 1 (à ne pas publier)', [channelId], { kind: 'at', at: soon }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const later = new Date(Date.now() + 3500).toISOString();
      const edited = await admin.put<{ post: PostView }>(`${posts()}/${created.body.post.id}`, { ...textPost('Version 2, la bonne', [channelId], { kind: 'at', at: later }), version: created.body.post.version });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const stale = await admin.put<{ code: string }>(`${posts()}/${created.body.post.id}`, { ...textPost('Version 3 from a stale tab', [channelId], { kind: 'at', at: later }), version: created.body.post.version });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'post_changed');

      const doomed = await admin.post<{ post: PostView }>(posts(), textPost('Supprimée avant l’heure', [channelId], { kind: 'at', at: soon }));
      assert.equal((await admin.delete(`${posts()}/${doomed.body.post.id}`)).status, 204);

      const post = await settled(admin, workspaceId, created.body.post.id);
      assert.equal(post.targets[0].state, 'published');
      assert.ok(Date.parse(post.targets[0].publishedAt!) >= Date.parse(later) - 1000, 'not before the new time');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const texts = (await postsOnNetwork(network, handle)).map((p) => p.value.text);
      assert.equal(texts.filter((t) => t === 'Version 2, la bonne').length, 1);
      assert.ok(!texts.includes('Version 1 (à ne pas publier)'), 'the old version never went out');
      assert.ok(!texts.includes('Supprimée avant l’heure'), 'the deleted post never went out');
      assert.equal((await admin.get(`${posts()}/${doomed.body.post.id}`)).status, 404);
    });

    test('"pause publishing" holds everything scheduled until resumed; then it goes out once', async () => {
      const settings = `/api/workspaces/${workspaceId}/publishing/settings`;
      assert.equal((await admin.put<{ paused: boolean }>(settings, { paused: true })).body.paused, true);
      const created = await admin.post<{ post: PostView }>(posts(), textPost('Pendant la crise, on attend', [channelId]));
      const held = await waitFor(async () => {
        const { body } = await admin.get<{ post: PostView }>(`${posts()}/${created.body.post.id}`);
        return body.post.targets[0].holdReason === 'paused' ? body.post : null;
      }, { what: 'the post to be held' });
      assert.equal(held.targets[0].state, 'scheduled');
      assert.ok(!(await postsOnNetwork(network, handle)).some((p) => p.value.text === 'Pendant la crise, on attend'));
      assert.equal((await admin.put<{ paused: boolean }>(settings, { paused: false })).body.paused, false);
      const post = await settled(admin, workspaceId, created.body.post.id);
      assert.equal(post.targets[0].state, 'published');
      assert.equal((await postsOnNetwork(network, handle)).filter((p) => p.value.text === 'Pendant la crise, on attend').length, 1);
    });

    test("a contributor's post waits for approval; sending back needs a comment; approval publishes it", async () => {
      const { member } = await inviteAndJoin(relais, admin, workspaceId, `writer-${engine}@example.com`, 'contributor');
      const created = await member.post<{ post: PostView }>(posts(), textPost('Proposé par la stagiaire', [channelId]));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.post.approval, 'pending');
      assert.equal(created.body.post.targets[0].state, 'pending_approval');
      const mail = await relais.mailbox.next('ada@example.com', /approval|valider/i);
      assert.match(mail.text ?? '', /Proposé par la stagiaire/);
      assert.equal((await member.post(`${posts()}/${created.body.post.id}/approve`, {})).status, 403, 'a contributor cannot approve');
      const noComment = await admin.post<{ code: string }>(`${posts()}/${created.body.post.id}/reject`, { comment: '  ' });
      assert.equal(noComment.body.code, 'approval_comment_required');
      const rejected = await admin.post<{ post: PostView }>(`${posts()}/${created.body.post.id}/reject`, { comment: 'Ajoute le lien de la boutique' });
      assert.equal(rejected.body.post.targets[0].state, 'draft');
      const resubmitted = await member.put<{ post: PostView }>(`${posts()}/${created.body.post.id}`, { ...textPost('Proposé par la stagiaire, avec le lien https://example.com', [channelId]), version: rejected.body.post.version });
      assert.equal(resubmitted.body.post.targets[0].state, 'pending_approval');
      const approved = await admin.post<{ post: PostView }>(`${posts()}/${created.body.post.id}/approve`, { comment: 'Parfait' });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      const post = await settled(admin, workspaceId, created.body.post.id);
      assert.equal(post.targets[0].state, 'published');
      const notes = await member.get<{ items: Array<{ kind: string }> }>(`/api/workspaces/${workspaceId}/notifications`);
      assert.deepEqual(notes.body.items.map((n) => n.kind).sort(), ['post_approved', 'post_rejected']);
      const history = await admin.get<{ events: PostEventView[] }>(`${posts()}/${post.id}/history`);
      assert.deepEqual(history.body.events.map((e) => e.action), ['created', 'submitted', 'rejected', 'updated', 'submitted', 'approved', 'published']);
      assert.equal(history.body.events.find((e) => e.action === 'rejected')?.detail?.comment, 'Ajoute le lien de la boutique');
    });

    test('09:00 Europe/Paris the day after the spring change is scheduled (and its job due) at 07:00 UTC', async () => {
      assert.equal((await admin.patch(`/api/workspaces/${workspaceId}`, { timeZone: 'Europe/Paris' })).status, 200);
      const created = await admin.post<{ post: PostView }>(posts(), textPost('Lundi 9 h, heure de Paris', [channelId], { kind: 'at', at: '2027-03-29T09:00' }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const [target] = created.body.post.targets;
      assert.equal(target.scheduledAt, '2027-03-29T07:00:00.000Z');
      const job = await relais.relais.services.database.db.selectFrom('job').select(['run_at', 'payload']).where('payload', 'like', `%${target.id}%`).executeTakeFirstOrThrow();
      assert.equal(new Date(Number(job.run_at)).toISOString(), '2027-03-29T07:00:00.000Z', 'the worker runs it at 09:00 local');
      const before = await admin.post<{ post: PostView }>(posts(), textPost('Samedi 9 h, heure de Paris', [channelId], { kind: 'at', at: '2027-03-27T09:00' }));
      assert.equal(before.body.post.targets[0].scheduledAt, '2027-03-27T08:00:00.000Z');
      for (const id of [created.body.post.id, before.body.post.id]) assert.equal((await admin.delete(`${posts()}/${id}`)).status, 204);
    });

    test('bad input is refused with a translated reason and stores nothing', async () => {
      const db = relais.relais.services.database.db;
      const before = await snapshot(db);
      admin.locale = 'fr';
      const tooLong = await admin.post<{ code: string; message: string; issues: Array<{ code: string; channelId: string }> }>(posts(), textPost('é'.repeat(301), [channelId]));
      assert.equal(tooLong.status, 422);
      assert.equal(tooLong.body.code, 'content_text_too_long');
      assert.match(tooLong.body.message, /301 caractères ; 300 au maximum/);
      assert.deepEqual(tooLong.body.issues.map((i) => [i.code, i.channelId]), [['text_too_long', channelId]]);
      const past = await admin.post<{ code: string }>(posts(), textPost('Hier', [channelId], { kind: 'at', at: '2020-01-01T09:00' }));
      assert.equal(past.body.code, 'schedule_in_past');
      const badDate = await admin.post<{ code: string; message: string }>(posts(), textPost('Date', [channelId], { kind: 'at', at: '2027-13-45T25:00' }));
      assert.equal(badDate.body.code, 'schedule_time_invalid');
      const unknown = await admin.post<{ code: string }>(posts(), textPost('Où ?', ['no-such-channel']));
      assert.equal(unknown.body.code, 'post_channel_unknown');
      const noQueue = await admin.post<{ code: string; message: string }>(posts(), textPost('File', [channelId], { kind: 'queue' }));
      assert.equal(noQueue.body.code, 'queue_no_slots');
      assert.match(noQueue.body.message, /créneaux/);
      const extra = await admin.post<{ code: string }>(posts(), { ...textPost('x', [channelId]), sneaky: true });
      assert.equal(extra.body.code, 'validation');
      admin.locale = 'en';
      assert.deepEqual(await snapshot(db), before);
    });
    test('"add to queue" takes the next free weekly slot of the channel, in the workspace time zone', async () => {
      const slotsUrl = `/api/workspaces/${workspaceId}/channels/${channelId}/queue-slots`;
      const slots = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [{ weekday, time: '06:00' }, { weekday, time: '18:30' }]);
      const saved = await admin.put<{ slots: unknown[] }>(slotsUrl, { slots: [...slots, { weekday: 1, time: '06:00' }] });
      assert.equal(saved.body.slots.length, 14, 'duplicates collapse');
      const zone = (await admin.get<{ workspaces: Array<{ id: string; timeZone: string }> }>('/api/me')).body.workspaces.find((w) => w.id === workspaceId)!.timeZone;
      const now = DateTime.now().setZone(zone);
      const candidates = [0, 1, 2].flatMap((d) => [now.plus({ days: d }).set({ hour: 6, minute: 0, second: 0, millisecond: 0 }), now.plus({ days: d }).set({ hour: 18, minute: 30, second: 0, millisecond: 0 })]).filter((at) => at > now).sort((a, b) => a.toMillis() - b.toMillis());
      const first = await admin.post<{ post: PostView }>(posts(), textPost('Dans la file 1', [channelId], { kind: 'queue' }));
      const second = await admin.post<{ post: PostView }>(posts(), textPost('Dans la file 2', [channelId], { kind: 'queue' }));
      assert.equal(first.body.post.targets[0].scheduledAt, candidates[0].toUTC().toISO());
      assert.equal(second.body.post.targets[0].scheduledAt, candidates[1].toUTC().toISO(), 'the next free slot, not the same one');
      for (const created of [first, second]) assert.equal((await admin.delete(`${posts()}/${created.body.post.id}`)).status, 204);
      assert.equal((await admin.put(slotsUrl, { slots: [{ weekday: 8, time: '25:00' }] })).status, 400);
    });
  });
}


describe('first metrics of a published post', () => {
  test('read from the network after the configured delay and shown with the post', async () => {
    const relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_FIRST_METRICS_AFTER_SECONDS: '4' });
    const { admin, workspaceId } = await setUpAdminAndWorkspace(relais, 'Atelier Martin');
    const channelId = await connectBluesky(admin, workspaceId, network, 'brand.test');
    const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, textPost('Aimez-vous notre nouvelle vitrine ?', [channelId]));
    const post = await settled(admin, workspaceId, created.body.post.id);
    const uri = post.targets[0].remoteId!;
    const fan = await loginAs(network, 'fan.test');
    const record = await xrpc<{ cid: string }>(network.pdsUrl, 'com.atproto.repo.getRecord', { params: { repo: network.account('brand.test').did, collection: 'app.bsky.feed.post', rkey: uri.split('/').at(-1)! } });
    await fan.createRecord('app.bsky.feed.like', { $type: 'app.bsky.feed.like', subject: { uri, cid: record.cid }, createdAt: new Date().toISOString() });
    const measured = await waitFor(async () => {
      const { body } = await admin.get<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts/${post.id}`);
      return body.post.targets[0].metrics;
    }, { timeoutMs: 20_000, what: 'first metrics' });
    assert.equal(measured.likes, 1);
    assert.equal(measured.replies, 0);
    const dayLater = await relais.relais.services.database.db.selectFrom('job').select('run_at').where('unique_key', '=', `metrics:${post.targets[0].id}:day`).executeTakeFirst();
    assert.ok(dayLater && Number(dayLater.run_at) > Date.now() + 23 * 3_600_000, 'read again a day after publication');
  });
});
