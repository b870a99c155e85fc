// The files the media library takes, recognised by their content (never by the
// name or the type a browser declares).
import sharp from 'sharp';

export const imageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const videoTypes = ['video/mp4'] as const;
export type ImageType = (typeof imageTypes)[number];

export const extensionOf: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
};

const sharpFormats: Record<string, ImageType> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

/** What a browser or client says a file is, before reading it: decides which size limit applies while it arrives. */
export function declaredKind(mimeType: string | undefined): 'image' | 'video' | 'unknown' | 'refused' {
  const type = (mimeType ?? '').toLowerCase().split(';')[0].trim();
  if ((imageTypes as readonly string[]).includes(type) || type === 'image/jpg') return 'image';
  if ((videoTypes as readonly string[]).includes(type)) return 'video';
  if (type === '' || type === 'application/octet-stream') return 'unknown';
  return 'refused';
}

/** An MP4 (ISO base media) file starts with an `ftyp` box. */
export function looksLikeMp4(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 12 && Buffer.from(bytes.subarray(4, 8)).toString('latin1') === 'ftyp';
}

/** The image type a file really is, or null when it is not an image Relais takes. */
export async function sniffImageType(bytes: Uint8Array): Promise<ImageType | null> {
  try {
    const { format } = await sharp(bytes).metadata();
    return sharpFormats[format] ?? null;
  } catch {
    return null;
  }
}
