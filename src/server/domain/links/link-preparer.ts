// The publisher's text preparer: just before a part is sent, each web link of
// its text gets the campaign's UTM parameters and, when the workspace shortens
// links, is replaced by its short link. Whatever is chosen for a (target, link)
// is stored the first time and reused by every retry — the same code, the same
// UTM values, the same form — even if the campaign or the switch changed in
// between: a retry must send the very text the network may already have.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { TextPreparer } from '../publishing/publisher.ts';
import { findWebLinks } from '../../../shared/short-links.ts';
import { addUtm, campaignUtm, type UtmParameters } from './utm.ts';
import { rewriteLinks, type LengthLimits } from './rewrite-text.ts';
import type { LinkRow, LinkStore } from './link-store.ts';

type PrepareContext = Parameters<TextPreparer['prepare']>[1];

export interface LinkPreparerDeps {
  db: Kysely<Database>;
  store: LinkStore;
  /** How the network counts a text, to keep a rewritten text within its limit; null when unknown. */
  limitsFor(network: string): LengthLimits | null;
}

export class LinkPreparer implements TextPreparer {
  private readonly deps: LinkPreparerDeps;

  constructor(deps: LinkPreparerDeps) {
    this.deps = deps;
  }

  async prepare(text: string, context: PrepareContext): Promise<string> {
    const links = findWebLinks(text);
    if (links.length === 0) return text;
    const channel = await this.deps.db.selectFrom('channel').select('network').where('id', '=', context.channelId).where('workspace_id', '=', context.workspaceId).executeTakeFirst();
    if (!channel) return text;
    const urls = [...new Set(links.map((link) => link.url))];
    const fixed = await this.deps.store.forTarget(context.workspaceId, context.targetId, urls);
    const missing = urls.filter((url) => !fixed.has(url));
    if (missing.length > 0) {
      const { shorten, utm } = await this.choices(context, channel.network);
      for (const url of missing) {
        const row = await this.fix(url, context, shorten, utm);
        if (row) fixed.set(url, row);
      }
    }
    const replacements = new Map([...fixed].map(([url, row]) => [url, row.posted_as]));
    return rewriteLinks(text, links, replacements, this.deps.limitsFor(channel.network));
  }

  /** What applies now: the workspace's "shorten links" switch and the post's campaign parameters. */
  private async choices(context: PrepareContext, network: string): Promise<{ shorten: boolean; utm: UtmParameters | null }> {
    const { db } = this.deps;
    const setting = await db.selectFrom('publishing_setting').select('shorten_links').where('workspace_id', '=', context.workspaceId).executeTakeFirst();
    const campaign = context.campaignId
      ? await db.selectFrom('campaign').select(['name', 'utm_source', 'utm_medium', 'utm_campaign']).where('id', '=', context.campaignId).where('workspace_id', '=', context.workspaceId).executeTakeFirst()
      : undefined;
    return { shorten: Boolean(setting?.shorten_links), utm: campaign ? campaignUtm(campaign, network) : null };
  }

  /** Stores the choice for one link (or finds the one stored meanwhile); null for a link no browser could open. */
  private async fix(url: string, context: PrepareContext, shorten: boolean, utm: UtmParameters | null): Promise<LinkRow | null> {
    const tagged = utm ? addUtm(url, utm) : url;
    const destination = webUrl(tagged);
    if (!destination) return null;
    return this.deps.store.insertOrGet({
      workspaceId: context.workspaceId,
      postId: context.postId,
      targetId: context.targetId,
      channelId: context.channelId,
      url,
      destination,
      shortened: shorten,
      tagged,
    });
  }
}

/** The normalized absolute http(s) URL (host in punycode, path percent-encoded: fit for a Location header), or null. */
function webUrl(candidate: string): string | null {
  if (!URL.canParse(candidate)) return null;
  const url = new URL(candidate);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
