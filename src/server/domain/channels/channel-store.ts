// Channels: the social accounts a workspace publishes to and listens on.
// Credentials are sealed with the secret box, bound to the channel's id, and
// never leave this module in clear except to the connector that uses them.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChannelStatus, Database } from '../../db/schema.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import type { AccountProfile } from '../../connectors/contract.ts';
import type { Channel } from '../../../shared/api-types.ts';

export type ChannelView = Channel;

/** What the publisher needs of a channel: its view, its workspace, and its sealed credentials (to tell whether a connector built earlier is still current). */
export interface ChannelForPublishing {
  view: ChannelView;
  workspaceId: string;
  sealedCredentials: string | null;
}

type ChannelRow = Database['channel'];

/** The channel columns a channel's view is made of, with its workspace and sealed credentials: for statements that read them alongside other rows. */
export const channelForPublishingColumns = ['id', 'workspace_id', 'network', 'server_url', 'handle', 'display_name', 'avatar_url', 'profile_url', 'status', 'status_reason', 'rate_limited_until', 'created_at', 'credentials'] as const;

export function channelForPublishing(row: Pick<ChannelRow, (typeof channelForPublishingColumns)[number]>): ChannelForPublishing {
  return { view: toView(row), workspaceId: row.workspace_id, sealedCredentials: row.credentials };
}

function toView(row: Pick<ChannelRow, 'id' | 'network' | 'server_url' | 'handle' | 'display_name' | 'avatar_url' | 'profile_url' | 'status' | 'status_reason' | 'rate_limited_until' | 'created_at'>): ChannelView {
  return {
    id: row.id,
    network: row.network,
    serverUrl: row.server_url,
    handle: row.handle,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    profileUrl: row.profile_url,
    status: row.status,
    statusReason: row.status_reason,
    rateLimitedUntil: row.rate_limited_until == null ? null : new Date(Number(row.rate_limited_until)).toISOString(),
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

export class ChannelStore {
  private readonly db: Kysely<Database>;
  private readonly box: SecretBox;
  private readonly now: () => number;
  constructor(db: Kysely<Database>, box: SecretBox, now: () => number = Date.now) {
    this.db = db;
    this.box = box;
    this.now = now;
  }

  async list(workspaceId: string): Promise<ChannelView[]> {
    const rows = await this.db.selectFrom('channel').selectAll().where('workspace_id', '=', workspaceId).orderBy('network').orderBy('handle').execute();
    return rows.map(toView);
  }

  async get(workspaceId: string, channelId: string): Promise<ChannelView | null> {
    const row = await this.db.selectFrom('channel').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', channelId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /**
   * Records a successful connection. Connecting an account the workspace already
   * has reconnects that channel (its history stays); otherwise a new channel.
   */
  async saveConnected(input: { workspaceId: string; network: string; serverUrl: string; profile: AccountProfile; credentials: unknown; userId: string }): Promise<ChannelView> {
    const now = this.now();
    const existing = await this.db
      .selectFrom('channel')
      .select('id')
      .where('workspace_id', '=', input.workspaceId)
      .where('network', '=', input.network)
      .where('remote_id', '=', input.profile.remoteId)
      .where('server_url', '=', input.serverUrl)
      .executeTakeFirst();
    const id = existing?.id ?? randomUUID();
    const fields = {
      handle: input.profile.handle,
      display_name: input.profile.displayName,
      avatar_url: input.profile.avatarUrl,
      profile_url: input.profile.url,
      credentials: this.box.sealJson(input.credentials, id),
      status: 'connected' as const,
      status_reason: null,
      rate_limited_until: null,
      updated_at: now,
    };
    if (existing) {
      await this.db.updateTable('channel').set(fields).where('id', '=', id).execute();
    } else {
      await this.db
        .insertInto('channel')
        .values({ id, workspace_id: input.workspaceId, network: input.network, remote_id: input.profile.remoteId, server_url: input.serverUrl, created_by: input.userId, created_at: now, ...fields })
        .execute();
    }
    return (await this.get(input.workspaceId, id))!;
  }

  /** The channel's credentials, for its connector only. Null when disconnected. */
  async credentials<T>(channelId: string): Promise<T | null> {
    const row = await this.db.selectFrom('channel').select(['credentials']).where('id', '=', channelId).executeTakeFirst();
    return row?.credentials ? this.box.openJson<T>(row.credentials, channelId) : null;
  }

  /** Stores refreshed credentials; an empty refresh token never replaces a stored one. */
  async updateCredentials<T extends Record<string, unknown>>(channelId: string, next: T, keepNonEmpty: Array<keyof T> = []): Promise<void> {
    const current = await this.credentials<T>(channelId);
    const merged: T = { ...next };
    for (const key of keepNonEmpty) {
      if (!merged[key] && current?.[key]) merged[key] = current[key];
    }
    await this.db.updateTable('channel').set({ credentials: this.box.sealJson(merged, channelId), updated_at: this.now() }).where('id', '=', channelId).execute();
  }

  async setStatus(channelId: string, status: ChannelStatus, reason: string | null = null, rateLimitedUntil: number | null = null): Promise<void> {
    await this.db.updateTable('channel').set({ status, status_reason: reason, rate_limited_until: rateLimitedUntil, updated_at: this.now() }).where('id', '=', channelId).execute();
  }

  /** Disconnecting erases the tokens; the channel and its history stay, disabled. */
  async disconnect(workspaceId: string, channelId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('channel')
      .set({ credentials: null, status: 'disabled', status_reason: null, rate_limited_until: null, updated_at: this.now() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', channelId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
