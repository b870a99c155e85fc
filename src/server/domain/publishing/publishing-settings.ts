// A workspace's publishing switches: the crisis "pause" that holds everything
// scheduled until someone resumes, whether images must carry alt text, and
// whether links are replaced by Relais short links.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { PublishingSettings } from '../../../shared/publishing.ts';
import { enqueuePublish } from './publish-jobs.ts';

export class PublishingSettingsStore {
  private readonly db: Kysely<Database>;
  private readonly queue: JobQueue;
  private readonly now: () => number;
  /** This Relais' public address (short links start with it). */
  private readonly shortLinkBaseUrl: string;

  constructor(db: Kysely<Database>, queue: JobQueue, now: () => number = Date.now, shortLinkBaseUrl = '') {
    this.shortLinkBaseUrl = shortLinkBaseUrl;
    this.db = db;
    this.queue = queue;
    this.now = now;
  }

  async get(workspaceId: string): Promise<PublishingSettings> {
    const row = await this.db
      .selectFrom('publishing_setting')
      .leftJoin('user', 'user.id', 'publishing_setting.paused_by')
      .select(['publishing_setting.paused', 'publishing_setting.paused_at', 'publishing_setting.require_alt_text', 'publishing_setting.shorten_links', 'user.name as paused_by_name'])
      .where('publishing_setting.workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return {
      paused: Boolean(row?.paused),
      pausedAt: row?.paused && row.paused_at ? new Date(Number(row.paused_at)).toISOString() : null,
      pausedBy: row?.paused ? (row.paused_by_name ?? null) : null,
      requireAltText: Boolean(row?.require_alt_text),
      shortenLinks: Boolean(row?.shorten_links),
      shortLinkBaseUrl: this.shortLinkBaseUrl,
    };
  }

  /** Resuming hands every held, due target back to the workers at once. */
  async update(workspaceId: string, userId: string | null, change: { paused?: boolean; requireAltText?: boolean; shortenLinks?: boolean }): Promise<{ before: PublishingSettings; after: PublishingSettings }> {
    const before = await this.get(workspaceId);
    const now = this.now();
    const paused = change.paused ?? before.paused;
    const requireAltText = change.requireAltText ?? before.requireAltText;
    const shortenLinks = change.shortenLinks ?? before.shortenLinks;
    const pausedAt = paused ? (before.paused ? Date.parse(before.pausedAt ?? '') || now : now) : null;
    await this.db.transaction().execute(async (trx) => {
      const values = { paused: paused ? 1 : 0, paused_at: pausedAt, paused_by: paused ? (before.paused ? undefined : userId) : null, require_alt_text: requireAltText ? 1 : 0, shorten_links: shortenLinks ? 1 : 0, updated_at: now };
      const cleaned = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as typeof values;
      await trx
        .insertInto('publishing_setting')
        .values({ workspace_id: workspaceId, ...cleaned, paused_by: cleaned.paused_by ?? null })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet(cleaned))
        .execute();
      if (before.paused && !paused) {
        const held = await trx
          .selectFrom('post_target')
          .select(['id', 'version', 'scheduled_at'])
          .where('workspace_id', '=', workspaceId)
          .where('state', '=', 'scheduled')
          .where('hold_reason', '=', 'paused')
          .execute();
        for (const target of held) {
          await trx.updateTable('post_target').set({ hold_reason: null }).where('id', '=', target.id).where('version', '=', target.version).execute();
          await enqueuePublish(this.queue, trx, { id: target.id, version: Number(target.version), workspaceId, runAt: Math.max(now, Number(target.scheduled_at ?? now)) });
        }
      }
    });
    return { before, after: await this.get(workspaceId) };
  }
}
