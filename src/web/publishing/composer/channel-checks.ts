// The live check of each picked channel's content against its network's
// limits: the same function the server runs before scheduling, so what the
// composer shows is what the server would refuse.
import { useMemo } from 'react';
import type { Channel, MediaView, NetworkInfo } from '../../../shared/api-types.ts';
import type { ComposerLimits } from '../../../shared/composer/limits.ts';
import { checkTargetContent, type MediaFacts } from '../../../shared/composer/validate-post.ts';
import type { ContentIssue } from '../../../shared/publishing.ts';
import { contentFor, type ComposerDraft } from './draft.ts';

export interface NetworkRules {
  limits: ComposerLimits;
  capabilities: string[];
}

/** A network's limits as the API sends them, or null when the network is unknown here. */
export function rulesOf(network: string, networks: readonly NetworkInfo[] | undefined): NetworkRules | null {
  const info = networks?.find((n) => n.network === network);
  if (!info) return null;
  return { limits: info.limits as unknown as ComposerLimits, capabilities: info.capabilities };
}

export interface ChannelCheck {
  channel: Channel;
  rules: NetworkRules | null;
  issues: ContentIssue[];
}

/** What the composer knows of each attached media file (from the picker or the library). */
export type MediaInfo = Record<string, Pick<MediaView, 'id' | 'kind' | 'mimeType' | 'thumbnailUrl' | 'fileUrl' | 'altText' | 'fileName'> | undefined>;

export function useChannelChecks(draft: ComposerDraft, channels: readonly Channel[], networks: readonly NetworkInfo[] | undefined, media: MediaInfo, requireAltText: boolean, mediaLoading: boolean, shortLinkBaseUrl: string | null = null): ChannelCheck[] {
  return useMemo(() => {
    const facts: Record<string, MediaFacts | undefined> = {};
    for (const [id, info] of Object.entries(media)) if (info) facts[id] = { kind: info.kind, mimeType: info.mimeType };
    return draft.channelIds.flatMap((channelId): ChannelCheck[] => {
      const channel = channels.find((c) => c.id === channelId);
      if (!channel) return [];
      const rules = rulesOf(channel.network, networks);
      if (!rules) return [{ channel, rules, issues: [] }];
      let issues = checkTargetContent(contentFor(draft, channelId), { limits: rules.limits, capabilities: rules.capabilities, requireAltText, media: facts, shortLinkBaseUrl });
      // While the library is still answering, an attached file is not "missing".
      if (mediaLoading) issues = issues.filter((issue) => issue.code !== 'media_missing');
      return [{ channel, rules, issues }];
    });
  }, [draft, channels, networks, media, requireAltText, mediaLoading, shortLinkBaseUrl]);
}
