// The type and size of an image, read from its first bytes: the PDS stores
// whatever it is given, and Bluesky's apps lay an image out from the
// `aspectRatio` the post carries (without it they guess, and crop).
export interface ImageInfo {
  mimeType: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';
  width: number | null;
  height: number | null;
}

export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) {
    // PNG: the IHDR chunk comes first.
    return { mimeType: 'image/png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && (data.toString('latin1', 0, 6) === 'GIF87a' || data.toString('latin1', 0, 6) === 'GIF89a')) {
    return { mimeType: 'image/gif', width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    return { mimeType: 'image/jpeg', ...jpegSize(data) };
  }
  if (data.length >= 16 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') {
    return { mimeType: 'image/webp', ...webpSize(data) };
  }
  return null;
}

/** The first start-of-frame marker holds the size (its orientation tag is ignored: a rotated photo's ratio comes out swapped). */
function jpegSize(data: Buffer): { width: number | null; height: number | null } {
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return { width: null, height: null };
    const marker = data[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = data.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return { width: null, height: null };
}

function webpSize(data: Buffer): { width: number | null; height: number | null } {
  const chunk = data.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && data.length >= 30) {
    return { width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) };
  }
  if (chunk === 'VP8 ' && data.length >= 30) {
    return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L' && data.length >= 25) {
    const bits = data.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return { width: null, height: null };
}
