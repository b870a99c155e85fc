// What the post will look like on each network: a Bluesky-like and a
// Mastodon-like card, with the thread and the first reply under it. Close to
// the networks' own look so a person spots a cut link or a missing image.
import { Avatar, Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/api-types.ts';
import type { PostContent, PostPart } from '../../../shared/publishing.ts';
import { channelAddress, networkLook } from '../../channels/networks.tsx';
import type { MediaInfo } from './channel-checks.ts';
import { RichText } from './rich-text.tsx';

function actionIcon(d: string) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}
const replyIcon = actionIcon('M4 5h16v11H9l-5 4z');
const repostIcon = actionIcon('M4 9V7a2 2 0 0 1 2-2h11l-3-3M20 15v2a2 2 0 0 1-2 2H7l3 3');
const likeIcon = actionIcon('M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z');
const starIcon = actionIcon('M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z');

export function PostPreview({ channel, content, mediaInfo }: { channel: Channel; content: PostContent; mediaInfo: MediaInfo }) {
  const parts: PostPart[] = [{ text: content.text, media: content.media }, ...content.thread];
  const reply = content.firstReply?.trim() ? content.firstReply : null;
  return (
    <Box className="relais-preview" data-network={channel.network} data-testid="composer-preview">
      <Stack gap={0}>
        {parts.map((part, index) => (
          <PreviewPost key={index} channel={channel} part={part} mediaInfo={mediaInfo} continues={index < parts.length - 1 || reply !== null} />
        ))}
        {reply !== null && <PreviewPost channel={channel} part={{ text: reply, media: [] }} mediaInfo={mediaInfo} continues={false} />}
      </Stack>
    </Box>
  );
}

function PreviewPost({ channel, part, mediaInfo, continues }: { channel: Channel; part: PostPart; mediaInfo: MediaInfo; continues: boolean }) {
  const { t } = useTranslation();
  const mastodon = channel.network === 'mastodon';
  const name = channel.displayName?.trim() || channel.handle.replace(/^@/, '');
  const linkColor = mastodon ? 'light-dark(#563acc, #8c8dff)' : 'light-dark(#1083fe, #208bfe)';
  const images = part.media.filter((ref) => mediaInfo[ref.mediaId]?.kind !== 'video');
  const videos = part.media.filter((ref) => mediaInfo[ref.mediaId]?.kind === 'video');
  return (
    <Group gap={10} wrap="nowrap" align="stretch" pb={continues ? 6 : 0}>
      <Stack gap={0} align="center" style={{ flexShrink: 0 }}>
        <Avatar src={channel.avatarUrl} name={name} color="initials" size={mastodon ? 44 : 40} radius={mastodon ? 8 : 'xl'} alt="" imageProps={{ referrerPolicy: 'no-referrer' }} />
        {continues && <div className="relais-preview-thread-line" />}
      </Stack>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }} pb={continues ? 8 : 0}>
        <Group gap={4} wrap="nowrap" justify="space-between">
          <Text size="sm" lh={1.25} truncate style={{ minWidth: 0 }}>
            <Text span fw={700} size="sm">
              {name}
            </Text>{' '}
            <Text span size="sm" className="relais-preview-muted">
              {mastodon ? channelAddress(channel) : `@${channel.handle.replace(/^@/, '')}`}
              {!mastodon && ` · ${t('publishing.preview.now')}`}
            </Text>
          </Text>
          {mastodon && (
            <Text size="xs" className="relais-preview-muted" style={{ flexShrink: 0 }}>
              {t('publishing.preview.now')}
            </Text>
          )}
        </Group>
        {part.text.trim() !== '' ? (
          <div className="relais-preview-text">
            <RichText text={part.text} bareDomains={!mastodon} linkColor={linkColor} />
          </div>
        ) : (
          part.media.length === 0 && (
            <Text size="sm" fs="italic" className="relais-preview-muted">
              {t('publishing.preview.empty')}
            </Text>
          )
        )}
        {images.length > 0 && (
          <div className="relais-preview-images" data-count={Math.min(images.length, 4)}>
            {images.slice(0, 4).map((ref, index) => {
              const file = mediaInfo[ref.mediaId];
              return file?.thumbnailUrl ? <img key={index} src={file.thumbnailUrl} alt={ref.altText} /> : <div key={index} className="relais-preview-image-missing" />;
            })}
          </div>
        )}
        {videos.length > 0 && (
          <Text size="xs" className="relais-preview-muted">
            🎬 {videos.map((ref) => mediaInfo[ref.mediaId]?.fileName).join(', ')}
          </Text>
        )}
        <Group gap={mastodon ? 28 : 36} mt={4} className="relais-preview-muted" aria-hidden="true">
          {replyIcon}
          {repostIcon}
          {mastodon ? starIcon : likeIcon}
        </Group>
      </Stack>
    </Group>
  );
}

/** The network's name and logo above its preview. */
export function PreviewTitle({ network }: { network: string }) {
  const { name, Glyph, color } = networkLook(network);
  return (
    <Group gap={6}>
      <Glyph size={14} style={{ color }} />
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {name}
      </Text>
    </Group>
  );
}
