// The workspace media library: upload (images cleaned of their metadata, a
// thumbnail made), search, alt text and tags, soft deletion, downloads, and
// the publisher's door — each file made to fit the network it goes to.
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, MediaTable } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { ComposerLimits } from '../../../shared/composer/limits.ts';
import type { MediaKind, MediaPage, MediaView } from '../../../shared/api-types.ts';
import { fitImage, renameFor } from './fit-for-network.ts';
import { cleanImage } from './image-processing.ts';
import { extensionOf, looksLikeMp4, sniffImageType } from './media-types.ts';
import type { MediaStorage, StoredFile } from './storage.ts';
import { probeMp4 } from './video-probe.ts';

/** What the publisher asks for: one file, ready for one network. */
export interface MediaSource {
  forPublishing(workspaceId: string, mediaId: string, limits: ComposerLimits): Promise<{ bytes: Uint8Array; mimeType: string; fileName: string }>;
}

export interface MediaLimits {
  maxImageBytes: number;
  maxVideoBytes: number;
}

export interface UploadInput {
  workspaceId: string;
  userId: string | null;
  fileName: string;
  bytes: Uint8Array;
  altText?: string;
  tags?: string[];
}

export interface MediaQuery {
  /** Matches file name, alt text and tags, ignoring case. */
  search?: string;
  kind?: MediaKind;
  offset?: number;
  limit?: number;
}

export interface MediaDownload {
  mimeType: string;
  fileName: string;
  /** Stable for the file's whole life: its content never changes. */
  etag: string;
  /** The bytes, read only when needed (not for a cache revalidation). */
  open(): Promise<StoredFile>;
}

export const maxAltTextLength = 2000;
/** How long a deleted file's bytes are kept before the hourly clean-up removes them: a month to notice a mistake. */
export const deletedMediaKeptMs = 30 * 24 * 3600 * 1000;
export const maxTags = 20;
export const maxTagLength = 40;

type MediaRow = MediaTable;

/** `file` is the stored original; `thumbnail` the small WebP (images only). */
export type MediaVariant = 'file' | 'thumbnail';

