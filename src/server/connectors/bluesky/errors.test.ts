import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectorError } from '../contract.ts';
import { HttpRequestError } from '../../net/http-client.ts';
import { RateLimitedError } from '../../net/rate-limiter.ts';
import { BlockedUrlError } from '../../net/ssrf-guard.ts';
import { errorFromFailure, errorFromResponse, isExpiredToken, readXrpcError, retryAtFrom, type XrpcOperation } from './errors.ts';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: new Headers(headers), text: () => text };
}

function mapped(status: number, body: unknown, operation: XrpcOperation = 'read', headers: Record<string, string> = {}) {
  return errorFromResponse('com.atproto.repo.createRecord', operation, answer(status, body, headers));
}

describe('Bluesky error mapping', () => {
  test('reads the XRPC error body, whatever comes back', () => {
    assert.deepEqual(readXrpcError(answer(400, { error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes' })), {
      error: 'InvalidRequest',
      message: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes',
    });
    assert.deepEqual(readXrpcError(answer(502, '<html>Bad gateway</html>')), { error: null, message: null });
    assert.deepEqual(readXrpcError(answer(500, { error: 42 })), { error: null, message: null });
  });

  test('an expired access token is recognised (the caller refreshes and tries once more)', () => {
    assert.equal(isExpiredToken(400, { error: 'ExpiredToken', message: 'Token has expired' }), true);
    assert.equal(isExpiredToken(401, { error: 'ExpiredToken', message: null }), true);
    assert.equal(isExpiredToken(401, { error: 'InvalidToken', message: null }), false);
    assert.equal(isExpiredToken(500, { error: 'ExpiredToken', message: null }), false);
  });

  test('authentication failures are auth, whatever their status', () => {
    for (const [status, error] of [
      [401, 'AuthenticationRequired'],
      [400, 'InvalidToken'],
      [401, 'ExpiredToken'], // still expired after a refresh
      [400, 'AccountTakedown'],
      [400, 'AccountDeactivated'],
      [401, 'AuthFactorTokenRequired'],
      [401, null],
    ] as const) {
      const mappedError = mapped(status, error ? { error, message: 'no' } : {});
      assert.equal(mappedError.kind, 'auth', `${status} ${error}`);
    }
    // A sign-in the PDS refuses for any client reason: the stored credentials do not work.
    assert.equal(mapped(400, { error: 'InvalidRequest', message: 'Invalid identifier or password' }, 'session').kind, 'auth');
  });

  test("content the network refuses is rejected, with the network's own message", () => {
    const error = mapped(400, { error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes' }, 'create');
    assert.equal(error.kind, 'rejected');
    assert.equal(error.networkMessage, 'InvalidRequest: Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes'.replace('InvalidRequest: ', ''));
    assert.match(error.message, /createRecord answered 400 \(InvalidRequest: Invalid app\.bsky\.feed\.post record/);
    assert.equal(mapped(413, { error: 'PayloadTooLarge', message: 'request entity too large' }, 'write').kind, 'rejected');
    assert.equal(mapped(400, { error: 'BlobTooLarge' }, 'write').networkMessage, 'BlobTooLarge');
    assert.equal(mapped(403, {}, 'write').kind, 'rejected');
    const missing = mapped(501, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
    assert.equal(missing.kind, 'rejected');
    assert.match(missing.message, /does not offer com\.atproto\.repo\.createRecord/);
  });

  test('429 is rate_limited until ratelimit-reset (epoch seconds), else Retry-After, else a minute', () => {
    const now = Date.now();
    const reset = Math.ceil(now / 1000) + 120;
    const error = mapped(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, 'create', { 'ratelimit-limit': '5000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) });
    assert.equal(error.kind, 'rate_limited');
    assert.equal(error.retryAt?.getTime(), reset * 1000);
    assert.equal(retryAtFrom(new Headers({ 'retry-after': '30' }), now).getTime(), now + 30_000);
    assert.equal(retryAtFrom(new Headers({ 'ratelimit-reset': String(Math.floor(now / 1000) - 10), 'retry-after': '5' }), now).getTime(), now + 5000, 'a reset already past is ignored');
    assert.equal(retryAtFrom(new Headers(), now).getTime(), now + 60_000);
    // Some services say it in the body only.
    assert.equal(mapped(400, { error: 'RateLimitExceeded' }).kind, 'rate_limited');
  });

  test('server errors are transient for reads and writes, an unknown outcome for a post', () => {
    for (const status of [500, 502, 503, 504]) {
      assert.equal(mapped(status, {}, 'read').kind, 'transient');
      assert.equal(mapped(status, {}, 'write').kind, 'transient');
      assert.equal(mapped(status, { error: 'InternalServerError', message: 'Internal Server Error' }, 'create').kind, 'unknown_outcome');
    }
  });

  test('a lost answer: transient for reads, an unknown outcome for a post', () => {
    const lost = new HttpRequestError('network', 'POST pds.example:443/xrpc/com.atproto.repo.createRecord: ECONNRESET');
    const timeout = new HttpRequestError('timeout', 'POST pds.example/xrpc/com.atproto.repo.createRecord: no complete response within 15000 ms');
    for (const failure of [lost, timeout]) {
      const asCreate = errorFromFailure('com.atproto.repo.createRecord', 'create', failure) as ConnectorError;
      assert.equal(asCreate.kind, 'unknown_outcome');
      assert.equal(asCreate.cause, failure);
      assert.equal((errorFromFailure('app.bsky.feed.getPosts', 'read', failure) as ConnectorError).kind, 'transient');
      assert.equal((errorFromFailure('com.atproto.repo.deleteRecord', 'write', failure) as ConnectorError).kind, 'transient');
    }
    assert.equal((errorFromFailure('com.atproto.repo.createRecord', 'create', new SyntaxError('the response from pds.example is not valid JSON')) as ConnectorError).kind, 'unknown_outcome');
  });

  test("Relais' own budgets and refused addresses become ConnectorErrors; anything else passes through", () => {
    const retryAt = Date.now() + 3_600_000;
    const limited = errorFromFailure('com.atproto.repo.createRecord', 'create', new RateLimitedError('channel:did:plc:x:writes:hour', retryAt)) as ConnectorError;
    assert.equal(limited.kind, 'rate_limited');
    assert.equal(limited.retryAt?.getTime(), retryAt);
    const blocked = errorFromFailure('app.bsky.actor.getProfile', 'read', new BlockedUrlError('private_address', '10.0.0.1 is a private address')) as ConnectorError;
    assert.equal(blocked.kind, 'auth');
    const aborted = new DOMException('aborted', 'AbortError');
    assert.equal(errorFromFailure('app.bsky.actor.getProfile', 'read', aborted), aborted);
    const already = new ConnectorError('rejected', 'x');
    assert.equal(errorFromFailure('x', 'read', already), already);
  });

  test('no token ever reaches a message', () => {
    const token = 'eyJhbGciOiJFUzI1NksifQ.eyJzdWIiOiJkaWQ6cGxjOngifQ.c2lnbmF0dXJl';
    const error = mapped(400, { error: 'InvalidToken', message: `Bad token ${token} for this method` });
    assert.ok(!error.message.includes(token) && !String(error.networkMessage).includes(token));
    assert.match(error.networkMessage ?? '', /Bad token \[token\] for this method/);
    assert.ok((mapped(400, { message: 'x'.repeat(5000) }).networkMessage ?? '').length <= 300);
  });
});
