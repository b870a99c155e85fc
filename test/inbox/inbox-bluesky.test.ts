// The inbox on Bluesky's own local network, on both engines: Relais publishes
// a post; another account replies to it and, separately, mentions the brand;
// with polling shortened by configuration, the scheduler's own poll jobs bring
// both into the inbox — the reply in the published post's conversation, the
// mention in its own — and an open live feed hears of them. A teammate
// replies from the inbox: the reply exists once on the network, in the right
// thread, and the item's first-response time is recorded. Polling on adds nothing.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startBlueskyNetwork, loginAs, facet, type BlueskyNetwork } from '../support/bluesky.ts';
import { engines } from '../support/engines.ts';
import { startTestRelais, setUpAdminAndWorkspace, type TestRelais, type ApiClient } from '../support/relais.ts';
import { connectBluesky, postsOnNetwork, settled, textPost } from '../support/publishing.ts';
import { openLiveFeed } from '../support/inbox.ts';
import { waitFor } from '../support/wait.ts';
import type { PostView } from '../../src/shared/publishing.ts';
import type { ConversationView, InboxPage, ReplyView } from '../../src/shared/inbox.ts';

let network: BlueskyNetwork;
before(async () => {
  network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }, { handle: 'fan.test', password: 'fan-account-pass' }] });
});

