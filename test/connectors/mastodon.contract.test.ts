// The Mastodon connector against the replay server (test/peers/mastodon/): the
// shared contract, then what is particular to Mastodon — OAuth with PKCE, the
// server check, error mapping, media processing, idempotency, instance limits,
// notification paging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError } from '../../src/server/connectors/contract.ts';
import { createMastodonConnector, type MastodonConnector } from '../../src/server/connectors/mastodon/connector.ts';
import { mastodonCredentialsSchema, type MastodonApp, type MastodonCredentials } from '../../src/server/connectors/mastodon/credentials.ts';
import { mastodonManifest } from '../../src/server/connectors/mastodon/manifest.ts';
import { checkInstance, completeAuthorization, exchangeCode, MastodonOAuthError, parseCallback, startAuthorization } from '../../src/server/connectors/mastodon/oauth.ts';
import { createMemoryJournal } from '../../src/server/connectors/mastodon/publish-journal.ts';
import { createHttpClient, type HttpClient } from '../../src/server/net/http-client.ts';
import { createRateLimiter, type RateLimiter } from '../../src/server/net/rate-limiter.ts';
import { BlockedUrlError } from '../../src/server/net/ssrf-guard.ts';
import { createLogger } from '../../src/server/logger.ts';
import { onCleanup } from '../support/cleanup.ts';
import { startMastodonReplay, type MastodonReplayServer, type ReplayOptions } from '../peers/mastodon/replay-server.ts';
import { isConnectorError, pngImage, runConnectorContract } from './contract-suite.ts';
import { mastodonOtherSide } from './mastodon-other-side.ts';

const redirectUri = 'https://relais.example/api/channels/oauth/mastodon/callback';

function httpClient(options: { allowPrivateUrls?: boolean; maxRetries?: number; rateLimiter?: RateLimiter } = {}): HttpClient {
  // Loopback addresses are refused by default (SSRF guard): these tests say explicitly that the local server may be reached.
  const http = createHttpClient({
    allowPrivateUrls: options.allowPrivateUrls ?? true,
    logger: createLogger({ logLevel: 'silent' }),
    retryBaseDelayMs: 10,
    maxRetries: options.maxRetries,
    rateLimiter: options.rateLimiter,
  });
  onCleanup(() => http.close());
  return http;
}

async function replay(options: ReplayOptions = {}): Promise<MastodonReplayServer> {
  const server = await startMastodonReplay(options);
  onCleanup(() => server.close());
  return server;
}

/** What a browser does with the authorization URL: the instance answers with a redirect to Relais' callback. */
async function authorizeInBrowser(url: string, server: MastodonReplayServer): Promise<Record<string, string>> {
  // The URL names the instance's public address; the browser here reaches it on loopback.
  const local = new URL(url);
  const response = await fetch(new URL(`${local.pathname}${local.search}`, server.origin), { redirect: 'manual' });
  assert.equal(response.status, 302);
  const location = new URL(response.headers.get('location')!);
  assert.equal(`${location.origin}${location.pathname}`, redirectUri);
  return Object.fromEntries(location.searchParams);
}

/** Connects `username` the way the routes will: start, authorize in the browser, callback. */
async function connectThroughOAuth(server: MastodonReplayServer, http: HttpClient, username: string) {
  server.options.authorizeAs = username;
  const apps = new Map<string, MastodonApp>();
  const start = await startAuthorization(http, {
    server: server.origin,
    redirectUri,
    website: 'https://relais.example',
    findApp: async (serverUrl, uri) => apps.get(`${serverUrl} ${uri}`) ?? null,
    saveApp: async (app) => void apps.set(`${app.serverUrl} ${app.redirectUri}`, app),
  });
  const query = await authorizeInBrowser(start.authorizeUrl, server);
  const done = await completeAuthorization(http, { app: start.app, query, expectedState: start.state, codeVerifier: start.codeVerifier });
  return { start, done, apps };
}

// --- The contract -----------------------------------------------------------

