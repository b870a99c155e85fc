// Client approval links: created for a period (and maybe a few channels) with
// an expiry, listed with what clients did through them, revoked. A link is
// found again only through its token, and only while it is neither expired
// nor revoked.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { approvalLinkMaxPeriodDays, type ApprovalLinkView } from '../../../shared/approval-links.ts';
import { hashLinkToken, newLinkToken, sameTokenHash } from './link-token.ts';

const dayMs = 24 * 3600 * 1000;

export interface NewApprovalLink {
  label: string;
  from: string;
  to: string;
  channelIds?: string[];
  expiresInDays: number;
}

/** A link a client may use right now. */
export interface ActiveLink {
  id: string;
  workspaceId: string;
  label: string;
  periodStart: number;
  periodEnd: number;
  expiresAt: number;
  /** null: every channel of the workspace. */
  channelIds: string[] | null;
  createdBy: string | null;
}

const iso = (ms: number | null) => (ms == null ? null : new Date(Number(ms)).toISOString());

export async function workspaceTimeZone(db: Kysely<Database>, workspaceId: string): Promise<string> {
  const row = await db.selectFrom('organization').select('timeZone').where('id', '=', workspaceId).executeTakeFirst();
  return row?.timeZone || 'UTC';
}

/** First and last day of a period, in the workspace's zone (the end is exclusive: the day before it). */
export function periodDays(periodStart: number, periodEnd: number, timeZone: string): { from: string; to: string } {
  return {
    from: DateTime.fromMillis(Number(periodStart), { zone: timeZone }).toISODate()!,
    to: DateTime.fromMillis(Number(periodEnd) - 1, { zone: timeZone }).toISODate()!,
  };
}

export class ApprovalLinks {
  private readonly db: Kysely<Database>;
  private readonly now: () => number;

  constructor(deps: { db: Kysely<Database>; now?: () => number }) {
    this.db = deps.db;
    this.now = deps.now ?? Date.now;
  }

  /** Returns the link and its token; the token is never stored nor shown again. */
  async create(workspaceId: string, createdBy: string | null, input: NewApprovalLink): Promise<{ link: ApprovalLinkView; token: string }> {
    const timeZone = await workspaceTimeZone(this.db, workspaceId);
    const start = DateTime.fromISO(input.from, { zone: timeZone }).startOf('day');
    const end = DateTime.fromISO(input.to, { zone: timeZone }).plus({ days: 1 }).startOf('day');
    if (!start.isValid || !end.isValid || end <= start || end.diff(start, 'days').days > approvalLinkMaxPeriodDays + 1) {
      throw new AppError(400, 'approval_link_period_invalid', { days: approvalLinkMaxPeriodDays });
    }
    const channelIds = input.channelIds?.length ? [...new Set(input.channelIds)] : null;
    if (channelIds) {
      const known = await this.db.selectFrom('channel').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', channelIds).execute();
      const missing = channelIds.find((id) => !known.some((row) => row.id === id));
      if (missing) throw new AppError(400, 'approval_link_channel_unknown', { channelId: missing });
    }
    const token = newLinkToken();
    const now = this.now();
    const id = randomUUID();
    await this.db
      .insertInto('approval_link')
      .values({
        id,
        workspace_id: workspaceId,
        token_hash: hashLinkToken(token)!,
        label: input.label,
        period_start: start.toMillis(),
        period_end: end.toMillis(),
        expires_at: now + input.expiresInDays * dayMs,
        created_by: createdBy,
        created_at: now,
        revoked_at: null,
        channel_ids: channelIds ? JSON.stringify(channelIds) : null,
        last_opened_at: null,
      })
      .execute();
    const [link] = await this.views(workspaceId, [id]);
    return { link, token };
  }

  /** Every link of the workspace, newest first, with what clients did through each. */
  async list(workspaceId: string): Promise<ApprovalLinkView[]> {
    return this.views(workspaceId, null);
  }

  /** Revokes a link at once (idempotent); null when the workspace has no such link. */
  async revoke(workspaceId: string, linkId: string): Promise<ApprovalLinkView | null> {
    await this.db.updateTable('approval_link').set({ revoked_at: this.now() }).where('id', '=', linkId).where('workspace_id', '=', workspaceId).where('revoked_at', 'is', null).execute();
    const [link] = await this.views(workspaceId, [linkId]);
    return link ?? null;
  }