for (const engine of engines) {
  describe(`inbox on Bluesky (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    let channelId: string;
    // The two accounts swap roles between engines, so that each run starts from its own notifications.
    const brand = engine === 'sqlite' ? 'brand.test' : 'fan.test';
    const fan = engine === 'sqlite' ? 'fan.test' : 'brand.test';

    before(async () => {
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_INBOX_POLL_MIN_SECONDS: '1', RELAIS_INBOX_POLL_MAX_SECONDS: '2' });
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      channelId = await connectBluesky(admin, workspaceId, network, brand);
    });

    test('a reply and a mention arrive by polling, in the right conversations, live; the reply from the inbox goes out once in the thread', async () => {
      const inbox = `/api/workspaces/${workspaceId}/inbox`;
      const live = await openLiveFeed(admin, workspaceId);
      assert.equal(live.status, 200);
      assert.match(live.contentType ?? '', /^text\/event-stream/);
      try {
        const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, textPost(`Nouvelle collection de printemps 🌷 (${engine})`, [channelId]));
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const published = await settled(admin, workspaceId, created.body.post.id);
        assert.equal(published.targets[0].state, 'published');
        const ours = (await postsOnNetwork(network, brand)).find((p) => p.value.text === `Nouvelle collection de printemps 🌷 (${engine})`)!;
        const ourRef = { uri: ours.uri, cid: (await (await loginAs(network, brand)).getRecord(ours.uri))!.cid };

        const other = await loginAs(network, fan);
        await other.waitUntilIndexed(ours.uri);
        const replyText = `Toujours pas reçu ma commande, c'est inadmissible (${engine})`;
        const reply = await other.post(replyText, { reply: { root: ourRef, parent: ourRef } });
        const mentionText = `Merci @${brand} pour le conseil, super boutique ! (${engine})`;
        const brandDid = network.account(brand).did;
        const mention = await other.post(mentionText, { facets: [facet.mention(mentionText, brand, brandDid)] });

        const page = await waitFor(
          async () => {
            const { body } = await admin.get<InboxPage>(`${inbox}/items?view=all`);
            // The first poll also brings the account's recent history (the other engine's run): only this run's count here.
            const mine = body.items.filter((item) => item.text.endsWith(`(${engine})`));
            return mine.length >= 2 ? { items: mine, all: body.items } : null;
          },
          { timeoutMs: 45_000, what: 'both items in the inbox' },
        ).catch(async (error: Error) => {
          const state = await relais.relais.services.database.db.selectFrom('inbox_poll_state').selectAll().execute();
          const items = await relais.relais.services.database.db.selectFrom('inbox_item').select(['text', 'kind']).execute();
          throw new Error(`${error.message}; poll state ${JSON.stringify(state)}; items ${JSON.stringify(items)}`);
        });
        assert.equal(page.items.length, 2);
        const replyItem = page.items.find((item) => item.text === replyText)!;
        const mentionItem = page.items.find((item) => item.text === mentionText)!;
        assert.ok(replyItem && mentionItem, JSON.stringify(page.items.map((i) => i.text)));
        assert.equal(replyItem.kind, 'reply');
        assert.equal(replyItem.url?.includes(reply.uri.split('/').pop()!), true);
        assert.equal(replyItem.postId, created.body.post.id, 'the reply is linked to the post Relais published');
        assert.equal(replyItem.sentiment, 'negative');
        assert.equal(replyItem.language, 'fr');
        assert.equal(replyItem.author.handle, fan);
        assert.equal(mentionItem.kind, 'mention');
        assert.equal(mentionItem.postId, null);
        assert.notEqual(mentionItem.conversationId, replyItem.conversationId, 'the mention starts its own conversation');
        assert.ok(mentionItem.url?.includes(mention.uri.split('/').pop()!));

        const conversation = await waitFor(
          async () => {
            const { body } = await admin.get<ConversationView>(`${inbox}/conversations/${replyItem.conversationId}?refresh=1`);
            return body.thread && body.thread.replies.length > 0 ? body : null;
          },
          { timeoutMs: 20_000, what: 'the thread as the network shows it' },
        );
        assert.equal(conversation.postId, created.body.post.id);
        assert.equal(conversation.thread!.fromBrand, true, 'the thread starts with the brand’s post');
        assert.equal(conversation.thread!.replies[0].text, replyText);
        assert.equal(conversation.thread!.replies[0].itemId, replyItem.id);
        assert.deepEqual(conversation.items.map((i) => i.id), [replyItem.id]);

        await waitFor(async () => (live.events.filter((e) => e.itemId === replyItem.id || e.itemId === mentionItem.id).length >= 2 ? true : null), { timeoutMs: 5_000, what: 'both items on the live feed' });
        const heard = new Set(live.events.filter((e) => e.action === 'created').map((e) => e.itemId));
        assert.ok(heard.has(replyItem.id) && heard.has(mentionItem.id), 'both items heard live');

        // A teammate answers the unhappy customer from the inbox; a double click sends the same request twice.
        const answer = `Bonjour, toutes nos excuses ! Nous regardons votre commande tout de suite. (${engine})`;
        const [first, second] = await Promise.all([
          admin.post<ReplyView>(`${inbox}/items/${replyItem.id}/replies`, { text: answer }),
          admin.post<ReplyView>(`${inbox}/items/${replyItem.id}/replies`, { text: answer }),
        ]);
        assert.deepEqual([first.status, second.status].sort(), [200, 201], `${JSON.stringify(first.body)} ${JSON.stringify(second.body)}`);
        assert.equal(first.body.id, second.body.id, 'one reply for the double click');
        const sent = await waitFor(
          async () => {
            const { body } = await admin.get<{ replies: ReplyView[]; item: { firstResponseAt: string | null } }>(`${inbox}/items/${replyItem.id}`);
            return body.replies[0]?.state === 'sent' && body.item.firstResponseAt ? body : null;
          },
          { timeoutMs: 30_000, what: 'the reply sent' },
        );
        assert.equal(sent.replies.length, 1);
        assert.ok(sent.replies[0].url);
        const onNetwork = (await postsOnNetwork(network, brand)).filter((p) => p.value.text === answer);
        assert.equal(onNetwork.length, 1, 'the reply exists once on the network');
        assert.equal(onNetwork[0].value.reply?.parent.uri, reply.uri, 'in answer to the customer’s reply');
        assert.equal(onNetwork[0].value.reply?.root.uri, ours.uri, 'in the thread of the published post');
        assert.ok(sent.item.firstResponseAt, 'first response recorded');

        // A few more polls: nothing new, nothing doubled (the brand's own reply is not an inbox item).
        const polled = async () => Number((await relais.relais.services.database.db.selectFrom('inbox_poll_state').select('last_polled_at').where('channel_id', '=', channelId).executeTakeFirstOrThrow()).last_polled_at);
        const since = await polled();
        await waitFor(async () => ((await polled()) > since + 2_000 ? true : null), { timeoutMs: 30_000, what: 'two more polls' });
        const after = await admin.get<InboxPage>(`${inbox}/items?view=all`);
        assert.deepEqual(after.body.items.map((i) => i.id).sort(), page.all.map((i) => i.id).sort());
      } finally {
        live.close();
      }
    });
  });
}
