// Media URLs in a CSV go through the SSRF guard: the dry run refuses local and
// private addresses (unless the instance allows them) and malformed URLs without
// downloading anything; a download that goes wrong is an error naming the host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMediaUrlSource } from './media-urls.ts';
import { createHttpClient } from '../../net/http-client.ts';
import { createSsrfGuard } from '../../net/ssrf-guard.ts';
import { startTestServer } from '../../net/test-http-server.ts';
import { AppError } from '../../errors.ts';

const silent = { debug: () => undefined };

function source(allowPrivateUrls: boolean, maxBytes = 1024) {
  const guard = createSsrfGuard({ allowPrivateUrls });
  const http = createHttpClient({ allowPrivateUrls, logger: silent, maxRetries: 0 });
  return createMediaUrlSource({ http, guard, maxBytes: () => maxBytes, tooLarge: () => new AppError(413, 'media_too_large', { imageMax: 0, videoMax: 0 }) });
}

test('the dry run refuses private addresses and malformed URLs, and fetches nothing', async () => {
  const server = await startTestServer((_request, response) => response.end('x'));
  const strict = source(false);
  assert.deepEqual(await strict.check(`${server.origin}/photo.png`), { code: 'csv_media_url_refused', params: { host: server.origin.slice('http://'.length) } });
  assert.deepEqual(await strict.check('http://10.1.2.3/photo.png'), { code: 'csv_media_url_refused', params: { host: '10.1.2.3' } });
  assert.equal((await strict.check('ftp://example.com/photo.png'))?.code, 'csv_media_url_invalid');
  assert.equal((await strict.check('https://user:secret@example.com/photo.png'))?.code, 'csv_media_url_invalid');
  assert.equal((await strict.check('photo.png'))?.code, 'csv_media_url_invalid');
  assert.equal(await source(true).check(`${server.origin}/photo.png`), null, 'allowed when the instance allows private URLs');
  assert.equal(server.hits.length, 0);
});

test('downloads: the bytes and the file name; a 404, a refused address or a file too heavy is an error', async () => {
  const server = await startTestServer((request, response) => {
    if (request.url === '/ok/bouquet%20rose.png') response.end(Buffer.alloc(100, 1));
    else if (request.url === '/heavy.png') response.end(Buffer.alloc(5000, 1));
    else response.writeHead(404).end();
  });
  const open = source(true);
  const file = await open.download(`${server.origin}/ok/bouquet%20rose.png`);
  assert.equal(file.bytes.byteLength, 100);
  assert.equal(file.fileName, 'bouquet rose.png');
  await assert.rejects(open.download(`${server.origin}/missing.png`), (error: unknown) => error instanceof AppError && error.code === 'csv_media_download_failed' && error.params.reason === 'HTTP 404');
  await assert.rejects(open.download(`${server.origin}/heavy.png`), (error: unknown) => error instanceof AppError && error.code === 'media_too_large');
  await assert.rejects(source(false).download(`${server.origin}/ok/bouquet%20rose.png`), (error: unknown) => error instanceof AppError && error.code === 'csv_media_url_refused');
});