runConnectorContract({
  name: 'Mastodon (replay server)',
  manifest: mastodonManifest,
  settleMs: 5000,
  async setUp() {
    const server = await replay({ mediaProcessingPolls: 1 });
    const brand = server.createAccount('brand', { displayName: 'The Brand' });
    const fan = server.createAccount('fan', { displayName: 'A Fan' });
    // One limiter, inside the HTTP client and given to the connector (which declares its account's budgets on it).
    const rateLimiter = createRateLimiter();
    const http = httpClient({ rateLimiter });
    const { done } = await connectThroughOAuth(server, http, 'brand');
    let stored: MastodonCredentials = done.credentials;
    const connect = (credentials: MastodonCredentials) =>
      // A fresh journal each time: a restart keeps only what the channel stores, and the server's Idempotency-Key does the rest.
      createMastodonConnector({ credentials, http, rateLimiter, journal: createMemoryJournal(), mediaPollIntervalMs: 20, onCredentialsChanged: async (next) => void (stored = next) });
    return {
      connector: connect(stored),
      other: mastodonOtherSide({ serverUrl: server.origin, token: server.issueToken('fan'), id: fan.id, username: fan.username }, { id: brand.id, username: brand.username }),
      brandId: brand.id,
      reconnect: () => connect(stored),
      connectWithWrongSecret: () => connect({ ...stored, accessToken: 'not-a-token-the-instance-issued' }),
    };
  },
});

// --- Mastodon's own ---------------------------------------------------------

