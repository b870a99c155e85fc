import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ActivityCursor, maxRemembered, overlapMs } from './activity-cursor.ts';
import { activityFrom } from './connector.ts';
import type { Notification } from './views.ts';

const brand = 'did:plc:brand';
const fan = { did: 'did:plc:fan', handle: 'fan.test', displayName: 'Fan', avatar: 'https://cdn.example/fan.jpg' };
const ours = `at://${brand}/app.bsky.feed.post/3kvmwh3c6fjrx`;

function notification(reason: string, extra: Partial<Notification> = {}): Notification {
  return { uri: `at://${fan.did}/app.bsky.feed.post/3${reason.padEnd(12, 'a')}`, cid: 'bafy', author: fan, reason, record: {}, indexedAt: '2030-01-01T10:00:00.000Z', ...extra };
}

describe('Bluesky notifications as activity', () => {
  test('reasons map to activity kinds; the others are left out', () => {
    const reply = activityFrom(notification('reply', { reasonSubject: ours, record: { text: 'Great!', createdAt: '2030-01-01T09:59:59.000Z', reply: { root: { uri: ours, cid: 'c' }, parent: { uri: ours, cid: 'c' } } } }), brand);
    assert.deepEqual(reply, {
      id: `at://${fan.did}/app.bsky.feed.post/3replyaaaaaaa`,
      kind: 'reply',
      author: { remoteId: fan.did, handle: 'fan.test', displayName: 'Fan', avatarUrl: 'https://cdn.example/fan.jpg', url: 'https://bsky.app/profile/fan.test', followers: null },
      post: { remoteId: `at://${fan.did}/app.bsky.feed.post/3replyaaaaaaa`, url: `https://bsky.app/profile/${fan.did}/post/3replyaaaaaaa`, ref: 'bafy', text: 'Great!', createdAt: '2030-01-01T09:59:59.000Z', replyTo: ours, rootId: ours },
      subjectRemoteId: ours,
      createdAt: '2030-01-01T09:59:59.000Z',
    });

    const like = activityFrom(notification('like', { uri: `at://${fan.did}/app.bsky.feed.like/3l`, record: { subject: { uri: ours, cid: 'c' }, createdAt: 'not a date' } }), brand);
    assert.equal(like?.kind, 'like');
    assert.equal(like?.post, null);
    assert.equal(like?.subjectRemoteId, ours);
    assert.equal(like?.createdAt, '2030-01-01T10:00:00.000Z', 'an unreadable createdAt falls back to the listing time');

    const follow = activityFrom(notification('follow', { uri: `at://${fan.did}/app.bsky.graph.follow/3f`, record: { subject: brand } }), brand);
    assert.deepEqual([follow?.kind, follow?.post, follow?.subjectRemoteId], ['follow', null, null]);

    const repost = activityFrom(notification('repost', { uri: `at://${fan.did}/app.bsky.feed.repost/3r`, record: { subject: { uri: ours, cid: 'c' } } }), brand);
    assert.deepEqual([repost?.kind, repost?.subjectRemoteId], ['repost', ours]);

    const quote = activityFrom(notification('quote', { reasonSubject: ours, record: { text: 'Look at this' } }), brand);
    assert.deepEqual([quote?.kind, quote?.subjectRemoteId, quote?.post?.text], ['quote', ours, 'Look at this']);

    for (const reason of ['starterpack-joined', 'like-via-repost', 'repost-via-repost', 'verified', 'subscribed-post', 'something-new']) {
      assert.equal(activityFrom(notification(reason), brand), null, reason);
    }
  });

  test('a reply that mentions the brand comes once, as a mention about the post it answers', () => {
    const mention = activityFrom(notification('mention', { record: { text: 'Right @brand.test?', reply: { root: { uri: ours, cid: 'c' }, parent: { uri: ours, cid: 'c' } } } }), brand);
    assert.deepEqual([mention?.kind, mention?.subjectRemoteId, mention?.post?.replyTo], ['mention', ours, ours]);
    const elsewhere = activityFrom(notification('mention', { record: { text: 'Hey @brand.test' } }), brand);
    assert.deepEqual([elsewhere?.subjectRemoteId, elsewhere?.post?.replyTo], [null, null]);
  });
});

describe('Bluesky activity cursor', () => {
  const at = (minutes: number) => Date.UTC(2030, 0, 1, 10) + minutes * 60_000;
  const roundTrip = (cursor: ActivityCursor) => ActivityCursor.parse(cursor.serialize());

  test('a fresh cursor has seen nothing; once handed back it reads everything from the start', () => {
    const cursor = ActivityCursor.parse(null);
    assert.equal(cursor.started, false);
    assert.equal(cursor.floor, null);
    const after = ActivityCursor.parse(cursor.serialize());
    assert.equal(after.started, true, 'the next poll is not a first poll (which reads one page only)');
    assert.equal(after.see('at://a/1', at(0)), true, 'anything is new after an empty first poll');
    assert.equal(ActivityCursor.parse('not base64 json').started, false, 'an unreadable cursor starts afresh');
  });

  test('what was seen is never new again, across a restart', () => {
    const first = ActivityCursor.parse(null);
    assert.equal(first.see('at://a/1', at(0)), true);
    assert.equal(first.see('at://a/1', at(0)), false);
    assert.equal(first.see('at://a/2', at(1)), true);
    const second = roundTrip(first);
    assert.equal(second.started, true);
    assert.equal(second.floor, at(1) - overlapMs);
    assert.equal(second.see('at://a/1', at(0)), false);
    assert.equal(second.see('at://a/2', at(1)), false);
    // Listed late, behind the newest seen (indexed after a later one): still new.
    assert.equal(second.see('at://a/late', at(0) + 1), true);
    assert.equal(second.see('at://a/3', at(2)), true);
    const third = roundTrip(second);
    for (const uri of ['at://a/1', 'at://a/2', 'at://a/late', 'at://a/3']) assert.equal(third.see(uri, at(2)), false);
  });

  test('beyond the overlap, older notifications count as handed out', () => {
    const cursor = ActivityCursor.parse(null);
    cursor.see('at://a/new', at(30));
    const next = roundTrip(cursor);
    assert.equal(next.see('at://a/backdated', at(30) - overlapMs - 1), false);
    assert.equal(next.see('at://a/inside', at(30) - overlapMs + 1), true);
    // The memory keeps only the overlap.
    next.see('at://a/newer', at(60));
    const state = JSON.parse(Buffer.from(next.serialize()!, 'base64url').toString()) as { seen: string; top: number };
    assert.equal(state.top, at(60));
    assert.equal(state.seen.split(',').length, 1);
  });

  test('the memory is bounded: past it, the floor rises instead', () => {
    const cursor = ActivityCursor.parse(null);
    for (let i = 0; i < maxRemembered + 100; i += 1) cursor.see(`at://a/${i}`, at(0) + i);
    const serialized = cursor.serialize()!;
    assert.ok(serialized.length < 12_000, `${serialized.length} characters`);
    const next = ActivityCursor.parse(serialized);
    for (let i = 0; i < maxRemembered + 100; i += 1) assert.equal(next.see(`at://a/${i}`, at(0) + i), false, `item ${i}`);
    assert.equal(next.see('at://a/new', at(0) + maxRemembered + 100), true);
  });
});
