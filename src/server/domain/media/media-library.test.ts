// The media library as the publisher and the composer use it, on both engines:
// forPublishing hands over a file that fits the network, describe reports what
// the composer checks, and nothing crosses workspaces.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { engines, createTestDatabase } from '../../../../test/support/engines.ts';
import { onCleanup } from '../../../../test/support/cleanup.ts';
import { photoLikeJpeg, shortMp4, solidPng } from '../../../../test/support/media-files.ts';
import { blueskyManifest } from '../../connectors/bluesky/manifest.ts';
import { mastodonManifest } from '../../connectors/mastodon/manifest.ts';
import type { AppError } from '../../errors.ts';
import { MediaLibrary, normalizeTags, type MediaSource } from './media-library.ts';
import { LocalMediaStorage } from './storage-local.ts';

const mb = 1024 * 1024;

for (const engine of engines) {
  describe(`media library (${engine})`, () => {
    async function setUp() {
      const database = await createTestDatabase(engine);
      for (const id of ['w1', 'w2']) {
        await database.db.insertInto('organization').values({ id, name: id, slug: id, logo: null, createdAt: new Date(), metadata: null, language: 'fr', timeZone: 'Europe/Paris' }).execute();
      }
      const dir = mkdtempSync(path.join(tmpdir(), 'relais-media-'));
      onCleanup(() => rmSync(dir, { recursive: true, force: true }));
      return new MediaLibrary(database.db, new LocalMediaStorage(dir), { maxImageBytes: 15 * mb, maxVideoBytes: 50 * mb });
    }
    /** A library whose clock can be moved, with its folder and database to look into. */
    async function setUpWithClock() {
      const database = await createTestDatabase(engine);
      await database.db.insertInto('organization').values({ id: 'w1', name: 'w1', slug: 'w1', logo: null, createdAt: new Date(), metadata: null, language: 'fr', timeZone: 'Europe/Paris' }).execute();
      const dir = mkdtempSync(path.join(tmpdir(), 'relais-media-'));
      onCleanup(() => rmSync(dir, { recursive: true, force: true }));
      const clock = { now: Date.UTC(2027, 0, 4, 9) };
      const library = new MediaLibrary(database.db, new LocalMediaStorage(dir), { maxImageBytes: 15 * mb, maxVideoBytes: 50 * mb }, () => clock.now);
      return { library, clock, dir, db: database.db };
    }
    const isCode = (code: string) => (error: AppError) => {
      assert.equal(error.code, code);
      return true;
    };

    test('forPublishing shrinks a ~3 MB photo under Bluesky’s limit and sends it as stored to Mastodon', async () => {
      const library = await setUp();
      const photo = await photoLikeJpeg();
      const stored = await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'vitrine-noël.jpg', bytes: photo });
      const source: MediaSource = library;
      const forBluesky = await source.forPublishing('w1', stored.id, blueskyManifest.limits);
      assert.ok(forBluesky.bytes.byteLength <= blueskyManifest.limits.maxImageBytes, `${forBluesky.bytes.byteLength} bytes`);
      assert.equal(forBluesky.mimeType, 'image/jpeg');
      assert.equal(forBluesky.fileName, 'vitrine-noël.jpg');
      const forMastodon = await source.forPublishing('w1', stored.id, mastodonManifest.limits);
      assert.equal(forMastodon.bytes.byteLength, stored.sizeBytes, 'within 16 MB: untouched');
    });

    test('a PNG sent where only JPEG is taken is converted and renamed', async () => {
      const library = await setUp();
      const stored = await library.upload({ workspaceId: 'w1', userId: null, fileName: 'logo.png', bytes: await solidPng(500, 500) });
      const fitted = await library.forPublishing('w1', stored.id, { ...blueskyManifest.limits, imageTypes: ['image/jpeg'] });
      assert.equal(fitted.mimeType, 'image/jpeg');
      assert.equal(fitted.fileName, 'logo.jpg');
      assert.equal((await sharp(fitted.bytes).metadata()).format, 'jpeg');
    });

    test('missing, deleted and other workspaces’ media are media_not_found; a video where none is taken is refused', async () => {
      const library = await setUp();
      const image = await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'a.png', bytes: await solidPng(50, 50) });
      const video = await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'clip.mp4', bytes: shortMp4() });
      assert.equal(video.kind, 'video');
      assert.equal(video.durationMs, 2500);
      await assert.rejects(library.forPublishing('w2', image.id, blueskyManifest.limits), isCode('media_not_found'));
      await assert.rejects(library.forPublishing('w1', 'no-such-id', blueskyManifest.limits), isCode('media_not_found'));
      await assert.rejects(library.forPublishing('w1', video.id, blueskyManifest.limits), isCode('media_type_not_accepted'));
      const asVideo = await library.forPublishing('w1', video.id, { ...blueskyManifest.limits, maxVideos: 1 });
      assert.equal(asVideo.mimeType, 'video/mp4');
      await library.remove('w1', image.id);
      await assert.rejects(library.forPublishing('w1', image.id, blueskyManifest.limits), isCode('media_not_found'));
      await assert.rejects(library.remove('w1', image.id), isCode('media_not_found'));
    });

    test('describe returns the views asked for, in order, without missing, deleted or foreign ones', async () => {
      const library = await setUp();
      const a = await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'a.png', bytes: await solidPng(64, 32), altText: 'Un carré vert' });
      const b = await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'b.png', bytes: await solidPng(32, 64) });
      const c = await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'c.png', bytes: await solidPng(10, 10) });
      const foreign = await library.upload({ workspaceId: 'w2', userId: 'u2', fileName: 'd.png', bytes: await solidPng(10, 10) });
      await library.remove('w1', c.id);
      const views = await library.describe('w1', [b.id, 'missing', a.id, c.id, foreign.id]);
      assert.deepEqual(views.map((v) => v.id), [b.id, a.id]);
      assert.deepEqual({ ...views[1], createdAt: '', updatedAt: '' }, {
        id: a.id, kind: 'image', mimeType: 'image/png', fileName: 'a.png', sizeBytes: a.sizeBytes, width: 64, height: 32, durationMs: null,
        altText: 'Un carré vert', tags: [], thumbnailUrl: `/api/workspaces/w1/media/${a.id}/thumbnail`, fileUrl: `/api/workspaces/w1/media/${a.id}/file`, createdAt: '', updatedAt: '',
      });
      assert.deepEqual(await library.describe('w1', []), []);
    });

    test('a deleted file leaves storage a month later; files deleted since, and kept ones, stay', async () => {
      const { library, clock, dir, db } = await setUpWithClock();
      const filesOf = (id: string) => readdirSync(path.join(dir, 'w1', id)).sort();
      const old = await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'ancienne-affiche.png', bytes: await solidPng(40, 40) });
      const recent = await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'affiche-hiver.png', bytes: await solidPng(40, 40) });
      const kept = await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'logo.png', bytes: await solidPng(40, 40) });
      assert.equal(filesOf(old.id).length, 2, 'the original and its thumbnail');
      await library.remove('w1', old.id);
      clock.now += 20 * 24 * 3600 * 1000;
      await library.remove('w1', recent.id);
      assert.equal(await library.purgeDeleted(), 0, 'twenty days after: nothing yet');

      clock.now += (10 * 24 + 1) * 3600 * 1000;
      assert.equal(await library.purgeDeleted(), 1);
      assert.equal(existsSync(path.join(dir, 'w1', old.id)), false, 'its bytes are gone, and its folder');
      assert.equal(filesOf(recent.id).length, 2, 'deleted ten days ago: still there');
      assert.equal(filesOf(kept.id).length, 2);
      const rows = await db.selectFrom('media').select('id').orderBy('id').execute();
      assert.deepEqual(rows.map((row) => row.id).sort(), [recent.id, kept.id].sort());
      assert.equal(await library.purgeDeleted(), 0, 'a second pass finds nothing more');
      assert.equal((await library.get('w1', kept.id)).fileName, 'logo.png');
    });

    test('search ignores case and finds file names, alt texts and tags; LIKE wildcards are plain characters', async () => {
      const library = await setUp();
      await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'Soldes_Hiver.png', bytes: await solidPng(10, 10) });
      await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'x.png', bytes: await solidPng(10, 10), altText: 'Vitrine de NOËL' });
      await library.upload({ workspaceId: 'w1', userId: 'u1', fileName: 'y.png', bytes: await solidPng(10, 10), tags: ['#Boutique', 'boutique ', 'été'] });
      await library.upload({ workspaceId: 'w2', userId: 'u1', fileName: 'soldes-w2.png', bytes: await solidPng(10, 10) });
      const names = async (search: string) => (await library.list('w1', { search })).media.map((m) => m.fileName).sort();
      assert.deepEqual(await names('soldes'), ['Soldes_Hiver.png']);
      assert.deepEqual(await names('vitrine'), ['x.png']);
      assert.deepEqual(await names('BOUTIQUE'), ['y.png']);
      assert.deepEqual(await names('%'), []);
      assert.deepEqual(await names('s_h'), ['Soldes_Hiver.png']);
      assert.deepEqual(await names('s_'), ['Soldes_Hiver.png'], '_ is not "any character"');
      const page = await library.list('w1', { limit: 2 });
      assert.equal(page.total, 3);
      assert.equal(page.media.length, 2);
      assert.equal(page.nextOffset, 2);
      const last = await library.list('w1', { limit: 2, offset: 2 });
      assert.equal(last.media.length, 1);
      assert.equal(last.nextOffset, null);
    });

    test('tags are trimmed, without #, each once', () => {
      assert.deepEqual(normalizeTags([' #Été ', 'été', 'soldes  2026', '', '##']), ['Été', 'soldes 2026']);
    });
  });
}