async function brandConnector(options: ReplayOptions = {}, connectorOptions: Partial<Parameters<typeof createMastodonConnector>[0]> = {}) {
  const server = await replay(options);
  const brand = server.createAccount('brand');
  const fan = server.createAccount('fan');
  const http = connectorOptions.http ?? httpClient({ rateLimiter: connectorOptions.rateLimiter });
  const credentials = mastodonCredentialsSchema.parse({ serverUrl: server.origin, accessToken: server.issueToken('brand'), scope: 'read write', createdAt: Math.floor(Date.now() / 1000) });
  const make = (extra: Partial<Parameters<typeof createMastodonConnector>[0]> = {}): MastodonConnector =>
    createMastodonConnector({ credentials, http, journal: createMemoryJournal(), mediaPollIntervalMs: 10, ...connectorOptions, ...extra });
  const fanToken = server.issueToken('fan');
  const asFan = async <T>(method: string, path: string, body?: Record<string, unknown>) => {
    const response = await fetch(new URL(path, server.origin), { method, headers: { authorization: `Bearer ${fanToken}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    assert.ok(response.ok, `${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  return { server, brand, fan, http, credentials, connector: make(), make, asFan };
}

test('Mastodon: OAuth start → authorize → callback → verify_credentials, PKCE checked by the instance', async () => {
  const server = await replay();
  const brand = server.createAccount('brand', { displayName: 'The Brand' });
  const http = httpClient();
  const { start, done, apps } = await connectThroughOAuth(server, http, 'brand');

  assert.equal(start.serverUrl, server.origin);
  assert.equal(start.instance.version, '4.5.0');
  const url = new URL(start.authorizeUrl);
  assert.equal(url.pathname, '/oauth/authorize');
  assert.deepEqual(
    Object.fromEntries([...url.searchParams].filter(([name]) => !['state', 'code_challenge', 'client_id'].includes(name))),
    { response_type: 'code', redirect_uri: redirectUri, scope: 'read write', code_challenge_method: 'S256' },
  );
  assert.match(url.searchParams.get('code_challenge')!, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(url.searchParams.get('code_challenge'), start.codeVerifier, 'S256, not plain');
  const registration = server.requests.find((request) => request.path === '/api/v1/apps')!;
  assert.deepEqual(registration.fields, { client_name: 'Relais', redirect_uris: redirectUri, scopes: 'read write', website: 'https://relais.example' });

  assert.equal(done.profile.remoteId, brand.id);
  assert.equal(done.profile.handle, 'brand@replay.test');
  assert.equal(done.profile.displayName, 'The Brand');
  assert.equal(done.profile.url, 'https://replay.test/@brand');
  assert.equal(done.credentials.accountId, brand.id);
  assert.equal(done.credentials.tokenType, 'Bearer');
  assert.equal(done.credentials.scope, 'read write');
  const token = server.requests.find((request) => request.path === '/oauth/token')!;
  assert.equal(token.fields.grant_type, 'authorization_code');
  assert.equal(token.fields.code_verifier, start.codeVerifier);

  // The app is registered once per instance: a second connection reuses it.
  const again = await startAuthorization(http, {
    server: server.origin.replace('http://', ''),
    redirectUri,
    findApp: async (serverUrl, uri) => apps.get(`${serverUrl} ${uri}`) ?? null,
    saveApp: async () => assert.fail('already registered'),
  }).catch((error: unknown) => error);
  // (without a scheme the address means https, which this loopback server does not speak)
  assert.ok(again instanceof MastodonOAuthError && again.kind === 'unreachable');
  const second = await startAuthorization(http, {
    server: `${server.origin}/`,
    redirectUri,
    findApp: async (serverUrl, uri) => apps.get(`${serverUrl} ${uri}`) ?? null,
    saveApp: async () => assert.fail('already registered'),
  });
  assert.equal(second.app.clientId, start.app.clientId);
  assert.notEqual(second.state, start.state);
  assert.equal(server.requests.filter((request) => request.path === '/api/v1/apps').length, 1);

  // The instance checks the verifier: a code exchanged with another one is refused (and is used up).
  const query = await authorizeInBrowser(second.authorizeUrl, server);
  const wrong = await exchangeCode(http, { app: second.app, code: parseCallback(query, second.state).code, codeVerifier: start.codeVerifier }).catch((error: unknown) => error);
  assert.ok(wrong instanceof MastodonOAuthError);
  assert.equal(wrong.kind, 'rejected');
  assert.match(wrong.networkMessage ?? '', /invalid_grant/);
  // A callback whose state is not the one sent is refused before anything is exchanged.
  assert.throws(() => parseCallback({ ...query, state: 'forged' }, second.state), (error: unknown) => error instanceof MastodonOAuthError && error.kind === 'state_mismatch');
});

test('Mastodon: a refused authorization is a clear error', async () => {
  const server = await replay({ authorization: 'deny' });
  server.createAccount('brand');
  const http = httpClient();
  const start = await startAuthorization(http, { server: server.origin, redirectUri, findApp: async () => null, saveApp: async () => {} });
  const query = await authorizeInBrowser(start.authorizeUrl, server);
  assert.equal(query.error, 'access_denied');
  const failure = await completeAuthorization(http, { app: start.app, query, expectedState: start.state, codeVerifier: start.codeVerifier }).catch((error: unknown) => error);
  assert.ok(failure instanceof MastodonOAuthError);
  assert.equal(failure.kind, 'denied');
  assert.equal(failure.message, 'the authorization was refused');
  assert.equal(failure.networkMessage, 'The resource owner or authorization server denied the request.');
  assert.ok(!server.requests.some((request) => request.path === '/oauth/token'), 'nothing exchanged');
});

test('Mastodon: a server that is not Mastodon, one that does not answer, one Relais may not reach', async () => {
  const http = httpClient({ maxRetries: 0 });
  // A web server: 404 pages on the API paths, an HTML page at the root.
  const web = createServer((request, response) => {
    response.writeHead(request.url === '/' ? 200 : 404, { 'content-type': 'text/html' });
    response.end('<!DOCTYPE html><html><body>Just a blog</body></html>');
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise((resolve) => web.close(resolve)));
  const webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  await assert.rejects(checkInstance(http, webUrl), (error: unknown) => error instanceof MastodonOAuthError && error.kind === 'not_mastodon');

  // A JSON API that is not Mastodon's (200 with other JSON everywhere).
  const other = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise((resolve) => other.close(resolve)));
  await assert.rejects(
    startAuthorization(http, { server: `http://127.0.0.1:${(other.address() as AddressInfo).port}`, redirectUri, findApp: async () => null, saveApp: async () => assert.fail('not registered') }),
    (error: unknown) => error instanceof MastodonOAuthError && error.kind === 'not_mastodon',
  );

  // Nothing listens there.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(checkInstance(http, `http://127.0.0.1:${closedPort}`), (error: unknown) => error instanceof MastodonOAuthError && error.kind === 'unreachable');

  // Without allowPrivateUrls, loopback is Relais' own network: the guard's error, as it is.
  const guarded = httpClient({ allowPrivateUrls: false });
  const server = await replay();
  await assert.rejects(checkInstance(guarded, server.origin), (error: unknown) => error instanceof BlockedUrlError && error.reason === 'private_address');
  assert.equal(server.requests.length, 0);

  // An instance that only has /api/v1/instance (Mastodon < 4) is still Mastodon.
  const old = await replay({ v1InstanceOnly: true });
  const info = await checkInstance(http, old.origin);
  assert.deepEqual([info.source, info.version, info.domain], ['v1', '3.5.3', 'replay.test']);
});

test('Mastodon: a revoked token is auth, a validation error is rejected with the instance’s words', async () => {
  const { server, credentials, connector } = await brandConnector();
  await connector.profile();

  server.inject({ method: 'POST', path: '/api/v1/statuses', respond: { status: 422, body: { error: 'Validation failed: Text contains a forbidden word' } } });
  const refused = await connector.publish({ idempotencyKey: 'k-422', text: 'A perfectly fine text' }).catch((error: unknown) => error);
  assert.ok(isConnectorError('rejected')(refused));
  assert.equal((refused as ConnectorError).networkMessage, 'Validation failed: Text contains a forbidden word');

  server.revokeToken(credentials.accessToken);
  for (const call of [() => connector.profile(), () => connector.activitySince(null), () => connector.publish({ idempotencyKey: 'k-401', text: 'hello' }), () => connector.like({ remoteId: '1', url: '' })]) {
    const failure = await call().catch((error: unknown) => error);
    assert.ok(isConnectorError('auth')(failure));
    assert.equal((failure as ConnectorError).networkMessage, 'The access token is invalid');
    assert.ok(!(failure as Error).message.includes(credentials.accessToken), 'the token is not in the message');
  }
});

test('Mastodon: 429 is rate_limited until X-RateLimit-Reset; the shared limiter then waits without asking', async () => {
  const rateLimiter = createRateLimiter({ maxWaitMs: 1000 });
  const { server, connector } = await brandConnector({}, { rateLimiter });
  await connector.profile();
  const resetAt = new Date(Date.now() + 4 * 60_000);
  server.exhaustRateLimit('brand', resetAt);

  const publishing = await connector.publish({ idempotencyKey: 'k-429', text: 'Later' }).catch((error: unknown) => error);
  assert.ok(isConnectorError('rate_limited')(publishing));
  assert.equal((publishing as ConnectorError).retryAt?.getTime(), resetAt.getTime());
  assert.equal((publishing as ConnectorError).networkMessage, 'Too many requests');

  // The answer's X-RateLimit-* headers were recorded for this account: the next call waits no request.
  const sent = server.requests.length;
  const reading = await connector.activitySince(null).catch((error: unknown) => error);
  assert.ok(isConnectorError('rate_limited')(reading));
  assert.equal((reading as ConnectorError).retryAt?.getTime(), resetAt.getTime());
  assert.equal(server.requests.length, sent, 'no request was sent while the budget is spent');
  const key = `channel:${server.origin}:${server.state.accountByUsername('brand')!.id}`;
  assert.equal(rateLimiter.status(key)?.remaining, 0);
});

test('Mastodon: slow media processing is waited for; the status is sent once the media is ready', async () => {
  const { server, connector, make } = await brandConnector({ mediaProcessingPolls: 3 });
  const image = { bytes: pngImage(20, 10), mimeType: 'image/png', altText: 'An orange rectangle', fileName: 'photo.png' };
  const post = await connector.publish({ idempotencyKey: 'k-media', text: 'With media', media: [image, { ...image, altText: 'Another one' }] });
  const media = server.requests.filter((request) => request.path.startsWith('/api/v2/media') || request.path.startsWith('/api/v1/media/'));
  assert.deepEqual(
    media.map((request) => `${request.method} ${request.status}`),
    ['POST 202', 'GET 206', 'GET 206', 'GET 206', 'GET 200', 'POST 202', 'GET 206', 'GET 206', 'GET 206', 'GET 200'],
  );
  const names = media.filter((request) => request.method === 'POST').map((request) => (request.fields.file as { fileName: string }).fileName);
  assert.equal(new Set(names).size, 2, 'every upload has its own file name');
  assert.ok(names.every((name) => /^relais-[0-9a-f-]{36}\.png$/.test(name)));
  assert.equal(media[0].fields.description, 'An orange rectangle');
  const status = server.state.statuses.get(post.remoteId)!;
  assert.equal(status.mediaIds.length, 2);
  assert.deepEqual(status.mediaIds.map((id) => server.state.media.get(id)!.description), ['An orange rectangle', 'Another one']);

  // Media that never finishes: a transient failure after the time-out, and no status.
  server.options.mediaProcessingPolls = 1_000_000;
  const before = server.statusesOf('brand').length;
  const stuck = await make({ mediaTimeoutMs: 200 }).publish({ idempotencyKey: 'k-stuck', text: 'Never', media: [image] }).catch((error: unknown) => error);
  assert.ok(isConnectorError('transient')(stuck));
  assert.equal(server.statusesOf('brand').length, before);
});

test('Mastodon: the same Idempotency-Key twice makes one status; a lost answer is found again', async () => {
  const { server, make } = await brandConnector();
  // Two connectors that share nothing (two processes): only the server can tell.
  const first = await make().publish({ idempotencyKey: 'k-same', text: 'Only once' });
  const second = await make().publish({ idempotencyKey: 'k-same', text: 'Only once' });
  assert.equal(second.remoteId, first.remoteId);
  assert.equal(server.statusesOf('brand').length, 1);
  const posts = server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/statuses');
  assert.deepEqual(posts.map((request) => request.headers['idempotency-key']), ['k-same', 'k-same']);

  // A server that ignores the header (as snac2 does) and an answer lost on the way back.
  server.options.ignoreIdempotencyKey = true;
  const connector = make();
  server.inject({ method: 'POST', path: '/api/v1/statuses', drop: true });
  const lost = await connector.publish({ idempotencyKey: 'k-lost', text: 'Did it go?' }).catch((error: unknown) => error);
  assert.ok(isConnectorError('unknown_outcome')(lost));
  assert.equal(server.statusesOf('brand').length, 2, 'the instance did create it');
  const found = await connector.findPublished('k-lost');
  assert.equal(found.state, 'published');
  const created = server.statusesOf('brand')[0];
  assert.equal(found.state === 'published' && found.post.remoteId, created.id);
  // The retry finds it too, and sends nothing.
  const retried = await connector.publish({ idempotencyKey: 'k-lost', text: 'Did it go?' });
  assert.equal(retried.remoteId, created.id);
  assert.equal(server.statusesOf('brand').length, 2);

  // A restart forgets the attempt: told what was sent, reconciliation still finds it.
  const restarted = make();
  assert.deepEqual(await restarted.findPublished('k-lost'), { state: 'missing' });
  const hinted = await restarted.findPublished('k-lost', { text: 'Did it go?', startedAt: Date.now() - 60_000 });
  assert.equal(hinted.state === 'published' && hinted.post.remoteId, created.id);
  // An identical text published under another key is not taken for this one.
  const twin = await restarted.publish({ idempotencyKey: 'k-twin', text: 'Did it go?' });
  assert.notEqual(twin.remoteId, created.id);
  assert.equal(server.statusesOf('brand').length, 3);
  const again = await restarted.findPublished('k-lost', { text: 'Did it go?', startedAt: Date.now() - 60_000 });
  assert.equal(again.state === 'published' && again.post.remoteId, created.id);
});

test('Mastodon: limits come from the instance (1,000 characters), with fallbacks', async () => {
  const { server, connector, make } = await brandConnector({ maxCharacters: 1000, maxMediaAttachments: 6, charactersReservedPerUrl: 30 });
  // Publishes starting together (a worker's first batch) ask the instance once, not once each.
  const [limits, ...others] = await Promise.all([connector.limits(), ...Array.from({ length: 9 }, () => make().limits())]);
  assert.equal(server.requests.filter((request) => request.path.endsWith('/instance')).length, 1);
  for (const other of others) assert.deepEqual(other, limits);
  assert.deepEqual(limits, {
    maxLength: 1000,
    lengthUnit: 'characters',
    urlLength: 30,
    maxImages: 6,
    maxVideos: 1,
    imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp', 'image/avif'],
    maxImageBytes: 16777216,
    maxAltTextLength: 1500,
  });
  await connector.publish({ idempotencyKey: 'k-long', text: 'x'.repeat(1000) });
  // A URL counts as 30 here, whatever its length.
  await connector.publish({ idempotencyKey: 'k-url', text: `${'y'.repeat(969)} https://example.com/${'z'.repeat(200)}` });
  await assert.rejects(connector.publish({ idempotencyKey: 'k-too-long', text: 'x'.repeat(1001) }), isConnectorError('rejected'));

  // Mastodon < 4: /api/v1/instance has the same configuration.
  const old = await brandConnector({ v1InstanceOnly: true, maxCharacters: 640 });
  assert.equal((await old.connector.limits()).maxLength, 640);
});

test('Mastodon: notifications page forward without gaps or repeats; DMs, reposts and quotes are told apart', async () => {
  const { server, brand, connector, asFan, make } = await brandConnector();
  const ours = await connector.publish({ idempotencyKey: 'k-ours', text: 'Our post' });
  const empty = await connector.activitySince(null);
  assert.deepEqual(empty, { items: [], cursor: 'mastodon:n:0' }, 'nothing came yet: the cursor still says "from the start"');
  await asFan('POST', `/api/v1/accounts/${brand.id}/follow`);
  const first = await connector.activitySince(null);
  assert.deepEqual(first.items.map((item) => item.kind), ['follow']);
  let cursor = first.cursor;

  // 200 likes from 200 accounts: more than two pages of 80.
  for (let n = 0; n < 200; n += 1) {
    const account = server.createAccount(`liker${n}`);
    server.state.statuses.get(ours.remoteId)!.favouritedBy.add(account.id);
    server.state.notify(brand.id, 'favourite', account.id, ours.remoteId);
  }
  const page = await connector.activitySince(cursor);
  assert.equal(page.items.length, 200);
  assert.equal(new Set(page.items.map((item) => item.id)).size, 200);
  assert.ok(page.items.every((item) => item.kind === 'like' && item.subjectRemoteId === ours.remoteId));
  assert.deepEqual(page.items.map((item) => item.author.handle), Array.from({ length: 200 }, (_, n) => `liker${n}@replay.test`), 'oldest first');
  const notificationPages = server.requests.filter((request) => request.path === '/api/v1/notifications').slice(-3);
  assert.deepEqual(notificationPages.map((request) => request.query.get('min_id') !== null), [true, true, true]);
  cursor = page.cursor;
  assert.deepEqual((await connector.activitySince(cursor)).items, []);

  const dm = await asFan<{ id: string }>('POST', '/api/v1/statuses', { status: '@brand a private word', visibility: 'direct' });
  await asFan('POST', `/api/v1/statuses/${ours.remoteId}/reblog`);
  const quote = await asFan<{ id: string }>('POST', '/api/v1/statuses', { status: 'Look at this', quoted_status_id: ours.remoteId });
  const reply = await asFan<{ id: string }>('POST', '/api/v1/statuses', { status: '@brand Nice one', in_reply_to_id: ours.remoteId });
  // A restart from the stored cursor: only what is new, once.
  const next = await make().activitySince(cursor);
  assert.deepEqual(
    next.items.map((item) => [item.kind, item.post?.remoteId ?? null, item.subjectRemoteId]),
    [
      ['directMessage', dm.id, null],
      ['repost', null, ours.remoteId],
      ['quote', quote.id, ours.remoteId],
      ['reply', reply.id, ours.remoteId],
    ],
  );
  assert.equal(next.items[0].post?.text, '@brand a private word');
  assert.equal(next.items[3].post?.text, 'Nice one', 'the mention that addresses a reply is not part of its text');
  assert.deepEqual((await make().activitySince(next.cursor)).items, []);
});

test('Mastodon: a reply to a direct message stays direct and addresses its author', async () => {
  const { server, connector, asFan } = await brandConnector();
  const dm = await asFan<{ id: string }>('POST', '/api/v1/statuses', { status: '@brand is my order on its way?', visibility: 'direct' });
  const answer = await connector.publish({ idempotencyKey: 'k-dm-answer', text: 'It left this morning.', replyTo: { remoteId: dm.id, url: '' } });
  const status = server.state.statuses.get(answer.remoteId)!;
  assert.equal(status.visibility, 'direct');
  assert.equal(status.text, '@fan It left this morning.');
  assert.deepEqual(status.mentionIds, [server.state.accountByUsername('fan')!.id]);
  assert.equal((await connector.findPublished('k-dm-answer')).state, 'published');
  await assert.rejects(connector.publish({ idempotencyKey: 'k-gone', text: 'Hello?', replyTo: { remoteId: '1', url: '' } }), isConnectorError('rejected'));
});

test('Mastodon: delete on a server that cannot delete is reported, not taken for done', async () => {
  const { server, connector } = await brandConnector();
  const post = await connector.publish({ idempotencyKey: 'k-stays', text: 'Here to stay' });
  server.inject({ method: 'DELETE', path: /^\/api\/v1\/statuses\//, respond: { status: 404, body: { error: 'Not found' } } });
  await assert.rejects(connector.delete(post), isConnectorError('rejected'));
  assert.equal((await connector.getStatus(post)).state, 'published');
  await connector.delete(post);
  assert.deepEqual(await connector.getStatus(post), { state: 'missing' });
});

test('Mastodon: search by text and by hashtag, paged', async () => {
  const { connector, asFan } = await brandConnector();
  for (let n = 0; n < 25; n += 1) await asFan('POST', '/api/v1/statuses', { status: `Spring sale ${n} #springsale` });
  await asFan('POST', '/api/v1/statuses', { status: 'A private note about the spring sale', visibility: 'private' });
  const first = await connector.search('spring sale', null);
  assert.equal(first.items.length, 20);
  assert.ok(first.cursor);
  const second = await connector.search('spring sale', first.cursor);
  assert.equal(second.items.length, 5);
  assert.equal(second.cursor, null);
  assert.equal(second.items.at(-1)?.text, 'Spring sale 0 #springsale');
  assert.equal(second.items.at(-1)?.author.handle, 'fan@replay.test');

  const tagged = await connector.search('#springsale', null);
  assert.equal(tagged.items.length, 20);
  const rest = await connector.search('#springsale', tagged.cursor);
  assert.deepEqual(rest.items.map((item) => item.text), Array.from({ length: 5 }, (_, n) => `Spring sale ${4 - n} #springsale`));
  const ids = new Set([...tagged.items, ...rest.items].map((item) => item.remoteId));
  assert.equal(ids.size, 25);
});

test('Mastodon: stored credentials are validated; the account id is learnt once and stored', async () => {
  const { server, credentials, make } = await brandConnector();
  assert.throws(() => mastodonCredentialsSchema.parse({ serverUrl: 'ftp://x', accessToken: 't', createdAt: 1 }));
  let stored: MastodonCredentials | null = null;
  const connector = make({ credentials: { ...credentials, accountId: undefined }, onCredentialsChanged: async (next) => void (stored = next) });
  await connector.accountMetrics();
  assert.equal(stored!.accountId, server.state.accountByUsername('brand')!.id);
  assert.equal(stored!.accessToken, credentials.accessToken);
  assert.ok(connector instanceof Object && !(connector instanceof ConnectorError));
});
