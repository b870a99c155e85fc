// One post in the posts list: when, what (the start of its text), who wrote
// it, its campaign, and each channel's state with what is worth knowing.
import { Badge, ColorSwatch, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign, PostView, TargetView } from '../../../shared/publishing.ts';
import { channelAddress, ChannelAvatar } from '../../channels/networks.tsx';
import type { Channel } from '../../../shared/api-types.ts';
import { IconClock } from '../../ui/icons.tsx';
import type { PostTab } from '../paths.ts';
import { useZonedFormat } from '../zoned-time.ts';
import { TargetNote, TargetStateBadge } from './TargetStatus.tsx';

/** The moment that matters for a post in a tab, as an instant (ISO), and what it means. */
export function postMoment(post: PostView, tab: PostTab): { at: string | null; kind: 'scheduled' | 'published' | 'planned' | 'edited' } {
  const times = (pick: (t: TargetView) => string | null) => post.targets.map(pick).filter((v): v is string => v !== null).sort();
  if (tab === 'published') return { at: times((t) => t.publishedAt).at(-1) ?? null, kind: 'published' };
  if (tab === 'scheduled') return { at: times((t) => (t.state === 'scheduled' || t.state === 'publishing' ? t.scheduledAt : null))[0] ?? null, kind: 'scheduled' };
  if (tab === 'pending' || tab === 'drafts') {
    const planned = times((t) => t.scheduledAt)[0] ?? null;
    return planned ? { at: planned, kind: 'planned' } : { at: post.updatedAt, kind: 'edited' };
  }
  return { at: post.updatedAt, kind: 'edited' };
}

export function PostRow({ post, tab, channels, campaigns, timeZone, onOpen }: { post: PostView; tab: PostTab; channels: readonly Channel[]; campaigns: readonly Campaign[]; timeZone: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const zoned = useZonedFormat(timeZone);
  const moment = postMoment(post, tab);
  const campaign = campaigns.find((c) => c.id === post.campaignId);
  const excerpt = post.content.text.trim();
  const extras = [
    post.content.media.length > 0 ? t('publishing.posts.media', { count: post.content.media.length }) : null,
    post.content.thread.length > 0 ? t('publishing.posts.thread', { count: post.content.thread.length }) : null,
    post.content.firstReply ? t('publishing.posts.firstReply') : null,
  ].filter(Boolean);
  const channelOf = (target: TargetView) =>
    channels.find((c) => c.id === target.channelId) ?? { network: target.network, handle: target.handle, displayName: null, avatarUrl: null, serverUrl: '' };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      className="relais-post-row"
      onClick={onOpen}
      data-testid="post-row"
      data-post-id={post.id}
      data-approval={post.approval}
      data-states={post.targets.map((target) => target.state).join(' ')}
    >
      <Stack gap={8}>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Group gap={6} wrap="nowrap">
            <IconClock size={14} style={{ color: 'var(--mantine-color-dimmed)' }} />
            <Text size="xs" fw={600} data-testid="post-time">
              {moment.at
                ? t(`publishing.posts.moment.${moment.kind}`, { time: moment.kind === 'edited' ? zoned.relative(moment.at) : zoned.dateTime(moment.at) })
                : tab === 'pending'
                  ? t('publishing.posts.moment.onApproval')
                  : '—'}
            </Text>
            {moment.at && moment.kind !== 'edited' && (
              <Text size="xs" c="dimmed">
                · {zoned.relative(moment.at)}
              </Text>
            )}
          </Group>
          <Group gap={6}>
            {post.approval === 'rejected' && (
              <Badge size="xs" color="red" variant="light" tt="none">
                {t('publishing.posts.sentBack')}
              </Badge>
            )}
            {campaign && (
              <Badge size="xs" variant="outline" color="gray" tt="none" leftSection={<ColorSwatch color={campaign.color} size={8} />}>
                {campaign.name}
              </Badge>
            )}
            {post.author && (
              <Text size="xs" c="dimmed">
                {post.author.name}
              </Text>
            )}
          </Group>
        </Group>
        <UnstyledButton
          onClick={(e) => {
            e.stopPropagation();
            onOpen();
          }}
          aria-label={t('publishing.posts.open')}
        >
          <Text size="sm" lineClamp={2} className="relais-post-excerpt" c={excerpt ? undefined : 'dimmed'} fs={excerpt ? undefined : 'italic'} data-testid="post-excerpt">
            {excerpt || t('publishing.posts.noText')}
          </Text>
        </UnstyledButton>
        {extras.length > 0 && (
          <Text size="xs" c="dimmed">
            {extras.join(' · ')}
          </Text>
        )}
        <Stack gap={6}>
          {post.targets.map((target) => (
            <Group key={target.id} gap={8} wrap="wrap" align="center" data-testid="post-target" data-handle={target.handle} data-state={target.state}>
              <Group gap={6} wrap="nowrap" miw={0}>
                <ChannelAvatar channel={channelOf(target)} size={20} />
                <Text size="xs" c="dimmed" truncate maw={200}>
                  {channelAddress(channelOf(target))}
                </Text>
              </Group>
              <TargetStateBadge state={target.state} size="xs" />
              <TargetNote target={target} timeZone={timeZone} />
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
