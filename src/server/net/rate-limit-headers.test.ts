import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResetTime, parseRetryAfter, readRateLimitHeaders } from './rate-limit-headers.ts';

const now = Date.UTC(2030, 0, 1, 12, 0, 0);

describe('rate-limit headers', () => {
  test('reset times in every form networks use', () => {
    assert.equal(parseResetTime('30', now), now + 30_000, 'seconds from now (IETF)');
    assert.equal(parseResetTime('1.5', now), now + 1_500);
    assert.equal(parseResetTime(String(now / 1000 + 60), now), now + 60_000, 'epoch seconds (Bluesky, GitHub)');
    assert.equal(parseResetTime(String(now + 60_000), now), now + 60_000, 'epoch milliseconds');
    assert.equal(parseResetTime('2030-01-01T12:05:00.000Z', now), now + 300_000, 'ISO date (Mastodon)');
    assert.equal(parseResetTime('soon', now), null);
  });

  test('Retry-After as seconds or HTTP date', () => {
    assert.equal(parseRetryAfter('120', now), now + 120_000);
    assert.equal(parseRetryAfter('Tue, 01 Jan 2030 12:01:00 GMT', now), now + 60_000);
    assert.equal(parseRetryAfter('Tue, 01 Jan 2030 11:00:00 GMT', now), now, 'a date in the past means now');
    assert.equal(parseRetryAfter('later', now), null);
  });

  test('IETF RateLimit-* (any letter case, Headers or plain object)', () => {
    const expected = { limit: 300, remaining: 7, resetAt: now + 40_000, retryAfterAt: null };
    assert.deepEqual(readRateLimitHeaders(new Headers({ 'RateLimit-Limit': '300', 'RateLimit-Remaining': '7', 'RateLimit-Reset': '40' }), 200, now), expected);
    assert.deepEqual(readRateLimitHeaders({ 'ratelimit-limit': '300', 'ratelimit-remaining': '7', 'ratelimit-reset': '40' }, 200, now), expected);
    assert.deepEqual(readRateLimitHeaders({ 'RateLimit-Remaining': '7', 'RATELIMIT-LIMIT': '300', 'ratelimit-reset': '40' }, 200, now), expected);
  });

  test('Bluesky: ratelimit-* with an epoch-seconds reset', () => {
    const info = readRateLimitHeaders({ 'ratelimit-limit': '5000', 'ratelimit-remaining': '4990', 'ratelimit-reset': String(now / 1000 + 3600), 'ratelimit-policy': '5000;w=3600' }, 200, now);
    assert.deepEqual(info, { limit: 5000, remaining: 4990, resetAt: now + 3_600_000, retryAfterAt: null });
  });

  test('the combined RateLimit header, both draft forms', () => {
    assert.deepEqual(readRateLimitHeaders({ ratelimit: 'limit=100, remaining=50, reset=5' }, 200, now), { limit: 100, remaining: 50, resetAt: now + 5_000, retryAfterAt: null });
    assert.deepEqual(readRateLimitHeaders({ ratelimit: '"hourly";r=50;t=30, "daily";r=900;t=3000' }, 200, now), { limit: null, remaining: 50, resetAt: now + 30_000, retryAfterAt: null });
    assert.deepEqual(readRateLimitHeaders({ ratelimit: '"hourly";r=50;t=30, "daily";r=3;t=3000' }, 200, now), { limit: null, remaining: 3, resetAt: now + 3_000_000, retryAfterAt: null }, 'the tightest policy binds');
  });

  test('X-RateLimit-* (Mastodon ISO reset, GitHub epoch reset) and X/Twitter x-rate-limit-*', () => {
    assert.deepEqual(readRateLimitHeaders({ 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '299', 'X-RateLimit-Reset': '2030-01-01T12:05:00.123Z' }, 200, now), { limit: 300, remaining: 299, resetAt: now + 300_123, retryAfterAt: null });
    assert.equal(readRateLimitHeaders({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 10) }, 200, now).resetAt, now + 10_000);
    assert.equal(readRateLimitHeaders({ 'x-rate-limit-remaining': '1', 'x-rate-limit-reset': String(now / 1000 + 10) }, 200, now).remaining, 1);
  });

  test('Retry-After counts only on 429 and 503', () => {
    assert.equal(readRateLimitHeaders({ 'retry-after': '9' }, 429, now).retryAfterAt, now + 9_000);
    assert.equal(readRateLimitHeaders({ 'retry-after': '9' }, 503, now).retryAfterAt, now + 9_000);
    assert.equal(readRateLimitHeaders({ 'retry-after': '9' }, 200, now).retryAfterAt, null);
  });

  test('no headers, no knowledge', () => {
    assert.deepEqual(readRateLimitHeaders({ 'content-type': 'text/html' }, 200, now), { limit: null, remaining: null, resetAt: null, retryAfterAt: null });
  });
});
