import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pngImage } from '../../../../test/connectors/contract-suite.ts';
import { sniffImage } from './images.ts';

test('image type and size are read from the bytes', () => {
  assert.deepEqual(sniffImage(pngImage(40, 30)), { mimeType: 'image/png', width: 40, height: 30 });
  const gif = Buffer.from('GIF89a\x20\x00\x10\x00\x00\x00\x00', 'latin1');
  assert.deepEqual(sniffImage(gif), { mimeType: 'image/gif', width: 32, height: 16 });
  // JPEG: SOI, an APP0 segment, then SOF0 with height 480 and width 640.
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03]);
  assert.deepEqual(sniffImage(jpeg), { mimeType: 'image/jpeg', width: 640, height: 480 });
  // WebP (lossless, VP8L): 14-bit width-1 and height-1 after the signature byte.
  const vp8l = Buffer.alloc(30);
  vp8l.write('RIFF', 0, 'latin1');
  vp8l.write('WEBPVP8L', 8, 'latin1');
  vp8l.writeUInt32LE((100 - 1) | ((50 - 1) << 14), 21);
  assert.deepEqual(sniffImage(vp8l), { mimeType: 'image/webp', width: 100, height: 50 });
  assert.equal(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  assert.equal(sniffImage(new Uint8Array()), null);
});
