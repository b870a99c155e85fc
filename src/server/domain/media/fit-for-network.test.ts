// Per-network preparation: a file is sent as stored when it fits, otherwise
// re-encoded and shrunk until it does, or refused with a clear code.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { blueskyManifest } from '../../connectors/bluesky/manifest.ts';
import type { AppError } from '../../errors.ts';
import { photoLikeJpeg, solidPng, transparentNoisyPng } from '../../../../test/support/media-files.ts';
import { fitImage, renameFor } from './fit-for-network.ts';

const bluesky = { types: blueskyManifest.limits.imageTypes, maxBytes: blueskyManifest.limits.maxImageBytes };

describe('fitting an image to a network', () => {
  test('a ~3 MB photo is brought under Bluesky’s 1,000,000 bytes, still a JPEG of the same proportions', async () => {
    const photo = await photoLikeJpeg();
    assert.ok(photo.byteLength > 2_500_000 && photo.byteLength < 4_000_000, `fixture weighs ${photo.byteLength} bytes`);
    const started = performance.now();
    const fitted = await fitImage({ bytes: photo, mimeType: 'image/jpeg' }, bluesky);
    const elapsed = performance.now() - started;
    assert.ok(fitted.bytes.byteLength <= 1_000_000, `${fitted.bytes.byteLength} bytes`);
    assert.equal(fitted.mimeType, 'image/jpeg');
    const meta = await sharp(fitted.bytes).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.ok(Math.abs(meta.width! / meta.height! - 1.5) < 0.01, 'proportions kept');
    console.log(`# fit: ${photo.byteLength} → ${fitted.bytes.byteLength} bytes, ${meta.width}×${meta.height}, ${fitted.attempts} encodings, ${Math.round(elapsed)} ms`);
  });

  test('a file that already fits is sent exactly as stored', async () => {
    const png = await solidPng(300, 200);
    const fitted = await fitImage({ bytes: png, mimeType: 'image/png' }, bluesky);
    assert.equal(fitted.attempts, 0);
    assert.equal(fitted.bytes, png);
  });

  test('a type the network does not take is converted; transparency becomes white in a JPEG', async () => {
    const png = await transparentNoisyPng(400, 300);
    const fitted = await fitImage({ bytes: png, mimeType: 'image/png' }, { types: ['image/jpeg'], maxBytes: 5_000_000 });
    assert.equal(fitted.mimeType, 'image/jpeg');
    const { data } = await sharp(fitted.bytes).raw().toBuffer({ resolveWithObject: true });
    // The first pixel is in the transparent half.
    assert.ok(data[0] > 240 && data[1] > 240 && data[2] > 240, `first pixel ${data[0]},${data[1]},${data[2]}`);
  });

  test('a heavy transparent PNG keeps its transparency when the network takes WebP', async () => {
    const png = await transparentNoisyPng();
    assert.ok(png.byteLength > 1_000_000);
    const fitted = await fitImage({ bytes: png, mimeType: 'image/png' }, bluesky);
    assert.ok(fitted.bytes.byteLength <= 1_000_000);
    assert.equal(fitted.mimeType, 'image/webp');
    assert.equal((await sharp(fitted.bytes).metadata()).hasAlpha, true);
  });

  test('what cannot be made to fit, or is not taken at all, is refused with its own code', async () => {
    const photo = await photoLikeJpeg(800, 600);
    await assert.rejects(fitImage({ bytes: photo, mimeType: 'image/jpeg' }, { types: ['image/jpeg'], maxBytes: 500 }), (error: AppError) => {
      assert.equal(error.code, 'media_cannot_fit');
      assert.equal(error.statusCode, 422);
      return true;
    });
    await assert.rejects(fitImage({ bytes: photo, mimeType: 'image/jpeg' }, { types: [], maxBytes: 1_000_000 }), (error: AppError) => error.code === 'media_type_not_accepted');
  });

  test('file names follow the new type', () => {
    assert.equal(renameFor('plage.png', 'jpg'), 'plage.jpg');
    assert.equal(renameFor('été 2026', 'webp'), 'été 2026.webp');
    assert.equal(renameFor('.png', 'jpg'), 'image.jpg');
  });
});
