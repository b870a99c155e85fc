// The Bluesky connector against Bluesky's own local network (PLC + PDS +
// AppView from @atproto/dev-env): the shared contract, then what is particular
// to Bluesky (sessions, record keys).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blueskyDefinition } from '../../src/server/connectors/bluesky/index.ts';
import { blueskyCredentialsSchema, type BlueskyCredentials } from '../../src/server/connectors/bluesky/credentials.ts';
import { postRecordKey } from '../../src/server/connectors/bluesky/rkey.ts';
import type { ConnectorDeps } from '../../src/server/connectors/registry.ts';
import { createHttpClient, type HttpClient } from '../../src/server/net/http-client.ts';
import { createRateLimiter } from '../../src/server/net/rate-limiter.ts';
import { createLogger } from '../../src/server/logger.ts';
import { onCleanup } from '../support/cleanup.ts';
import { loginAs, startBlueskyNetwork, type BlueskyNetwork } from '../support/bluesky.ts';
import { blueskyOtherSide } from './bluesky-other-side.ts';
import { isConnectorError, runConnectorContract } from './contract-suite.ts';

let network: BlueskyNetwork;
/** What the channel store would hold: updated through onCredentialsChanged. */
let stored: BlueskyCredentials;
const paths: string[] = [];
let deps: ConnectorDeps<BlueskyCredentials>;

function boot(): Promise<BlueskyNetwork> {
  return startBlueskyNetwork({
    accounts: [
      { handle: 'brand.test', password: 'brand-account-password' },
      { handle: 'fan.test', password: 'fan-account-password' },
    ],
  });
}

let booting: Promise<BlueskyNetwork> | null = null;

async function setUpNetwork() {
  booting ??= boot();
  network = await booting;
  const brand = network.account('brand.test');
  // Loopback addresses are refused by default (SSRF guard): this test says explicitly that the local network may be reached.
  const rateLimiter = createRateLimiter();
  const http = createHttpClient({ allowPrivateUrls: true, logger: createLogger({ logLevel: 'silent' }), rateLimiter, retryBaseDelayMs: 50 });
  onCleanup(() => http.close());
  const recording: HttpClient = {
    request: (request) => {
      paths.push(new URL(request.url).pathname.replace('/xrpc/', ''));
      return http.request(request);
    },
    close: () => http.close(),
  };
  stored = blueskyCredentialsSchema.parse({ serviceUrl: network.pdsUrl, identifier: brand.handle, appPassword: brand.appPassword });
  deps = {
    http: recording,
    rateLimiter,
    async onCredentialsChanged(next) {
      assert.ok(next.refreshJwt && next.accessJwt, 'a session always comes with both tokens');
      stored = next;
    },
  };
  return { network, brand };
}

runConnectorContract({
  name: 'Bluesky',
  manifest: blueskyDefinition.manifest,
  async setUp() {
    const { brand } = await setUpNetwork();
    const fan = await loginAs(network, 'fan.test', { password: 'account' });
    return {
      connector: blueskyDefinition.connect(stored, deps),
      other: blueskyOtherSide(fan, brand),
      brandId: brand.did,
      reconnect: () => blueskyDefinition.connect(stored, deps),
      connectWithWrongSecret: () =>
        blueskyDefinition.connect(blueskyCredentialsSchema.parse({ serviceUrl: network.pdsUrl, identifier: brand.handle, appPassword: 'aaaa-bbbb-cccc-dddd' }), { ...deps, onCredentialsChanged: async () => assert.fail('no session to store') }),
    };
  },
});

// --- Bluesky's own ----------------------------------------------------------

/** A JWT-shaped token (unsigned) that expired a minute ago. */
function expiredJwt(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'ES256K', typ: 'at+jwt' })}.${part({ scope: 'com.atproto.appPass', sub: stored.did, exp: Math.floor(Date.now() / 1000) - 60 })}.c2ln`;
}

test('Bluesky: the session is stored, reused by a restart, refreshed before it expires', async () => {
  await setUpNetwork();
  const first = blueskyDefinition.connect(stored, deps);
  paths.length = 0;
  await first.profile();
  assert.deepEqual(paths.filter((path) => path.startsWith('com.atproto.server.')), ['com.atproto.server.createSession']);
  assert.ok(stored.accessJwt && stored.refreshJwt && stored.did === network.account('brand.test').did && stored.handle === 'brand.test');

  // A restart with the stored session signs in no more.
  paths.length = 0;
  await blueskyDefinition.connect(stored, deps).accountMetrics();
  assert.deepEqual(paths.filter((path) => path.startsWith('com.atproto.server.')), []);

  // An access token about to expire is refreshed first; the new tokens are stored.
  const before = stored;
  paths.length = 0;
  await blueskyDefinition.connect({ ...stored, accessJwt: expiredJwt() }, deps).accountMetrics();
  assert.deepEqual(paths.filter((path) => path.startsWith('com.atproto.server.')), ['com.atproto.server.refreshSession']);
  assert.notEqual(stored.refreshJwt, before.refreshJwt, 'the refresh token rotated and was stored');

  // A refresh token the PDS no longer accepts: sign in again with the app password.
  paths.length = 0;
  await blueskyDefinition.connect({ ...stored, accessJwt: expiredJwt(), refreshJwt: expiredJwt() }, deps).accountMetrics();
  assert.deepEqual(paths.filter((path) => path.startsWith('com.atproto.server.')), ['com.atproto.server.refreshSession', 'com.atproto.server.createSession']);
});

test('Bluesky: a post’s record key is derived from the idempotency key', async () => {
  await setUpNetwork();
  const connector = blueskyDefinition.connect(stored, deps);
  const idempotencyKey = `rkey-${Date.now()}`;
  const post = await connector.publish({ idempotencyKey, text: 'Keyed.' });
  assert.equal(post.remoteId, `at://${stored.did}/app.bsky.feed.post/${postRecordKey(idempotencyKey)}`);
  assert.equal(post.url, `https://bsky.app/profile/${stored.did}/post/${postRecordKey(idempotencyKey)}`);
  assert.match(post.ref ?? '', /^bafy/);
});

test('Bluesky: an app password that was revoked is an auth error, and nothing is stored', async () => {
  await setUpNetwork();
  const connector = blueskyDefinition.connect({ ...stored, accessJwt: undefined, refreshJwt: undefined, appPassword: 'zzzz-zzzz-zzzz-zzzz' }, { ...deps, onCredentialsChanged: async () => assert.fail('nothing to store') });
  const error = await connector.activitySince(null).then(() => null, (failure: unknown) => failure);
  assert.ok(isConnectorError('auth')(error));
  assert.ok(!String((error as Error).message).includes('zzzz'), 'the secret is not in the message');
});
