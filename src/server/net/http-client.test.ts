import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../logger.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { createHttpClient, HttpRequestError, type HttpClientOptions } from './http-client.ts';
import { createRateLimiter, RateLimitedError } from './rate-limiter.ts';
import { BlockedUrlError } from './ssrf-guard.ts';
import { startTestServer } from './test-http-server.ts';

const silent = createLogger({ logLevel: 'silent' });

function client(options: Partial<HttpClientOptions> = {}) {
  const created = createHttpClient({ allowPrivateUrls: true, logger: silent, retryBaseDelayMs: 5, ...options });
  onCleanup(() => created.close());
  return created;
}

/** A server that answers with the given statuses in turn, then 200. */
function statuses(...sequence: Array<number | [number, Record<string, string>]>) {
  return startTestServer((_request, response, hit) => {
    const step = sequence[hit - 1] ?? 200;
    const [status, headers] = Array.isArray(step) ? step : [step, {}];
    response.writeHead(status, headers).end(status === 200 ? '{"ok":true}' : 'try again');
  });
}

const failure = (reason: HttpRequestError['reason']) => (error: unknown) => error instanceof HttpRequestError && error.reason === reason;

describe('http client', () => {
  test('sends a clear User-Agent and encodes bodies', async () => {
    const server = await startTestServer((_request, response) => response.end('{"id":"42","name":"relais"}'));
    const http = client();
    const response = await http.request({ method: 'POST', url: `${server.origin}/statuses`, body: { status: 'Bonjour', visibility: 'public' }, headers: { 'User-Agent': 'curl/8' } });
    assert.equal(response.status, 200);
    assert.equal(response.ok, true);
    assert.deepEqual(response.json(), { id: '42', name: 'relais' });
    assert.equal(response.text(), '{"id":"42","name":"relais"}');
    assert.equal(response.bytes().byteLength, 27);
    assert.match(server.hits[0].headers['user-agent'] ?? '', /^Relais\/\d+\.\d+\.\d+[^ ]* \(\+https:\/\/github\.com\/relais-social\/relais\)$/);
    assert.equal(server.hits[0].headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(server.hits[0].body), { status: 'Bonjour', visibility: 'public' });

    await http.request({ method: 'POST', url: `${server.origin}/form`, body: new URLSearchParams({ grant_type: 'authorization_code', code: 'c' }) });
    assert.equal(server.hits[1].body, 'grant_type=authorization_code&code=c');
    assert.match(server.hits[1].headers['content-type'] ?? '', /^application\/x-www-form-urlencoded/);

    const form = new FormData();
    form.append('description', 'alt text');
    form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'pixel.png');
    await http.request({ method: 'POST', url: `${server.origin}/media`, body: form });
    assert.match(server.hits[2].headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
    assert.match(server.hits[2].body, /name="description"\r\n\r\nalt text/);
    assert.match(server.hits[2].body, /filename="pixel.png"\r\nContent-Type: image\/png/);

    await http.request({ method: 'PUT', url: `${server.origin}/raw`, body: 'plain', headers: { 'content-type': 'text/plain' } });
    assert.deepEqual([server.hits[3].body, server.hits[3].headers['content-type']], ['plain', 'text/plain']);
  });

  test('a request with no complete response in time fails with a timeout', async () => {
    const server = await startTestServer(() => {}); // never answers
    const started = performance.now();
    await assert.rejects(client().request({ method: 'POST', url: `${server.origin}/slow`, timeoutMs: 150 }), failure('timeout'));
    assert.ok(performance.now() - started < 1_000);
    assert.equal(server.hits.length, 1);
  });

  test('the timeout also covers a body that trickles', async () => {
    const server = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('start…');
      // …and never finishes.
    });
    await assert.rejects(client().request({ method: 'POST', url: `${server.origin}/`, timeoutMs: 150 }), failure('timeout'));
  });

  test('GET is retried on 503, then succeeds', async () => {
    const server = await statuses(503, 502);
    const response = await client().request({ method: 'GET', url: `${server.origin}/timeline` });
    assert.equal(response.status, 200);
    assert.equal(server.hits.length, 3);
  });

  test('retries stop after 3, returning the last answer', async () => {
    const server = await statuses(503, 503, 503, 503, 503);
    const response = await client().request({ method: 'GET', url: `${server.origin}/` });
    assert.equal(response.status, 503);
    assert.equal(server.hits.length, 4);
  });

  test('a POST is never retried without idempotent: true', async () => {
    const server = await statuses(503, 503);
    const response = await client().request({ method: 'POST', url: `${server.origin}/statuses`, body: { status: 'once' } });
    assert.equal(response.status, 503);
    assert.equal(server.hits.length, 1);

    const dropping = await startTestServer((request) => request.socket.destroy());
    await assert.rejects(client().request({ method: 'POST', url: `${dropping.origin}/statuses`, body: 'x' }), failure('network'));
    assert.equal(dropping.hits.length, 1, 'not even after a network error');
  });

  test('a POST marked idempotent is retried, body and all', async () => {
    const server = await statuses(504);
    const response = await client().request({ method: 'POST', url: `${server.origin}/statuses`, body: { status: 'once' }, headers: { 'Idempotency-Key': 'k1' }, idempotent: true });
    assert.equal(response.status, 200);
    assert.equal(server.hits.length, 2);
    assert.equal(server.hits[1].body, '{"status":"once"}');
    assert.equal(server.hits[1].headers['idempotency-key'], 'k1');
  });

  test('GET is retried after a network error', async () => {
    const server = await startTestServer((request, response, hit) => (hit === 1 ? request.socket.destroy() : response.end('ok')));
    assert.equal((await client().request({ method: 'GET', url: `${server.origin}/` })).text(), 'ok');
    assert.equal(server.hits.length, 2);
  });

  test('non-retryable statuses are returned at once', async () => {
    const server = await statuses(500, 404);
    assert.equal((await client().request({ method: 'GET', url: `${server.origin}/` })).status, 500);
    assert.equal((await client().request({ method: 'GET', url: `${server.origin}/` })).status, 404);
    assert.equal(server.hits.length, 2);
  });

  test('429 waits for Retry-After before retrying', async () => {
    const server = await statuses([429, { 'retry-after': '1' }]);
    const limiter = createRateLimiter();
    const started = performance.now();
    const response = await client({ rateLimiter: limiter }).request({ method: 'GET', url: `${server.origin}/`, budgetKeys: ['channel:1'] });
    const waited = performance.now() - started;
    assert.equal(response.status, 200);
    assert.equal(server.hits.length, 2);
    assert.ok(waited >= 950 && waited < 3_000, `waited ${waited} ms`);
  });

  test('a Retry-After beyond the max wait becomes RateLimitedError, for the job queue to reschedule', async () => {
    const server = await statuses([429, { 'retry-after': '3600' }], [429, { 'retry-after': '3600' }]);
    const limiter = createRateLimiter();
    const started = Date.now();
    const error = await client({ rateLimiter: limiter }).request({ method: 'GET', url: `${server.origin}/`, budgetKeys: ['channel:1'] }).then(() => null, (caught: unknown) => caught);
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.key, 'channel:1');
    assert.ok(error.retryAt >= started + 3_599_000);
    assert.equal(server.hits.length, 1);
    const until = limiter.status('channel:1')?.resetAt ?? 0;
    assert.ok(Math.abs(until - error.retryAt) < 1_000, 'the UI can show "rate-limited until"');

    const unbudgeted = await client().request({ method: 'GET', url: `${server.origin}/` }).then(() => null, (caught: unknown) => caught);
    assert.ok(unbudgeted instanceof RateLimitedError, 'without a limiter too');

    const post = await client().request({ method: 'POST', url: `${server.origin}/` });
    assert.equal(post.status, 200, 'a POST is not retried: the caller sees the answer as it is');
  });

  test('an exhausted budget stops the next request before it leaves', async () => {
    const server = await startTestServer((_request, response) =>
      response.writeHead(200, { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(Date.now() + 3_600_000).toISOString() }).end('{}'),
    );
    const limiter = createRateLimiter({ maxWaitMs: 60_000 });
    const http = client({ rateLimiter: limiter });
    await http.request({ method: 'GET', url: `${server.origin}/`, budgetKeys: ['channel:1', 'app:local'] });
    assert.equal(limiter.status('channel:1')?.remaining, 0);
    await assert.rejects(http.request({ method: 'GET', url: `${server.origin}/`, budgetKeys: ['channel:1'] }), RateLimitedError);
    assert.equal(server.hits.length, 1, 'the second request never left');
    await http.request({ method: 'GET', url: `${server.origin}/`, budgetKeys: ['channel:2'] });
    assert.equal(server.hits.length, 2, 'another channel is not held back');
    await assert.rejects(http.request({ method: 'GET', url: `${server.origin}/`, budgetKeys: ['channel:3', 'app:local'] }), RateLimitedError, 'the app budget was marked spent too');

    // Per-account headers should not spend the instance-wide budget.
    await http.request({ method: 'GET', url: `${server.origin}/`, budgetKeys: ['channel:4', 'app:other'], headerBudgetKeys: ['channel:4'] });
    assert.equal(limiter.status('app:other'), null);
    await http.request({ method: 'GET', url: `${server.origin}/`, budgetKeys: ['channel:5', 'app:other'] });
    assert.equal(server.hits.length, 4);
  });

  test('responses over the size cap are aborted', async () => {
    const big = 'x'.repeat(256 * 1024);
    const server = await startTestServer((request, response) => {
      if (request.url === '/declared') response.writeHead(200, { 'content-length': String(big.length * 8) });
      for (let i = 0; i < 8; i += 1) response.write(big);
      response.end();
    });
    const http = client();
    await assert.rejects(http.request({ method: 'GET', url: `${server.origin}/declared`, maxResponseBytes: 1024 * 1024 }), failure('response_too_large'));
    await assert.rejects(http.request({ method: 'GET', url: `${server.origin}/chunked`, maxResponseBytes: 1024 * 1024 }), failure('response_too_large'));
    assert.equal(server.hits.length, 2, 'a too-large response is not retried');
    assert.equal((await client({ maxResponseBytes: 4 * 1024 * 1024 }).request({ method: 'GET', url: `${server.origin}/chunked` })).bytes().byteLength, big.length * 8);
  });

  test('private addresses are refused unless allowed, and the refusal is not retried', async () => {
    const server = await startTestServer((_request, response) => response.end('internal'));
    await assert.rejects(client({ allowPrivateUrls: false }).request({ method: 'GET', url: `${server.origin}/` }), BlockedUrlError);
    await assert.rejects(client({ allowPrivateUrls: false }).request({ method: 'GET', url: `http://localhost:${server.port}/` }), BlockedUrlError);
    assert.equal(server.hits.length, 0);
  });

  test('the caller can cancel, and a cancelled request is not retried', async () => {
    const controller = new AbortController();
    // Cancelled once the server has the request (never answered), whatever the machine's load.
    const server = await startTestServer(() => controller.abort(new Error('job cancelled')));
    const pending = client().request({ method: 'GET', url: `${server.origin}/`, signal: controller.signal });
    await assert.rejects(pending, /job cancelled/);
    assert.equal(server.hits.length, 1);
  });

  test('logs say where and how it went, never credentials, bodies or query strings', async () => {
    const server = await statuses(503);
    let output = '';
    const capture = new Writable({ write(chunk, _encoding, done) { output += String(chunk); done(); } });
    const http = client({ logger: createLogger({ logLevel: 'debug' }, capture) });
    await http.request({
      method: 'POST',
      url: `${server.origin}/api/v1/statuses?access_token=query-secret-123`,
      headers: { Authorization: 'Bearer header-secret-456', Cookie: 'session=cookie-secret-789' },
      body: { status: 'body-secret-000' },
      idempotent: true,
    });
    const lines = output.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(lines.length, 2, 'one line per attempt');
    assert.deepEqual(
      lines.map(({ level, method, host, path, status, attempt }) => ({ level, method, host, path, status, attempt })),
      [
        { level: 20, method: 'POST', host: `127.0.0.1:${server.port}`, path: '/api/v1/statuses', status: 503, attempt: 1 },
        { level: 20, method: 'POST', host: `127.0.0.1:${server.port}`, path: '/api/v1/statuses', status: 200, attempt: 2 },
      ],
    );
    assert.equal(typeof lines[0].durationMs, 'number');
    for (const secret of ['query-secret-123', 'header-secret-456', 'cookie-secret-789', 'body-secret-000', 'access_token']) assert.ok(!output.includes(secret), `${secret} leaked into the log`);
    assert.equal(server.hits[0].headers.authorization, 'Bearer header-secret-456', 'the header itself was sent');
  });

  test('errors do not echo the query string or the response text', async () => {
    const server = await startTestServer((_request, response) => response.end('leaky-value'));
    const http = client();
    const response = await http.request({ method: 'GET', url: `${server.origin}/oauth?code=auth-code-secret` });
    assert.throws(() => response.json(), (error: Error) => error instanceof SyntaxError && !error.message.includes('leaky-value'));
    const silentServer = await startTestServer(() => {});
    await assert.rejects(http.request({ method: 'POST', url: `${silentServer.origin}/hook?token=hook-secret`, timeoutMs: 50 }), (error: Error) => !error.message.includes('hook-secret') && error.message.includes('/hook'));
  });
});