  /**
   * The link a token opens. Unknown → 404; revoked or expired → 410 (the
   * client learns to ask for a new link, nothing about the workspace).
   */
  async resolve(token: string): Promise<ActiveLink> {
    const hash = hashLinkToken(token);
    const row = hash ? await this.db.selectFrom('approval_link').selectAll().where('token_hash', '=', hash).executeTakeFirst() : undefined;
    if (!hash || !row || !sameTokenHash(row.token_hash, hash)) throw new AppError(404, 'review_link_not_found');
    if (row.revoked_at != null) throw new AppError(410, 'review_link_revoked');
    if (Number(row.expires_at) <= this.now()) throw new AppError(410, 'review_link_expired');
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      label: row.label,
      periodStart: Number(row.period_start),
      periodEnd: Number(row.period_end),
      expiresAt: Number(row.expires_at),
      channelIds: row.channel_ids ? (JSON.parse(row.channel_ids) as string[]) : null,
      createdBy: row.created_by,
    };
  }

  /** Remembers when the client last opened the page, at most once a minute (a page view must not write every time). */
  async markOpened(link: ActiveLink): Promise<void> {
    const now = this.now();
    await this.db
      .updateTable('approval_link')
      .set({ last_opened_at: now })
      .where('id', '=', link.id)
      .where((eb) => eb.or([eb('last_opened_at', 'is', null), eb('last_opened_at', '<', now - 60_000)]))
      .execute();
  }

  private async views(workspaceId: string, ids: string[] | null): Promise<ApprovalLinkView[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('approval_link')
      .leftJoin('user', 'user.id', 'approval_link.created_by')
      .selectAll('approval_link')
      .select('user.name as created_by_name')
      .where('approval_link.workspace_id', '=', workspaceId)
      .$if(ids !== null, (q) => q.where('approval_link.id', 'in', ids!))
      .orderBy('approval_link.created_at', 'desc')
      .limit(500)
      .execute();
    if (rows.length === 0) return [];
    const linkIds = rows.map((row) => row.id);
    const counts = await this.db
      .selectFrom('approval_link_action')
      .select(['link_id', 'kind'])
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('created_at').as('last_at')])
      .where('workspace_id', '=', workspaceId)
      .where('link_id', 'in', linkIds)
      .groupBy(['link_id', 'kind'])
      .execute();
    const channelIds = [...new Set(rows.flatMap((row) => (row.channel_ids ? (JSON.parse(row.channel_ids) as string[]) : [])))];
    const channels = channelIds.length
      ? await this.db.selectFrom('channel').select(['id', 'network', 'handle']).where('workspace_id', '=', workspaceId).where('id', 'in', channelIds).execute()
      : [];
    const timeZone = await workspaceTimeZone(this.db, workspaceId);
    const now = this.now();
    return rows.map((row) => {
      const mine = counts.filter((count) => count.link_id === row.id);
      const countOf = (kind: string) => Number(mine.find((count) => count.kind === kind)?.count ?? 0);
      const lastAt = mine.reduce<number | null>((latest, count) => (count.last_at == null ? latest : Math.max(latest ?? 0, Number(count.last_at))), null);
      const linkChannels = row.channel_ids ? (JSON.parse(row.channel_ids) as string[]) : [];
      return {
        id: row.id,
        label: row.label,
        ...periodDays(row.period_start, row.period_end, timeZone),
        channels: linkChannels.flatMap((id) => channels.filter((channel) => channel.id === id)),
        expiresAt: iso(row.expires_at)!,
        createdAt: iso(row.created_at)!,
        createdBy: row.created_by_name ?? null,
        revokedAt: iso(row.revoked_at),
        lastOpenedAt: iso(row.last_opened_at),
        status: row.revoked_at != null ? 'revoked' : Number(row.expires_at) <= now ? 'expired' : 'active',
        approvals: countOf('approved'),
        comments: countOf('commented'),
        lastActionAt: iso(lastAt),
      };
    });
  }
}
