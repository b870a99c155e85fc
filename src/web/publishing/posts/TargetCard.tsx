// One channel of a post in its detail: state, time, what is worth knowing, the
// content when it was customised, and what a person can do about a failure:
// try again, or say it is on the network after all (with its address).
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/api-types.ts';
import type { PostView, TargetView } from '../../../shared/publishing.ts';
import { channelAddress, ChannelAvatar } from '../../channels/networks.tsx';
import { IconCheck, IconRefresh } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.tsx';
import { useResolveTarget } from '../publishing-api.ts';
import { useZonedFormat } from '../zoned-time.ts';
import { PostContentView } from './PostContentView.tsx';
import { TargetNote, TargetStateBadge } from './TargetStatus.tsx';

export function TargetCard({ post, target, channel, workspaceId, timeZone, canAct }: { post: PostView; target: TargetView; channel: Channel | null; workspaceId: string; timeZone: string; canAct: boolean }) {
  const { t } = useTranslation();
  const zoned = useZonedFormat(timeZone);
  const resolve = useResolveTarget(workspaceId);
  const [marking, setMarking] = useState(false);
  const [url, setUrl] = useState('');
  const look = channel ?? { network: target.network, handle: target.handle, displayName: null, avatarUrl: null, serverUrl: '' };
  const settle = target.state === 'failed' || target.state === 'needs_attention';
  const when =
    target.state === 'published'
      ? t('publishing.detail.publishedAt', { time: zoned.dateTime(target.publishedAt) })
      : target.scheduledAt
        ? t('publishing.detail.scheduledAt', { time: zoned.dateTime(target.scheduledAt) })
        : null;

  const run = (resolution: { action: 'retry' } | { action: 'published'; url: string | null }) =>
    resolve.mutate(
      { postId: post.id, targetId: target.id, resolution },
      {
        onSuccess: () => {
          notifySuccess(resolution.action === 'retry' ? t('publishing.detail.retried') : t('publishing.detail.markedPublished'));
          setMarking(false);
        },
        onError: (error) => notifyError(error),
      },
    );

  return (
    <Paper withBorder radius="md" p="sm" data-testid="detail-target" data-handle={target.handle} data-state={target.state}>
      <Stack gap={8}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={8} wrap="nowrap" miw={0}>
            <ChannelAvatar channel={look} size={28} />
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={600} truncate>
                {channelAddress(look)}
              </Text>
              {when && (
                <Text size="xs" c="dimmed">
                  {when}
                </Text>
              )}
            </Stack>
          </Group>
          <TargetStateBadge state={target.state} />
        </Group>
        <TargetNote target={target} timeZone={timeZone} />
        {target.customized && (
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed">
              {t('publishing.detail.customized')}
            </Text>
            <PostContentView content={target.content} workspaceId={workspaceId} />
          </Stack>
        )}
        {settle && canAct && !marking && (
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} loading={resolve.isPending} onClick={() => run({ action: 'retry' })} data-testid="target-retry">
              {t('publishing.detail.retry')}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconCheck size={14} />} onClick={() => setMarking(true)} data-testid="target-mark-published">
              {t('publishing.detail.markPublished')}
            </Button>
          </Group>
        )}
        {marking && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              run({ action: 'published', url: url.trim() || null });
            }}
          >
            <Stack gap="xs">
              <TextInput
                size="xs"
                type="url"
                label={t('publishing.detail.liveUrl')}
                description={t('publishing.detail.liveUrlHelp')}
                placeholder="https://"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                data-autofocus
              />
              <Group gap="xs" justify="flex-end">
                <Button size="xs" variant="default" onClick={() => setMarking(false)}>
                  {t('common.cancel')}
                </Button>
                <Button size="xs" type="submit" loading={resolve.isPending}>
                  {t('publishing.detail.markPublishedConfirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
