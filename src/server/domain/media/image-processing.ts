// What happens to an uploaded image before it is stored: turned upright (the
// EXIF orientation applied), every metadata block dropped (EXIF with its GPS
// position, XMP, IPTC, the colour profile once its colours are converted to
// sRGB, which networks assume), and a small WebP thumbnail made for the
// library's grid and the composer.
import sharp, { type Sharp } from 'sharp';
import { AppError } from '../../errors.ts';
import type { ImageType } from './media-types.ts';

/** Decompression bombs stop here: 100 million pixels is well above any camera's photo. */
export const maxImagePixels = 100_000_000;
export const thumbnailSize = 320;

export interface CleanImage {
  bytes: Uint8Array;
  mimeType: ImageType;
  width: number;
  height: number;
  thumbnail: Uint8Array;
}

/**
 * Encodes as `mimeType`; sharp writes no metadata unless asked. `smallest`
 * trades time for weight (mozjpeg is about four times slower, a third lighter).
 */
export function encodeAs(pipeline: Sharp, mimeType: ImageType, quality = 90, smallest = false): Sharp {
  switch (mimeType) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality, mozjpeg: smallest });
    case 'image/png':
      return pipeline.png({ compressionLevel: 8, adaptiveFiltering: true });
    case 'image/webp':
      return pipeline.webp({ quality });
    case 'image/gif':
      return pipeline.gif();
  }
}

export async function cleanImage(bytes: Uint8Array, mimeType: ImageType): Promise<CleanImage> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > maxImagePixels) {
    throw new AppError(413, 'media_too_many_pixels', { megapixels: Math.round(pixels / 1e6), max: maxImagePixels / 1e6 });
  }
  const animated = (meta.pages ?? 1) > 1;
  // Animated images have no EXIF orientation to apply; rotating would flatten their frames.
  let pipeline = sharp(bytes, { animated, limitInputPixels: maxImagePixels });
  if (!animated) pipeline = pipeline.autoOrient();
  const { data, info } = await encodeAs(pipeline, mimeType).toBuffer({ resolveWithObject: true });
  const thumbnail = await sharp(data, { limitInputPixels: maxImagePixels })
    .resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  return { bytes: data, mimeType, width: info.width, height: info.pageHeight ?? info.height, thumbnail };
}
