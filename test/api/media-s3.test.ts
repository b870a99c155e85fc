// Media on S3-compatible storage, against a real S3 server on loopback
// (s3rver: S3's REST API over a folder): the driver itself, then a
// Relais instance configured with RELAIS_S3_* storing and serving through it.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import { S3MediaStorage } from '../../src/server/domain/media/storage-s3.ts';
import { blueskyManifest } from '../../src/server/connectors/bluesky/manifest.ts';
import type { MediaView } from '../../src/shared/api-types.ts';
import { fileForm, gpsMarker, phonePhotoWithGps, photoLikeJpeg } from '../support/media-files.ts';
import { startLocalS3, type LocalS3 } from '../support/s3.ts';
import { startTestRelais, setUpAdminAndWorkspace } from '../support/relais.ts';

describe('media storage configuration', () => {
  const base = { RELAIS_SECRET_KEY: 'ab'.repeat(32), RELAIS_DATA_DIR: '/srv/relais-data' };

  test('without a bucket, media go to the data folder with 15 MB images and 50 MB videos', () => {
    const { media } = loadConfig(base);
    assert.deepEqual(media, { maxImageBytes: 15 * 1024 * 1024, maxVideoBytes: 50 * 1024 * 1024, storage: { kind: 'local', dir: path.join('/srv/relais-data', 'media') } });
  });

  test('a bucket selects S3; half-given settings are reported', () => {
    const { media } = loadConfig({ ...base, RELAIS_S3_BUCKET: 'brand-media', RELAIS_S3_ENDPOINT: 'https://s3.example.net', RELAIS_S3_FORCE_PATH_STYLE: 'true', RELAIS_MEDIA_MAX_IMAGE_MB: '8' });
    assert.deepEqual(media, {
      maxImageBytes: 8 * 1024 * 1024,
      maxVideoBytes: 50 * 1024 * 1024,
      storage: { kind: 's3', endpoint: 'https://s3.example.net', bucket: 'brand-media', region: 'us-east-1', credentials: null, forcePathStyle: true },
    });
    assert.throws(() => loadConfig({ ...base, RELAIS_S3_ENDPOINT: 'https://s3.example.net' }), (error: ConfigError) => error.problems.some((p) => p.startsWith('RELAIS_S3_BUCKET')));
    assert.throws(() => loadConfig({ ...base, RELAIS_S3_BUCKET: 'brand-media', RELAIS_S3_ACCESS_KEY_ID: 'AKIA' }), (error: ConfigError) => error.problems.some((p) => p.includes('set both or neither')));
    assert.throws(() => loadConfig({ ...base, RELAIS_MEDIA_MAX_VIDEO_MB: 'lots' }), ConfigError);
  });
});

describe('media storage on S3', () => {
  let s3: LocalS3;
  let storage: S3MediaStorage;

  before(async () => {
    s3 = await startLocalS3();
    storage = new S3MediaStorage({ kind: 's3', endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }, forcePathStyle: true });
  });

  test('the driver puts, reads (whole and streamed) and deletes objects; a missing one is null', async () => {
    const bytes = Buffer.from('not really a picture, but bytes all the same');
    await storage.put('w1/m1/original.jpg', bytes, 'image/jpeg');
    assert.deepEqual(s3.keys(), ['w1/m1/original.jpg']);
    assert.ok(Buffer.from((await storage.get('w1/m1/original.jpg'))!).equals(bytes));
    const opened = await storage.open('w1/m1/original.jpg');
    assert.equal(opened!.size, bytes.byteLength);
    assert.ok(opened!.stream instanceof Readable);
    assert.ok(Buffer.concat(await opened!.stream.toArray()).equals(bytes));
    assert.equal(await storage.get('w1/m1/missing.jpg'), null);
    assert.equal(await storage.open('w1/m1/missing.jpg'), null);
    await storage.delete('w1/m1/original.jpg');
    assert.equal(await storage.get('w1/m1/original.jpg'), null);
    assert.deepEqual(s3.keys(), []);
    await storage.delete('w1/m1/original.jpg');
  });

  test('requests carry the configured credentials: an unknown access key is refused by the server', async () => {
    // s3rver checks the access key of a Signature V4 request, not the signature itself.
    const wrong = new S3MediaStorage({ kind: 's3', endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: s3.secretAccessKey }, forcePathStyle: true });
    await assert.rejects(wrong.put('w1/x/original.png', Buffer.from('x'), 'image/png'), (error: Error) => error.name === 'InvalidAccessKeyId');
    assert.deepEqual(s3.keys(), []);
    await wrong.close();
  });

  test('keys that could leave the bucket prefix are refused before any request', async () => {
    await assert.rejects(storage.put('../other/x', Buffer.from('x'), 'text/plain'), /invalid media storage key/);
    await assert.rejects(storage.get('/absolute'), /invalid media storage key/);
  });

  test('a Relais configured with RELAIS_S3_* stores originals and thumbnails in the bucket, serves them, and prepares them for a network', async () => {
    const relais = await startTestRelais('sqlite', s3.env);
    assert.equal(relais.relais.services.media.storageKind, 's3');
    const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
    const created = await admin.request<{ media: MediaView }>('POST', `/api/workspaces/${workspaceId}/media`, fileForm(await phonePhotoWithGps(), 'IMG_7.jpg', 'image/jpeg'));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.media.id;
    assert.deepEqual(s3.keys(), [`${workspaceId}/${id}/original.jpg`, `${workspaceId}/${id}/thumbnail.webp`].sort());
    assert.equal(existsSync(path.join(relais.dataDir, 'media')), false, 'nothing in the data folder');

    const file = await admin.bytes(created.body.media.fileUrl);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/jpeg');
    assert.ok(!file.bytes.includes(gpsMarker));
    const thumbnail = await admin.bytes(created.body.media.thumbnailUrl!);
    assert.equal(thumbnail.headers.get('content-type'), 'image/webp');

    const big = await admin.request<{ media: MediaView }>('POST', `/api/workspaces/${workspaceId}/media`, fileForm(await photoLikeJpeg(), 'facade.jpg', 'image/jpeg'));
    const prepared = await relais.relais.services.media.forPublishing(workspaceId, big.body.media.id, blueskyManifest.limits);
    assert.ok(prepared.bytes.byteLength <= 1_000_000);
  });
});
