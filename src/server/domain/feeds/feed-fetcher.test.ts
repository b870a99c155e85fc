// What a failed fetch tells the person who gave the feed's address: every
// failure of the outbound client becomes a translated AppError; anything else
// (a bug, the worker stopping) is left as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { HttpRequestError } from '../../net/http-client.ts';
import { RateLimitedError } from '../../net/rate-limiter.ts';
import { BlockedUrlError } from '../../net/ssrf-guard.ts';
import { translateFetchError } from './feed-fetcher.ts';

const url = 'https://blog.example.com/feed.xml?token=secret';
const codeOf = (error: unknown) => (error instanceof AppError ? [error.code, error.params] : error);

test('refused, unknown and malformed addresses name the host, never the path or query', () => {
  assert.deepEqual(codeOf(translateFetchError(new BlockedUrlError('private_address', 'x'), url)), ['feed_url_refused', { host: 'blog.example.com' }]);
  assert.deepEqual(codeOf(translateFetchError(new BlockedUrlError('unresolvable', 'x'), url)), ['feed_host_unknown', { host: 'blog.example.com' }]);
  assert.deepEqual(codeOf(translateFetchError(new BlockedUrlError('too_many_redirects', 'x'), url)), ['feed_unreachable', { host: 'blog.example.com' }]);
  assert.deepEqual(codeOf(translateFetchError(new BlockedUrlError('scheme', 'x'), 'ftp://h/f')), ['feed_url_invalid', { value: 'ftp://h/f' }]);
});

test('network failures, timeouts (the client’s or the caller’s budget), size and rate limits', () => {
  assert.deepEqual(codeOf(translateFetchError(new HttpRequestError('network', 'x'), url)), ['feed_unreachable', { host: 'blog.example.com' }]);
  assert.deepEqual(codeOf(translateFetchError(new HttpRequestError('timeout', 'x'), url)), ['feed_timeout', { host: 'blog.example.com' }]);
  assert.deepEqual(codeOf(translateFetchError(new DOMException('late', 'TimeoutError'), url)), ['feed_timeout', { host: 'blog.example.com' }]);
  const interruptedWait = Object.assign(new Error('aborted'), { name: 'AbortError', cause: new DOMException('late', 'TimeoutError') });
  assert.deepEqual(codeOf(translateFetchError(interruptedWait, url)), ['feed_timeout', { host: 'blog.example.com' }]);
  assert.deepEqual(codeOf(translateFetchError(new HttpRequestError('response_too_large', 'x'), url)), ['feed_too_large', { host: 'blog.example.com', maxMb: 5 }]);
  assert.deepEqual(codeOf(translateFetchError(new RateLimitedError('host:blog.example.com', Date.now() + 3_600_000), url)), ['feed_http_error', { host: 'blog.example.com', status: 429 }]);
});

test('anything else is not a feed problem and is passed on', () => {
  const bug = new TypeError('boom');
  assert.equal(translateFetchError(bug, url), bug);
  const stopping = new DOMException('worker stopping', 'AbortError');
  assert.equal(translateFetchError(stopping, url), stopping);
});
