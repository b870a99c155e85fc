// Campaigns group posts (calendar colour, filters) and carry the UTM
// parameters added to their links.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Campaign } from '../../../shared/publishing.ts';
import { AppError } from '../../errors.ts';

type CampaignInput = Omit<Campaign, 'id'>;

function toView(row: Database['campaign']): Campaign {
  return { id: row.id, name: row.name, color: row.color, utmSource: row.utm_source, utmMedium: row.utm_medium, utmCampaign: row.utm_campaign };
}

export class CampaignStore {
  private readonly db: Kysely<Database>;
  private readonly now: () => number;
  constructor(db: Kysely<Database>, now: () => number = Date.now) {
    this.db = db;
    this.now = now;
  }

  async list(workspaceId: string): Promise<Campaign[]> {
    const rows = await this.db.selectFrom('campaign').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
    return rows.map(toView);
  }

  async create(workspaceId: string, input: CampaignInput): Promise<Campaign> {
    await this.assertNameFree(workspaceId, input.name, null);
    const row = { id: randomUUID(), workspace_id: workspaceId, name: input.name, color: input.color, utm_source: input.utmSource, utm_medium: input.utmMedium, utm_campaign: input.utmCampaign, created_at: this.now() };
    await this.db.insertInto('campaign').values(row).execute();
    return toView(row);
  }

  async update(workspaceId: string, id: string, input: Partial<CampaignInput>): Promise<Campaign> {
    const row = await this.db.selectFrom('campaign').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!row) throw new AppError(404, 'not_found');
    if (input.name !== undefined) await this.assertNameFree(workspaceId, input.name, id);
    const next = {
      name: input.name ?? row.name,
      color: input.color ?? row.color,
      utm_source: input.utmSource !== undefined ? input.utmSource : row.utm_source,
      utm_medium: input.utmMedium !== undefined ? input.utmMedium : row.utm_medium,
      utm_campaign: input.utmCampaign !== undefined ? input.utmCampaign : row.utm_campaign,
    };
    await this.db.updateTable('campaign').set(next).where('id', '=', id).execute();
    return toView({ ...row, ...next });
  }

  /** Posts keep existing; they just no longer belong to a campaign. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('campaign').where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  private async assertNameFree(workspaceId: string, name: string, exceptId: string | null): Promise<void> {
    const clash = await this.db.selectFrom('campaign').select('id').where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirst();
    if (clash && clash.id !== exceptId) throw new AppError(409, 'campaign_name_taken');
  }
}
