// Where media files live: a folder under the data directory by default, an
// S3-compatible bucket when one is configured. The library only ever asks for
// keys it made itself (`<workspace>/<media>/<variant>.<ext>`).
import type { Readable } from 'node:stream';
import type { MediaStorageConfig } from '../../config.ts';
import { LocalMediaStorage } from './storage-local.ts';
import { S3MediaStorage } from './storage-s3.ts';

export interface StoredFile {
  stream: Readable;
  size: number;
}

export interface MediaStorage {
  readonly kind: 'local' | 's3';
  /** Writes the whole file; a reader never sees half of it. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is no such file. */
  get(key: string): Promise<Uint8Array | null>;
  /** The file as a stream, for downloads, or null when there is no such file. */
  open(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

const keyPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Keys are made by Relais; this refuses anything that could leave the storage's root. */
export function assertStorageKey(key: string): void {
  if (!keyPattern.test(key) || key.split('/').some((part) => part === '..' || part === '.')) throw new Error(`invalid media storage key: ${key}`);
}

export function createMediaStorage(config: MediaStorageConfig): MediaStorage {
  return config.kind === 's3' ? new S3MediaStorage(config) : new LocalMediaStorage(config.dir);
}
