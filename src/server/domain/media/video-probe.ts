// What an MP4's own header says: duration and picture size. Videos are stored
// as uploaded (no transcoding); a file whose header cannot be read still is,
// with these left unknown.
import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';

export interface VideoFacts {
  durationMs: number | null;
  width: number | null;
  height: number | null;
}

export function probeMp4(bytes: Uint8Array): VideoFacts {
  let movie: Movie | null = null;
  try {
    const file = createFile();
    file.onReady = (info) => {
      movie = info;
    };
    // Only the boxes matter; the media data is skipped, not kept.
    file.discardMdatData = true;
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(copy, 0));
    file.flush();
  } catch {
    return { durationMs: null, width: null, height: null };
  }
  const info = movie as Movie | null;
  if (!info) return { durationMs: null, width: null, height: null };
  const track = info.videoTracks[0];
  const durationMs = info.timescale > 0 && info.duration > 0 ? Math.round((info.duration / info.timescale) * 1000) : null;
  return { durationMs, width: track?.video?.width || null, height: track?.video?.height || null };
}
