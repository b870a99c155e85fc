// Files for media tests, made on the spot with the same libraries Relais uses:
// a phone photo with its GPS position and a sideways EXIF orientation, a
// photo-like image of a few megabytes, a transparent PNG, a short MP4.
import sharp from 'sharp';
import { createFile } from 'mp4box';

/** Written into the fixture's GPS block: finding it in a stored file means the position leaked. */
export const gpsMarker = 'WGS-84-RELAIS-GPS';

/** A 400×200 JPEG taken "sideways" (EXIF orientation 6: shown upright it is 200×400), with a GPS position. */
export async function phonePhotoWithGps(): Promise<Buffer> {
  const photo = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#3366aa' } })
    .composite([{ input: { create: { width: 100, height: 200, channels: 3, background: '#ffcc00' } }, left: 0, top: 0 }])
    .withExif({
      IFD0: { Make: 'Relais', Model: 'Test phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 300/100', GPSMapDatum: gpsMarker },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
  if (!photo.includes(gpsMarker)) throw new Error('the fixture lost its GPS block');
  return photo;
}

/** Smooth light and shade with grain: compresses like a photo, not like a flat drawing (≈ 3 MB at 3000×2000). */
export async function photoLikeJpeg(width = 3000, height = 2000, quality = 92): Promise<Buffer> {
  const grain = await sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).raw().toBuffer();
  const light = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 90 } } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = Math.max(0, Math.min(255, light[i] + (grain[i] - 128) * 0.4));
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

export async function solidPng(width: number, height: number, background = '#2f9e44'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
}

/** A PNG whose pixels are mostly transparent, heavy enough (noise) to need lightening. */
export async function transparentNoisyPng(width = 1200, height = 900): Promise<Buffer> {
  const noise = await sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).raw().toBuffer();
  const rgba = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p += 1) {
    rgba[p * 4] = noise[p * 3];
    rgba[p * 4 + 1] = noise[p * 3 + 1];
    rgba[p * 4 + 2] = noise[p * 3 + 2];
    rgba[p * 4 + 3] = p % width < width / 2 ? 0 : 255;
  }
  return sharp(rgba, { raw: { width, height, channels: 4 } }).png().toBuffer();
}

/** A 2.5-second 640×360 MP4: a real container (ftyp, moov, mdat) around placeholder samples. */
export function shortMp4(): Buffer {
  const file = createFile();
  file.init({ brands: ['isom', 'mp42'], timescale: 1000, duration: 2500 });
  const avcConfig = new Uint8Array([1, 66, 0, 30, 255, 225, 0, 0, 1, 0, 0]).buffer;
  const track = file.addTrack({ type: 'avc1', width: 640, height: 360, timescale: 1000, avcDecoderConfigRecord: avcConfig });
  for (let i = 0; i < 25; i += 1) file.addSample(track, new Uint8Array(400), { duration: 100, is_sync: i === 0 });
  return Buffer.from(file.getBuffer().buffer);
}

/** The multipart body a browser sends for one file. */
export function fileForm(bytes: Uint8Array, fileName: string, type: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
  return form;
}
