// Bluesky's own local network (PLC + PDS + AppView) as the Bluesky connector's
// tests will use it: two accounts, a brand post published under a record key
// chosen by the client (sent twice, published once: what the PDS answers to the
// second try is pinned here), a fan's reply mentioning the brand, a like and a
// follow, the brand's notifications and the thread as the AppView shows them.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BlueskyActor, XrpcError, facet, loginAs, postRecord, startBlueskyNetwork, tid, type BlueskyNetwork, type StrongRef, type ThreadViewPost } from '../support/bluesky.ts';

let network: BlueskyNetwork;
let brand: BlueskyActor;
let fan: BlueskyActor;
let brandPost: StrongRef;

before(async () => {
  network = await startBlueskyNetwork({
    accounts: [
      { handle: 'brand.test', password: 'brand-password' },
      { handle: 'fan.test', password: 'fan-password' },
    ],
  });
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${network.pid}/status`, 'utf8'))?.[1];
  console.log(`bluesky network ready in ${network.bootMs} ms, ${Math.round(Number(rss) / 1024)} MB resident`);
});

test('the network has the accounts asked for, with app passwords that sign in', async () => {
  assert.deepEqual(network.accounts.map((a) => a.handle), ['brand.test', 'fan.test']);
  for (const account of network.accounts) {
    assert.match(account.did, /^did:plc:[a-z2-7]{24}$/);
    assert.match(account.appPassword ?? '', /^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
  }
  brand = await loginAs(network, 'brand.test');
  fan = await loginAs(network, 'fan.test', { password: 'account' });
  assert.equal(brand.did, network.account('brand.test').did);
  assert.equal(fan.handle, 'fan.test');
  await assert.rejects(BlueskyActor.login(network.pdsUrl, 'brand.test', 'wrong-password'), (error: unknown) => error instanceof XrpcError && error.status === 401 && error.error === 'AuthenticationRequired');
});

test('a post under a record key chosen by the client is published once, even when sent twice', async () => {
  // Post keys must be TIDs; the same time and clock id always give the same key.
  const rkey = tid(new Date(), 7);
  const record = postRecord('Our spring collection is out!');
  brandPost = await brand.createRecord('app.bsky.feed.post', { ...record }, rkey);
  assert.equal(brandPost.uri, `at://${brand.did}/app.bsky.feed.post/${rkey}`);

  // createRecord again (a retry after a lost answer): refused, but as a 500 that says nothing
  // (the PDS's log says "There is already a value at key"): a retry must look the record up.
  const duplicate = await brand.createRecord('app.bsky.feed.post', { ...record }, rkey).then(
    () => null,
    (error: unknown) => error,
  );
  assert.ok(duplicate instanceof XrpcError, 'a second createRecord under the same key is refused');
  console.log(`createRecord on a taken key: ${duplicate.message}`);
  assert.equal(duplicate.status, 500);
  assert.equal(duplicate.error, 'InternalServerError');
  assert.equal((await brand.getRecord(brandPost.uri))?.cid, brandPost.cid);

  // putRecord with swapRecord: null ("only if absent"): the very same record again is a no-op
  // answered 200 without a commit; a different one is refused with 400 InvalidSwap.
  const again = await brand.putRecord('app.bsky.feed.post', rkey, { ...record }, { swapRecord: null });
  assert.deepEqual({ uri: again.uri, cid: again.cid, commit: again.commit }, { ...brandPost, commit: undefined });
  await assert.rejects(
    brand.putRecord('app.bsky.feed.post', rkey, { ...record, text: 'Something else' }, { swapRecord: null }),
    (error: unknown) => error instanceof XrpcError && error.status === 400 && error.error === 'InvalidSwap',
  );

  const { records } = await brand.call<{ records: StrongRef[] }>('com.atproto.repo.listRecords', { params: { repo: brand.did, collection: 'app.bsky.feed.post' } });
  assert.deepEqual(records.map((r) => [r.uri, r.cid]), [[brandPost.uri, brandPost.cid]]);
});

test("a fan's reply mentioning the brand shows in the brand's notifications and in the thread", async () => {
  const text = 'Love it @brand.test! Ships to Lyon? #spring';
  const reply = await fan.post(text, {
    reply: { root: brandPost, parent: brandPost },
    facets: [facet.mention(text, 'brand.test', brand.did), facet.tag(text, 'spring')],
  });
  await fan.like(brandPost);
  await fan.follow(brand.did);

  const started = Date.now();
  const mention = await brand.waitForNotification((n) => n.uri === reply.uri);
  console.log(`reply seen in the brand's notifications after ${Date.now() - started} ms`);
  assert.equal(mention.reason, 'mention');
  assert.equal(mention.author.handle, 'fan.test');
  assert.equal(mention.record.text, text);
  await brand.waitForNotification((n) => n.reason === 'like' && n.reasonSubject === brandPost.uri);
  await brand.waitForNotification((n) => n.reason === 'follow' && n.author.did === fan.did);
  const { notifications } = await brand.listNotifications();
  assert.equal(notifications.filter((n) => n.uri === reply.uri).length, 1, 'a reply that mentions the brand comes once');

  const { thread } = await brand.getPostThread(brandPost.uri);
  assert.equal(thread.post.uri, brandPost.uri);
  assert.equal(thread.post.author.handle, 'brand.test');
  const replies = (thread.replies ?? []) as ThreadViewPost[];
  assert.deepEqual(replies.map((r) => r.post.uri), [reply.uri]);
  assert.equal(replies[0].post.record.text, text);
  assert.deepEqual(replies[0].post.record.facets?.[0].features, [{ $type: 'app.bsky.richtext.facet#mention', did: brand.did }]);
  assert.equal(thread.post.likeCount, 1);

  // And the brand answers the fan in the same thread.
  const answer = await brand.post('It does, see you in Lyon!', { reply: { root: brandPost, parent: reply } });
  const answered = await fan.waitForNotification((n) => n.uri === answer.uri);
  assert.equal(answered.reason, 'reply');
});
