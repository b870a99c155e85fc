import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveRecordKey, encodeTid, likeRecordKey, postRecordKey, TID_PATTERN, tidTimestamp } from './rkey.ts';

describe('Bluesky record keys', () => {
  test('the same idempotency key always gives the same record key', () => {
    assert.equal(postRecordKey('post-42:attempt-independent'), postRecordKey('post-42:attempt-independent'));
    // Pinned: a change here would make retries of posts scheduled before an upgrade publish twice.
    assert.equal(postRecordKey('a'), '3kvmwh3c6fjrx');
    assert.equal(postRecordKey('job-1'), '3jnuwb6ssmqck');
  });

  test('keys are valid TIDs, as app.bsky.feed.post requires', () => {
    for (let i = 0; i < 2000; i += 1) {
      const key = postRecordKey(`publication-${i}`);
      assert.match(key, TID_PATTERN);
      assert.equal(key.length, 13);
    }
    assert.match(postRecordKey('é🙂 spaces and / slashes'), TID_PATTERN);
    assert.match(postRecordKey('x'.repeat(10_000)), TID_PATTERN);
    assert.throws(() => postRecordKey(''), RangeError);
  });

  test('their time is always in the past (2023-01-01 … 2025-03-25)', () => {
    for (let i = 0; i < 2000; i += 1) {
      const at = tidTimestamp(postRecordKey(`k${i}`)).getTime();
      assert.ok(at >= Date.UTC(2023, 0, 1) && at < Date.UTC(2025, 2, 26), new Date(at).toISOString());
    }
  });

  test('different keys and different namespaces give different record keys', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) seen.add(postRecordKey(`k${i}`));
    assert.equal(seen.size, 20_000);
    const uri = 'at://did:plc:abc/app.bsky.feed.post/3kvmwh3c6fjrx';
    assert.notEqual(likeRecordKey(uri), postRecordKey(uri));
    assert.equal(likeRecordKey(uri), deriveRecordKey('like', uri));
  });

  test('TID encoding matches the protocol (base32-sortable, 13 characters)', () => {
    assert.equal(encodeTid(0n), '2222222222222');
    // 2023-01-01T00:00:00Z in microseconds, clock id 0.
    const micros = BigInt(Date.UTC(2023, 0, 1)) * 1000n;
    const tid = encodeTid(micros << 10n);
    assert.equal(tidTimestamp(tid).toISOString(), '2023-01-01T00:00:00.000Z');
    // Sortable: later times sort after earlier ones.
    assert.ok(encodeTid((micros + 1n) << 10n) > tid);
  });

  test('keys the PDS would refuse (its slur filter) are never produced', () => {
    for (let i = 0; i < 20_000; i += 1) assert.doesNotMatch(postRecordKey(`n${i}`), /n[iloa4][gq]{2}/);
  });
});
