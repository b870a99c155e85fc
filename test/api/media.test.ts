// The media library through the API, on both engines: a phone photo loses its
// GPS position and is stored upright, thumbnails and files are served to
// members only, wrong types and heavy files are refused in the caller's
// language with nothing stored, search, alt text, soft deletion, roles and
// workspace isolation.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { engines } from '../support/engines.ts';
import { fileForm, gpsMarker, phonePhotoWithGps, shortMp4, solidPng } from '../support/media-files.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type TestRelais, type ApiClient } from '../support/relais.ts';
import type { MediaPage, MediaView } from '../../src/shared/api-types.ts';

type Error = { code: string; message: string };

/** Every file under the media folder of the data directory. */
function storedFiles(relais: TestRelais): string[] {
  const root = path.join(relais.dataDir, 'media');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const download = (client: ApiClient, url: string, headers: Record<string, string> = {}) => client.bytes(url, headers);

for (const engine of engines) {
  describe(`media library API (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    let base: string;

    before(async () => {
      relais = await startTestRelais(engine);
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      base = `/api/workspaces/${workspaceId}/media`;
    });

    const upload = (client: ApiClient, bytes: Uint8Array, name: string, type: string) => client.request<{ media: MediaView } & Error>('POST', base, fileForm(bytes, name, type));

    test('a phone photo is stored upright and without its EXIF (no GPS position); its thumbnail is a small WebP', async () => {
      const photo = await phonePhotoWithGps();
      const created = await upload(admin, photo, 'IMG_2041.jpg', 'image/jpeg');
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const media = created.body.media;
      assert.equal(media.kind, 'image');
      assert.equal(media.mimeType, 'image/jpeg');
      assert.equal(media.fileName, 'IMG_2041.jpg');
      assert.deepEqual([media.width, media.height], [200, 400], 'the EXIF orientation was applied');

      const file = await download(admin, media.fileUrl);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'image/jpeg');
      assert.match(file.headers.get('cache-control') ?? '', /private/);
      assert.equal(Number(file.headers.get('content-length')), media.sizeBytes);
      assert.ok(!file.bytes.includes(gpsMarker), 'the GPS block is gone');
      const meta = await sharp(file.bytes).metadata();
      assert.equal(meta.exif, undefined, 'no EXIF at all');
      assert.ok(meta.orientation === undefined || meta.orientation === 1);
      assert.deepEqual([meta.width, meta.height], [200, 400]);
      // And on disk, too.
      for (const stored of storedFiles(relais)) assert.ok(!readFileSync(stored).includes(gpsMarker), stored);

      const etag = file.headers.get('etag')!;
      assert.ok(etag);
      const again = await download(admin, media.fileUrl, { 'if-none-match': etag });
      assert.equal(again.status, 304);

      const thumbnail = await download(admin, media.thumbnailUrl!);
      assert.equal(thumbnail.status, 200);
      assert.equal(thumbnail.headers.get('content-type'), 'image/webp');
      const thumbMeta = await sharp(thumbnail.bytes).metadata();
      assert.equal(thumbMeta.format, 'webp');
      assert.ok(Math.max(thumbMeta.width!, thumbMeta.height!) <= 320);

      const anonymous = await fetch(relais.baseUrl + media.fileUrl);
      assert.equal(anonymous.status, 401, 'files are for members only');
    });

    test('a wrong type is refused with a French message, and nothing is stored', async () => {
      const before = { files: storedFiles(relais).length, rows: (await relais.relais.services.database.db.selectFrom('media').selectAll().execute()).length };
      admin.locale = 'fr';
      try {
        const text = await upload(admin, Buffer.from('%PDF-1.7 not an image'), 'devis.pdf', 'application/pdf');
        assert.equal(text.status, 415);
        assert.equal(text.body.code, 'media_type_unsupported');
        assert.match(text.body.message, /Relais ne peut pas utiliser ce fichier/);
        // Declared as a PNG, but it is not one: the content decides.
        const disguised = await upload(admin, Buffer.from('#!/bin/sh\necho hello\n'), 'photo.png', 'image/png');
        assert.equal(disguised.status, 415);
        assert.equal(disguised.body.code, 'media_type_unsupported');
        const noFile = await admin.post<Error>(base, { file: 'nope' });
        assert.equal(noFile.status, 400);
        assert.equal(noFile.body.code, 'media_file_missing');
      } finally {
        admin.locale = 'en';
      }
      assert.equal(storedFiles(relais).length, before.files);
      assert.equal((await relais.relais.services.database.db.selectFrom('media').selectAll().execute()).length, before.rows);
    });

    test('an image over 15 MB (the default) is refused in French, and nothing is stored', async () => {
      const before = storedFiles(relais).length;
      const heavy = Buffer.concat([await solidPng(10, 10), Buffer.alloc(15 * 1024 * 1024 + 10, 7)]);
      admin.locale = 'fr';
      try {
        const refused = await upload(admin, heavy, 'affiche.png', 'image/png');
        assert.equal(refused.status, 413);
        assert.equal(refused.body.code, 'media_too_large');
        assert.match(refused.body.message, /trop lourd.*15 Mo.*50 Mo/);
      } finally {
        admin.locale = 'en';
      }
      assert.equal(storedFiles(relais).length, before);
    });

    test('an MP4 video is kept as uploaded, with its duration and size; it has no thumbnail', async () => {
      const clip = shortMp4();
      const created = await upload(admin, clip, 'teaser.mp4', 'video/mp4');
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const media = created.body.media;
      assert.deepEqual([media.kind, media.mimeType, media.durationMs, media.width, media.height, media.thumbnailUrl], ['video', 'video/mp4', 2500, 640, 360, null]);
      const file = await download(admin, media.fileUrl);
      assert.equal(file.headers.get('content-type'), 'video/mp4');
      assert.ok(file.bytes.equals(clip), 'byte for byte');
      assert.equal((await download(admin, `${base}/${media.id}/thumbnail`)).status, 404);
    });

    test('alt text and tags are edited; search finds file names, alt texts and tags; pages', async () => {
      const shop = await upload(admin, await solidPng(640, 480), 'vitrine.png', 'image/png');
      const edited = await admin.patch<{ media: MediaView }>(`${base}/${shop.body.media.id}`, { altText: 'La vitrine décorée pour Noël', tags: ['#noël', 'boutique'] });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.media.altText, 'La vitrine décorée pour Noël');
      assert.deepEqual(edited.body.media.tags, ['noël', 'boutique']);
      assert.equal((await admin.get<{ media: MediaView }>(`${base}/${shop.body.media.id}`)).body.media.altText, 'La vitrine décorée pour Noël');

      const search = async (q: string) => (await admin.get<MediaPage>(`${base}?search=${encodeURIComponent(q)}`)).body.media.map((m) => m.fileName);
      assert.deepEqual(await search('VITRINE'), ['vitrine.png']);
      assert.deepEqual(await search('décorée'), ['vitrine.png']);
      assert.deepEqual(await search('boutique'), ['vitrine.png']);
      assert.deepEqual(await search('teaser'), ['teaser.mp4']);
      assert.deepEqual(await search('nothing like this'), []);
      const videos = await admin.get<MediaPage>(`${base}?kind=video`);
      assert.deepEqual(videos.body.media.map((m) => m.kind), ['video']);

      const all = await admin.get<MediaPage>(base);
      assert.equal(all.body.total, 3);
      assert.equal(all.body.media[0].fileName, 'vitrine.png', 'newest first');
      const first = await admin.get<MediaPage>(`${base}?limit=2`);
      assert.deepEqual([first.body.media.length, first.body.nextOffset], [2, 2]);
      const second = await admin.get<MediaPage>(`${base}?limit=2&offset=2`);
      assert.deepEqual([second.body.media.length, second.body.nextOffset], [1, null]);

      const tooLong = await admin.patch<Error>(`${base}/${shop.body.media.id}`, { altText: 'x'.repeat(2001) });
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.body.code, 'validation');
    });

    test('analysts see the library but cannot change it; contributors upload and edit', async () => {
      const { member: analyst } = await inviteAndJoin(relais, admin, workspaceId, `analyst-${engine}@example.com`, 'analyst', 'Anna Analyst');
      const { member: contributor } = await inviteAndJoin(relais, admin, workspaceId, `writer-${engine}@example.com`, 'contributor', 'Wes Writer');
      const listed = await analyst.get<MediaPage>(base);
      assert.equal(listed.status, 200);
      const someone = listed.body.media[0];
      assert.equal((await download(analyst, someone.fileUrl)).status, 200);
      assert.equal((await upload(analyst, await solidPng(20, 20), 'a.png', 'image/png')).status, 403);
      assert.equal((await analyst.patch(`${base}/${someone.id}`, { altText: 'no' })).status, 403);
      assert.equal((await analyst.delete(`${base}/${someone.id}`)).status, 403);
      const mine = await upload(contributor, await solidPng(20, 20), 'c.png', 'image/png');
      assert.equal(mine.status, 201);
      assert.equal((await contributor.patch(`${base}/${mine.body.media.id}`, { altText: 'Un petit carré' })).status, 200);
    });

    test('deleting hides the file from the library, its addresses and publishing; the row is kept', async () => {
      const created = await upload(admin, await solidPng(30, 30), 'ancien-logo.png', 'image/png');
      const id = created.body.media.id;
      const removed = await admin.delete(`${base}/${id}`);
      assert.equal(removed.status, 204);
      const gone = await admin.get<Error>(`${base}/${id}`);
      assert.equal(gone.status, 404);
      assert.equal(gone.body.code, 'media_not_found');
      assert.equal((await download(admin, created.body.media.fileUrl)).status, 404);
      assert.equal((await download(admin, created.body.media.thumbnailUrl!)).status, 404);
      assert.equal((await admin.patch(`${base}/${id}`, { altText: 'x' })).status, 404);
      assert.equal((await admin.delete(`${base}/${id}`)).status, 404);
      assert.ok(!(await admin.get<MediaPage>(base)).body.media.some((m) => m.id === id));
      const row = await relais.relais.services.database.db.selectFrom('media').select(['deleted_at']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(row.deleted_at);
    });

    test("another workspace's media are not found, through that workspace or by an outsider", async () => {
      const mine = (await admin.get<MediaPage>(base)).body.media[0];
      const other = await admin.post<{ workspace: { id: string } }>('/api/workspaces', { name: `Client B ${engine}`, language: 'en', timeZone: 'Europe/London' });
      const otherBase = `/api/workspaces/${other.body.workspace.id}/media`;
      for (const url of [`${otherBase}/${mine.id}`, `${otherBase}/${mine.id}/file`, `${otherBase}/${mine.id}/thumbnail`]) {
        const answer = await admin.get<Error>(url);
        assert.equal(answer.status, 404, url);
        assert.equal(answer.body.code, 'media_not_found');
      }
      assert.equal((await admin.patch(`${otherBase}/${mine.id}`, { altText: 'x' })).status, 404);
      assert.equal((await admin.get<MediaPage>(otherBase)).body.total, 0);

      const { member: outsider } = await inviteAndJoin(relais, admin, other.body.workspace.id, `outsider-${engine}@example.com`, 'owner', 'Oscar Outsider');
      for (const url of [`${base}/${mine.id}`, mine.fileUrl, mine.thumbnailUrl!]) {
        const answer = await outsider.get<Error>(url);
        assert.equal(answer.status, 404, url);
        assert.equal(answer.body.code, 'not_found');
      }
      assert.equal((await upload(outsider, await solidPng(10, 10), 'x.png', 'image/png')).status, 404);
    });
  });
}
