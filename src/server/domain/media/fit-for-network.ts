// Makes a stored image acceptable to one network: a type it takes, no heavier
// than it allows. Lighter first by re-encoding, then by shrinking the picture;
// the file is returned untouched when it already fits.
import sharp from 'sharp';
import { AppError } from '../../errors.ts';
import { encodeAs, maxImagePixels } from './image-processing.ts';
import { imageTypes, type ImageType } from './media-types.ts';

export interface FitTarget {
  /** Types the network takes (ComposerLimits.imageTypes). */
  types: string[];
  /** ComposerLimits.maxImageBytes. */
  maxBytes: number;
}

export interface FittedImage {
  bytes: Uint8Array;
  mimeType: ImageType;
  /** How many encodings it took (0: sent as stored). */
  attempts: number;
}

const qualities = [85, 75, 65];
const maxAttempts = 10;
const smallestSide = 160;

/** The format to send: the stored one when allowed, else one that keeps transparency (or motion) if needed. */
function chooseType(current: ImageType, image: { hasAlpha: boolean; animated: boolean }, allowed: ImageType[]): ImageType | null {
  if (allowed.includes(current) && (image.animated || (current !== 'image/png' && current !== 'image/gif'))) return current;
  const order: ImageType[] = image.animated
    ? ['image/webp', 'image/gif', 'image/jpeg']
    : image.hasAlpha
      ? ['image/webp', 'image/png', 'image/jpeg']
      : ['image/jpeg', 'image/webp', 'image/png'];
  // A PNG or GIF too heavy as it is gets a lossy format when one is allowed.
  if (allowed.includes(current)) order.push(current);
  return order.find((type) => allowed.includes(type)) ?? null;
}

export async function fitImage(input: { bytes: Uint8Array; mimeType: ImageType }, target: FitTarget): Promise<FittedImage> {
  const allowed = imageTypes.filter((type) => target.types.includes(type));
  if (allowed.includes(input.mimeType) && input.bytes.byteLength <= target.maxBytes) return { ...input, attempts: 0 };
  if (allowed.length === 0) throw new AppError(422, 'media_type_not_accepted', { type: input.mimeType });

  const meta = await sharp(input.bytes, { limitInputPixels: maxImagePixels }).metadata();
  const multiPage = (meta.pages ?? 1) > 1;
  const type = chooseType(input.mimeType, { hasAlpha: meta.hasAlpha ?? false, animated: multiPage }, allowed)!;
  const animated = multiPage && (type === 'image/gif' || type === 'image/webp');
  let width = meta.width ?? 0;
  for (let attempt = 1; attempt <= maxAttempts && width >= smallestSide; attempt += 1) {
    const quality = qualities[Math.min(attempt - 1, qualities.length - 1)];
    let pipeline = sharp(input.bytes, { animated, limitInputPixels: maxImagePixels });
    if (width !== meta.width) pipeline = pipeline.resize({ width, withoutEnlargement: true });
    // JPEG has no transparency: what was see-through becomes white rather than black.
    if (type === 'image/jpeg') pipeline = pipeline.flatten({ background: '#ffffff' });
    if (type === 'image/png') pipeline = pipeline.png({ palette: true, quality, compressionLevel: 9 });
    else pipeline = encodeAs(pipeline, type, quality, true);
    const bytes = await pipeline.toBuffer();
    if (bytes.byteLength <= target.maxBytes) return { bytes, mimeType: type, attempts: attempt };
    // Once the quality ladder is spent, shrink: the weight follows the pixel count, roughly.
    if (attempt >= qualities.length) width = Math.floor(width * Math.min(0.9, Math.max(0.5, Math.sqrt(target.maxBytes / bytes.byteLength) * 0.95)));
  }
  throw new AppError(422, 'media_cannot_fit', { maxKb: Math.floor(target.maxBytes / 1000) });
}

/** The file name that matches a new type: `beach.png` sent as JPEG becomes `beach.jpg`. */
export function renameFor(fileName: string, extension: string): string {
  const base = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return `${base || 'image'}.${extension}`;
}
