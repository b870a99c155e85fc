// The media library: images and videos a workspace uploads once and attaches
// to posts. The files live in the media storage (data folder or S3); a row
// holds what Relais knows of each file and where its bytes are.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    // image | video
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    // Of the stored file (an image as re-encoded without its metadata).
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    // Null when a video's container does not say.
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('duration_ms', 'bigint')
    .addColumn('alt_text', 'text', (c) => c.notNull())
    // JSON array of strings.
    .addColumn('tags', 'text', (c) => c.notNull())
    // Of the file as uploaded: the same file uploaded twice has the same hash.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('thumbnail_key', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('media_workspace_idx').on('media').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('media_sha256_idx').on('media').columns(['workspace_id', 'sha256']).execute();
}
