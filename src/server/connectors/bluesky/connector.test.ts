// The Bluesky connector against a small scripted PDS: what the local network
// cannot be made to do on demand (expired tokens, lost answers, 429s).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLogger } from '../../logger.ts';
import { createHttpClient } from '../../net/http-client.ts';
import { createRateLimiter } from '../../net/rate-limiter.ts';
import { startTestServer } from '../../net/test-http-server.ts';
import { onCleanup } from '../../../../test/support/cleanup.ts';
import { ConnectorError } from '../contract.ts';
import { connectBluesky } from './connector.ts';
import { blueskyCredentialsSchema, type BlueskyCredentials } from './credentials.ts';
import { postRecordKey } from './rkey.ts';

const did = 'did:plc:brandbrandbrandbrandbran';

function jwt(kind: string, serial: number, expiresInS: number, lifetimeS = 7200): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + expiresInS;
  return `${part({ alg: 'ES256K' })}.${part({ kind, serial, sub: did, iat: exp - lifetimeS, exp })}.c2lnbmF0dXJl`;
}

type Route = (request: IncomingMessage, response: ServerResponse, body: string) => void;

/** A PDS that knows one account (app password abcd-efgh-ijkl-mnop), whose routes a test may override. */
async function fakePds(overrides: Record<string, Route> = {}) {
  const state = { serial: 0, access: '', refresh: '', accessLifetimeS: 7200, records: new Map<string, unknown>(), signIns: 0, refreshes: 0 };
  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  const issue = () => {
    state.serial += 1;
    state.access = jwt('access', state.serial, state.accessLifetimeS, state.accessLifetimeS);
    state.refresh = jwt('refresh', state.serial, 90 * 86400);
    return { accessJwt: state.access, refreshJwt: state.refresh, did, handle: 'brand.test' };
  };
  const authorized = (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.authorization === `Bearer ${state.access}`) return true;
    send(response, 400, { error: 'ExpiredToken', message: 'Token has expired' });
    return false;
  };
  const routes: Record<string, Route> = {
    'com.atproto.server.createSession': (_request, response, body) => {
      state.signIns += 1;
      const { password } = JSON.parse(body) as { password: string };
      if (password !== 'abcd-efgh-ijkl-mnop') return send(response, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      send(response, 200, issue());
    },
    'com.atproto.server.refreshSession': (request, response) => {
      state.refreshes += 1;
      if (request.headers.authorization !== `Bearer ${state.refresh}`) return send(response, 400, { error: 'ExpiredToken', message: 'Token has been revoked' });
      send(response, 200, issue());
    },
    'app.bsky.actor.getProfile': (request, response) => {
      if (authorized(request, response)) send(response, 200, { did, handle: 'brand.test', followersCount: 3, followsCount: 2, postsCount: 1 });
    },
    'com.atproto.repo.getRecord': (request, response) => {
      if (!authorized(request, response)) return;
      const params = new URL(request.url!, 'http://pds').searchParams;
      const uri = `at://${params.get('repo')}/${params.get('collection')}/${params.get('rkey')}`;
      const value = state.records.get(uri);
      if (!value) return send(response, 400, { error: 'RecordNotFound', message: `Could not locate record: ${uri}` });
      send(response, 200, { uri, cid: 'bafyreiexisting', value });
    },
    'com.atproto.repo.createRecord': (request, response, body) => {
      if (!authorized(request, response)) return;
      const { repo, collection, rkey, record } = JSON.parse(body) as { repo: string; collection: string; rkey: string; record: unknown };
      const uri = `at://${repo}/${collection}/${rkey}`;
      if (state.records.has(uri)) return send(response, 500, { error: 'InternalServerError', message: 'Internal Server Error' });
      state.records.set(uri, record);
      send(response, 200, { uri, cid: 'bafyreicreated' });
    },
    ...overrides,
  };
  const server = await startTestServer((request, response, hit) => {
    const nsid = new URL(request.url!, 'http://pds').pathname.replace('/xrpc/', '');
    const route = routes[nsid];
    if (!route) return send(response, 501, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
    route(request, response, server.hits[hit - 1].body);
  });
  const calls = () => server.hits.map((hit) => new URL(hit.url, 'http://pds').pathname.replace('/xrpc/', ''));
  return { server, state, calls, send };
}

function connectTo(origin: string, extra: Partial<BlueskyCredentials> = {}, options: { maxRetries?: number } = {}) {
  const logs: string[] = [];
  const logger = createLogger({ logLevel: 'debug' }, new Writable({ write: (chunk, _encoding, done) => (logs.push(String(chunk)), done()) }));
  // The client spends the same budgets the connector sets (as services.ts wires them).
  const rateLimiter = createRateLimiter();
  const http = createHttpClient({ allowPrivateUrls: true, logger, rateLimiter, retryBaseDelayMs: 5, maxRetries: options.maxRetries });
  onCleanup(() => http.close());
  const stored: BlueskyCredentials[] = [];
  const credentials = { ...blueskyCredentialsSchema.parse({ serviceUrl: origin, identifier: 'brand.test', appPassword: 'abcd-efgh-ijkl-mnop' }), ...extra };
  const connector = connectBluesky(credentials, {
    http,
    rateLimiter,
    onCredentialsChanged: async (next) => {
      stored.push(next);
    },
  });
  return { connector, stored, logs };
}

const kind = (expected: ConnectorError['kind']) => (error: unknown) => error instanceof ConnectorError && error.kind === expected;

describe('Bluesky connector: session', () => {
  test('signs in once for calls made at the same time, and hands the session over to be stored', async () => {
    const pds = await fakePds();
    const { connector, stored } = connectTo(pds.server.origin);
    const metrics = await Promise.all([connector.accountMetrics(), connector.accountMetrics(), connector.accountMetrics()]);
    assert.deepEqual(metrics[0], { followers: 3, following: 2, posts: 1 });
    assert.equal(pds.state.signIns, 1);
    assert.equal(stored.length, 1);
    assert.deepEqual({ ...stored[0], accessJwt: 'a', refreshJwt: 'r' }, { serviceUrl: pds.server.origin, identifier: 'brand.test', appPassword: 'abcd-efgh-ijkl-mnop', accessJwt: 'a', refreshJwt: 'r', did, handle: 'brand.test' });
    assert.equal(stored[0].accessJwt, pds.state.access);
    assert.equal(stored[0].refreshJwt, pds.state.refresh);
  });

  test('ExpiredToken: refreshes, stores the new tokens, and sends the call once more', async () => {
    const pds = await fakePds();
    const { connector, stored } = connectTo(pds.server.origin);
    await connector.accountMetrics();
    pds.state.access = 'revoked-by-the-server'; // the PDS now answers ExpiredToken to the token we hold
    await connector.accountMetrics();
    assert.deepEqual(pds.calls(), ['com.atproto.server.createSession', 'app.bsky.actor.getProfile', 'app.bsky.actor.getProfile', 'com.atproto.server.refreshSession', 'app.bsky.actor.getProfile']);
    assert.equal(stored.length, 2);
    assert.equal(stored[1].refreshJwt, pds.state.refresh);
  });

  test('refreshes ahead of the access token’s expiry, without waiting for a refusal', async () => {
    const pds = await fakePds();
    const { connector, stored } = connectTo(pds.server.origin);
    await connector.accountMetrics();
    // A stored session whose two-hour access token has 30 s left.
    pds.state.access = jwt('access', 50, 30);
    const again = connectTo(pds.server.origin, { ...stored[0], accessJwt: pds.state.access });
    await again.connector.accountMetrics();
    await again.connector.accountMetrics();
    assert.deepEqual(pds.calls(), ['com.atproto.server.createSession', 'app.bsky.actor.getProfile', 'com.atproto.server.refreshSession', 'app.bsky.actor.getProfile', 'app.bsky.actor.getProfile']);
    assert.equal(again.stored.length, 1);
    assert.equal(again.stored[0].accessJwt, pds.state.access);

    // A server that issues short tokens (5 min) is not asked for a new one before every call.
    pds.state.accessLifetimeS = 300;
    const short = connectTo(pds.server.origin);
    for (let i = 0; i < 3; i += 1) await short.connector.accountMetrics();
    assert.equal(short.stored.length, 1);
  });

  test('a refresh that comes back without a refresh token keeps the one stored: never an empty one', async () => {
    const pds = await fakePds({
      'com.atproto.server.refreshSession': (_request, response) => {
        pds.state.access = jwt('access', 99, 7200);
        pds.send(response, 200, { accessJwt: pds.state.access, refreshJwt: '', did, handle: 'brand.test' });
      },
    });
    const { connector, stored } = connectTo(pds.server.origin);
    await connector.accountMetrics();
    const firstRefresh = stored[0].refreshJwt;
    pds.state.access = 'expired';
    await connector.accountMetrics();
    assert.equal(stored.length, 2);
    assert.equal(stored[1].accessJwt, pds.state.access);
    assert.equal(stored[1].refreshJwt, firstRefresh);
  });

  test('a refresh token the PDS refuses: signs in again with the app password', async () => {
    const pds = await fakePds();
    const { connector, stored } = connectTo(pds.server.origin, { did, accessJwt: jwt('access', 0, -10), refreshJwt: jwt('refresh', 0, 10) });
    await connector.accountMetrics();
    assert.deepEqual(pds.calls(), ['com.atproto.server.refreshSession', 'com.atproto.server.createSession', 'app.bsky.actor.getProfile']);
    assert.equal(stored.at(-1)?.refreshJwt, pds.state.refresh);
  });

  test('an app password the PDS refuses is an auth error; nothing is stored, no secret is logged or said', async () => {
    const pds = await fakePds();
    const { connector, stored, logs } = connectTo(pds.server.origin, { appPassword: 'wxyz-wxyz-wxyz-wxyz' });
    const error = await connector.profile().then(() => null, (failure: unknown) => failure);
    assert.ok(kind('auth')(error), String(error));
    assert.equal((error as ConnectorError).networkMessage, 'Invalid identifier or password');
    assert.equal(stored.length, 0);
    assert.ok(logs.length > 0);
    for (const text of [...logs, (error as Error).message]) assert.ok(!text.includes('wxyz'), text);
  });

  test('tokens never reach the logs', async () => {
    const pds = await fakePds();
    const { connector, logs } = connectTo(pds.server.origin);
    await connector.accountMetrics();
    pds.state.access = 'expired';
    await connector.accountMetrics();
    const all = logs.join('\n');
    assert.match(all, /getProfile/);
    for (const [token] of [[pds.state.access], [pds.state.refresh]]) assert.ok(!all.includes(token.split('.')[1]));
    assert.ok(!all.includes('abcd-efgh'));
  });
});

describe('Bluesky connector: publishing', () => {
  test('refuses too long a text, or unusable images, before any request', async () => {
    const pds = await fakePds();
    const { connector } = connectTo(pds.server.origin);
    await assert.rejects(connector.publish({ idempotencyKey: 'k1', text: '🙂'.repeat(301) }), kind('rejected'));
    await assert.rejects(connector.publish({ idempotencyKey: 'k2', text: '   ' }), kind('rejected'));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1]);
    const image = { bytes: png, mimeType: 'image/png', altText: 'dot', fileName: 'dot.png' };
    await assert.rejects(connector.publish({ idempotencyKey: 'k3', text: 'x', media: Array.from({ length: 5 }, () => image) }), kind('rejected'));
    await assert.rejects(connector.publish({ idempotencyKey: 'k4', text: 'x', media: [{ ...image, bytes: new Uint8Array(1_000_001).fill(7, 8).map((v, i) => (i < 24 ? png[i] : v)) }] }), kind('rejected'));
    await assert.rejects(connector.publish({ idempotencyKey: 'k5', text: 'x', media: [{ ...image, bytes: new TextEncoder().encode('<svg/>') }] }), kind('rejected'));
    await assert.rejects(connector.publish({ idempotencyKey: 'k6', text: 'x', media: [{ ...image, altText: '🙂'.repeat(2001) }] }), kind('rejected'));
    // 300 graphemes is fine (300 emoji are 1,200 bytes).
    await connector.publish({ idempotencyKey: 'k7', text: '🙂'.repeat(300) });
    assert.deepEqual(pds.calls().filter((call) => call === 'com.atproto.repo.createRecord').length, 1);
  });

  test('an answer lost after the PDS created the post: the retry finds it (never a second post)', async () => {
    let creates = 0;
    const pds = await fakePds({
      'com.atproto.repo.createRecord': (request, response, body) => {
        creates += 1;
        const { repo, collection, rkey, record } = JSON.parse(body) as { repo: string; collection: string; rkey: string; record: unknown };
        const uri = `at://${repo}/${collection}/${rkey}`;
        if (pds.state.records.has(uri)) return pds.send(response, 500, { error: 'InternalServerError', message: 'Internal Server Error' });
        pds.state.records.set(uri, record);
        request.socket.destroy(); // created, but the answer never comes back
      },
    });
    const { connector } = connectTo(pds.server.origin);
    const post = await connector.publish({ idempotencyKey: 'lost-answer', text: 'Hello' });
    assert.equal(post.remoteId, `at://${did}/app.bsky.feed.post/${postRecordKey('lost-answer')}`);
    assert.equal(post.ref, 'bafyreiexisting');
    assert.equal(creates, 2, 'the HTTP client repeated the create (safe: same key), the PDS refused it, the record was looked up');
    assert.equal(pds.state.records.size, 1);

    // Published already: a later attempt finds it before creating anything.
    await connector.publish({ idempotencyKey: 'lost-answer', text: 'Hello' });
    assert.equal(creates, 2);
    assert.deepEqual(await connector.findPublished('lost-answer'), { state: 'published', post: { remoteId: post.remoteId, url: post.url, ref: 'bafyreiexisting' } });
  });

  test('an answer lost and the post not found: unknown outcome, to be reconciled before any retry', async () => {
    const pds = await fakePds({
      'com.atproto.repo.createRecord': (request) => request.socket.destroy(),
    });
    const { connector } = connectTo(pds.server.origin, {}, { maxRetries: 0 });
    await assert.rejects(connector.publish({ idempotencyKey: 'never-answered', text: 'Hello' }), kind('unknown_outcome'));
    assert.deepEqual(await connector.findPublished('never-answered'), { state: 'missing' });
  });

  test('429 on a post: rate_limited until the time the PDS gives', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const pds = await fakePds({
      'com.atproto.repo.createRecord': (_request, response) =>
        pds.send(response, 429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, { 'ratelimit-limit': '5000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset), 'ratelimit-policy': '5000;w=3600' }),
    });
    const { connector } = connectTo(pds.server.origin);
    const error = await connector.publish({ idempotencyKey: 'limited', text: 'Hello' }).then(() => null, (failure: unknown) => failure);
    assert.ok(kind('rate_limited')(error), String(error));
    assert.equal((error as ConnectorError).retryAt?.getTime(), reset * 1000);
    const creates = () => pds.calls().filter((call) => call === 'com.atproto.repo.createRecord').length;
    assert.equal(creates(), 1, 'no retry into a spent budget');

    // The next post is held back by Relais itself until then; reading (the inbox) goes on.
    const again = await connector.publish({ idempotencyKey: 'limited-2', text: 'Hello again' }).then(() => null, (failure: unknown) => failure);
    assert.ok(kind('rate_limited')(again), String(again));
    assert.equal((again as ConnectorError).retryAt?.getTime(), reset * 1000);
    assert.equal(creates(), 1);
    assert.deepEqual(await connector.accountMetrics(), { followers: 3, following: 2, posts: 1 });
  });

  test('the network’s refusal of a post is rejected, with its message', async () => {
    const pds = await fakePds({
      'com.atproto.repo.createRecord': (_request, response) => pds.send(response, 400, { error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes' }),
    });
    const { connector } = connectTo(pds.server.origin);
    const error = await connector.publish({ idempotencyKey: 'refused', text: 'Hello' }).then(() => null, (failure: unknown) => failure);
    assert.ok(kind('rejected')(error));
    assert.equal((error as ConnectorError).networkMessage, 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes');
  });
});
