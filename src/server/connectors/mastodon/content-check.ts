// What the instance would refuse, found before anything is sent: a text over
// its length (counted its way), more media than it takes, alt text over its
// limit, a file type it does not take or bytes that are not what they claim
// (the instance decodes every upload and refuses what it cannot read). Checking
// first spends no upload budget and leaves no half-published post behind.
import { ConnectorError, type ComposerLimits, type PublishInput } from '../contract.ts';
import { countLength } from './text.ts';

/** The media type a file's first bytes show (images and the usual video containers), or null. */
export function sniffMediaType(bytes: Uint8Array): string | null {
  const at = (offset: number, ...values: number[]) => values.every((value, index) => bytes[offset + index] === value);
  const ascii = (offset: number, text: string) => at(offset, ...[...text].map((char) => char.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (at(0, 0x1a, 0x45, 0xdf, 0xa3)) return 'video/webm';
  if (ascii(4, 'ftyp')) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
    if (brand === 'qt  ') return 'video/quicktime';
    return 'video/mp4';
  }
  return null;
}

const families: Record<string, string[]> = {
  'image/heif': ['image/heic'],
  'video/quicktime': ['video/mp4'],
  'video/mp4': ['video/quicktime'],
};

function rejected(message: string): ConnectorError {
  return new ConnectorError('rejected', message, { networkMessage: message });
}

/** Throws a `rejected` ConnectorError for the first thing the instance would refuse. */
export function checkContent(input: PublishInput, limits: ComposerLimits): void {
  const media = input.media ?? [];
  if (input.text.trim() === '' && media.length === 0) throw rejected('A post needs text or media.');
  const length = countLength(input.text, limits.urlLength);
  if (length > limits.maxLength) throw rejected(`The text is ${length} characters long; this instance allows ${limits.maxLength}.`);
  const videos = media.filter((item) => item.mimeType.startsWith('video/'));
  const images = media.length - videos.length;
  if (images > limits.maxImages) throw rejected(`This instance takes at most ${limits.maxImages} images per post.`);
  if (videos.length > limits.maxVideos || (videos.length > 0 && images > 0)) throw rejected(`A post takes at most ${limits.maxVideos} video, and no images with it.`);
  for (const item of media) {
    const declared = item.mimeType.split(';')[0].trim().toLowerCase();
    const isImage = declared.startsWith('image/');
    if (isImage && !limits.imageTypes.includes(declared)) throw rejected(`This instance does not take ${declared} images.`);
    if (!isImage && !declared.startsWith('video/')) throw rejected(`${declared} files cannot be attached.`);
    if (isImage && item.bytes.byteLength > limits.maxImageBytes) throw rejected(`An image may weigh ${Math.floor(limits.maxImageBytes / 1024 / 1024)} MB at most.`);
    if ([...item.altText].length > limits.maxAltTextLength) throw rejected(`Alt text may be ${limits.maxAltTextLength} characters long at most.`);
    const actual = sniffMediaType(item.bytes);
    if (actual !== declared && !(actual && families[declared]?.includes(actual))) throw rejected(`${item.fileName} is not a ${declared} file.`);
  }
}