export function mediaPath(workspaceId: string, mediaId: string, variant: MediaVariant): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/media/${encodeURIComponent(mediaId)}/${variant}`;
}

function toView(row: MediaRow): MediaView {
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mime_type,
    fileName: row.file_name,
    sizeBytes: Number(row.size_bytes),
    width: row.width,
    height: row.height,
    durationMs: row.duration_ms == null ? null : Number(row.duration_ms),
    altText: row.alt_text,
    tags: JSON.parse(row.tags) as string[],
    thumbnailUrl: row.thumbnail_key ? mediaPath(row.workspace_id, row.id, 'thumbnail') : null,
    fileUrl: mediaPath(row.workspace_id, row.id, 'file'),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

/** Tags as people mean them: trimmed, without a leading #, each once (ignoring case). */
export function normalizeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, ' ').slice(0, maxTagLength);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out.slice(0, maxTags);
}

/** A name safe to show and to send in a header: no folders, no control characters. */
export function cleanFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return base || fallback;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class MediaLibrary implements MediaSource {
  private readonly db: Kysely<Database>;
  private readonly storage: MediaStorage;
  private readonly limits: MediaLimits;
  private readonly now: () => number;
  constructor(db: Kysely<Database>, storage: MediaStorage, limits: MediaLimits, now: () => number = Date.now) {
    this.db = db;
    this.storage = storage;
    this.limits = limits;
    this.now = now;
  }

  get storageKind(): 'local' | 's3' {
    return this.storage.kind;
  }

  get maxImageBytes(): number {
    return this.limits.maxImageBytes;
  }

  get maxVideoBytes(): number {
    return this.limits.maxVideoBytes;
  }

  tooLarge(): AppError {
    const mb = (bytes: number) => Math.floor(bytes / (1024 * 1024));
    return new AppError(413, 'media_too_large', { imageMax: mb(this.limits.maxImageBytes), videoMax: mb(this.limits.maxVideoBytes) });
  }

  /**
   * Recognises the file by its content, checks its weight, cleans an image and
   * makes its thumbnail, stores the files, then records the row. A refused file
   * leaves nothing behind.
   */
  async upload(input: UploadInput): Promise<MediaView> {
    const imageType = await sniffImageType(input.bytes);
    const isVideo = !imageType && looksLikeMp4(input.bytes);
    if (!imageType && !isVideo) throw new AppError(415, 'media_type_unsupported');
    if (input.bytes.byteLength > (imageType ? this.limits.maxImageBytes : this.limits.maxVideoBytes)) throw this.tooLarge();

    const id = randomUUID();
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const prefix = `${input.workspaceId}/${id}`;
    let file: { bytes: Uint8Array; mimeType: string; width: number | null; height: number | null; durationMs: number | null; thumbnail: Uint8Array | null };
    if (imageType) {
      const clean = await cleanImage(input.bytes, imageType);
      file = { ...clean, durationMs: null };
    } else {
      file = { bytes: input.bytes, mimeType: 'video/mp4', ...probeMp4(input.bytes), thumbnail: null };
    }
    const extension = extensionOf[file.mimeType];
    const storageKey = `${prefix}/original.${extension}`;
    const thumbnailKey = file.thumbnail ? `${prefix}/thumbnail.webp` : null;
    const now = this.now();
    const row: MediaRow = {
      id,
      workspace_id: input.workspaceId,
      kind: imageType ? 'image' : 'video',
      mime_type: file.mimeType,
      file_name: cleanFileName(input.fileName, `${imageType ? 'image' : 'video'}.${extension}`),
      size_bytes: file.bytes.byteLength,
      width: file.width,
      height: file.height,
      duration_ms: file.durationMs,
      alt_text: (input.altText ?? '').trim().slice(0, maxAltTextLength),
      tags: JSON.stringify(normalizeTags(input.tags ?? [])),
      sha256,
      storage_key: storageKey,
      thumbnail_key: thumbnailKey,
      created_by: input.userId,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    try {
      await this.storage.put(storageKey, file.bytes, file.mimeType);
      if (thumbnailKey && file.thumbnail) await this.storage.put(thumbnailKey, file.thumbnail, 'image/webp');
      await this.db.insertInto('media').values(row).execute();
    } catch (error) {
      await Promise.allSettled([this.storage.delete(storageKey), thumbnailKey ? this.storage.delete(thumbnailKey) : null]);
      throw error;
    }
    return toView(row);
  }

  async list(workspaceId: string, query: MediaQuery = {}): Promise<MediaPage> {
    const limit = Math.min(Math.max(query.limit ?? 48, 1), 200);
    const offset = Math.max(query.offset ?? 0, 0);
    let base = this.db.selectFrom('media').where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null);
    if (query.kind) base = base.where('kind', '=', query.kind);
    const search = query.search?.trim().toLowerCase();
    if (search) {
      // lower() on both sides: PostgreSQL's LIKE minds case, SQLite's does not.
      const pattern = `%${escapeLike(search)}%`;
      base = base.where((eb) =>
        eb.or(['file_name', 'alt_text', 'tags'].map((column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`)),
      );
    }
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    const total = Number(count.total);
    return { media: rows.map(toView), total, nextOffset: offset + rows.length < total ? offset + rows.length : null };
  }

  async get(workspaceId: string, mediaId: string): Promise<MediaView> {
    return toView(await this.row(workspaceId, mediaId));
  }

  /** The composer's check: the views of those ids still in the library, in the order asked; missing or deleted ones are left out. */
  async describe(workspaceId: string, ids: string[]): Promise<MediaView[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows = await this.db.selectFrom('media').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', unique).where('deleted_at', 'is', null).execute();
    const byId = new Map(rows.map((row) => [row.id, toView(row)]));
    return ids.map((id) => byId.get(id)).filter((view): view is MediaView => view !== undefined);
  }

  async update(workspaceId: string, mediaId: string, change: { altText?: string; tags?: string[] }): Promise<MediaView> {
    await this.row(workspaceId, mediaId);
    const set: Partial<MediaRow> = { updated_at: this.now() };
    if (change.altText !== undefined) set.alt_text = change.altText.trim().slice(0, maxAltTextLength);
    if (change.tags !== undefined) set.tags = JSON.stringify(normalizeTags(change.tags));
    await this.db.updateTable('media').set(set).where('workspace_id', '=', workspaceId).where('id', '=', mediaId).where('deleted_at', 'is', null).execute();
    return this.get(workspaceId, mediaId);
  }

  /**
   * Files deleted more than `keptMs` ago leave storage for good, `batch` at a time: the bytes
   * first, then the row, so that a stop in between leaves a row the next pass finishes. Until
   * then a deletion can still be undone by an operator. Returns how many were purged.
   */
  async purgeDeleted(keptMs: number = deletedMediaKeptMs, batch = 200): Promise<number> {
    const rows = await this.db
      .selectFrom('media')
      .select(['id', 'workspace_id', 'storage_key', 'thumbnail_key'])
      .where('deleted_at', 'is not', null)
      .where('deleted_at', '<', this.now() - keptMs)
      .orderBy('deleted_at')
      .limit(batch)
      .execute();
    for (const row of rows) {
      await this.storage.delete(row.storage_key);
      if (row.thumbnail_key) await this.storage.delete(row.thumbnail_key);
      await this.db.deleteFrom('media').where('id', '=', row.id).where('workspace_id', '=', row.workspace_id).where('deleted_at', 'is not', null).execute();
    }
    return rows.length;
  }

  /** Hides the file from the library and from publishing; its bytes leave storage `deletedMediaKeptMs` later (purgeDeleted). */
  async remove(workspaceId: string, mediaId: string): Promise<void> {
    const now = this.now();
    const result = await this.db
      .updateTable('media')
      .set({ deleted_at: now, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', mediaId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError(404, 'media_not_found');
  }

  async download(workspaceId: string, mediaId: string, variant: MediaVariant): Promise<MediaDownload> {
    const row = await this.row(workspaceId, mediaId);
    const key = variant === 'thumbnail' ? row.thumbnail_key : row.storage_key;
    if (!key) throw new AppError(404, 'media_not_found');
    const open = async () => {
      const stored = await this.storage.open(key);
      if (!stored) throw new AppError(404, 'media_not_found');
      return stored;
    };
    return variant === 'thumbnail'
      ? { mimeType: 'image/webp', fileName: renameFor(row.file_name, 'webp'), etag: `"${row.sha256}-thumbnail"`, open }
      : { mimeType: row.mime_type, fileName: row.file_name, etag: `"${row.sha256}"`, open };
  }

  async forPublishing(workspaceId: string, mediaId: string, limits: ComposerLimits): Promise<{ bytes: Uint8Array; mimeType: string; fileName: string }> {
    const row = await this.row(workspaceId, mediaId);
    const bytes = await this.storage.get(row.storage_key);
    if (!bytes) throw new AppError(404, 'media_not_found');
    if (row.kind === 'video') {
      if (limits.maxVideos < 1) throw new AppError(422, 'media_type_not_accepted', { type: row.mime_type });
      return { bytes, mimeType: row.mime_type, fileName: row.file_name };
    }
    if (limits.maxImages < 1) throw new AppError(422, 'media_type_not_accepted', { type: row.mime_type });
    const fitted = await fitImage({ bytes, mimeType: row.mime_type as Parameters<typeof fitImage>[0]['mimeType'] }, { types: limits.imageTypes, maxBytes: limits.maxImageBytes });
    const fileName = fitted.mimeType === row.mime_type ? row.file_name : renameFor(row.file_name, extensionOf[fitted.mimeType]);
    return { bytes: fitted.bytes, mimeType: fitted.mimeType, fileName };
  }

  private async row(workspaceId: string, mediaId: string): Promise<MediaRow> {
    const row = await this.db.selectFrom('media').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', mediaId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new AppError(404, 'media_not_found');
    return row;
  }
}
