// The previews beside the editor: one channel at a time (the tab being edited,
// or the one picked above the card), as its network would show the post.
import { useState } from 'react';
import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { channelAddress, ChannelAvatar } from '../../channels/networks.tsx';
import type { ChannelCheck, MediaInfo } from './channel-checks.ts';
import { contentFor, type ComposerDraft } from './draft.ts';
import { PostPreview, PreviewTitle } from './PostPreview.tsx';

export function PreviewPanel({ draft, checks, mediaInfo, focusChannelId }: { draft: ComposerDraft; checks: ChannelCheck[]; mediaInfo: MediaInfo; focusChannelId: string | null }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const shownId = focusChannelId ?? (checks.some((c) => c.channel.id === picked) ? picked : (checks[0]?.channel.id ?? null));
  const shown = checks.find((c) => c.channel.id === shownId)?.channel ?? null;
  return (
    <Stack gap="sm" pos="sticky" top={0}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t('publishing.preview.title')}
        </Text>
        {shown && <PreviewTitle network={shown.network} />}
      </Group>
      {checks.length > 1 && !focusChannelId && (
        <Group gap={6} role="group" aria-label={t('publishing.preview.pick')}>
          {checks.map(({ channel }) => (
            <UnstyledButton
              key={channel.id}
              onClick={() => setPicked(channel.id)}
              aria-pressed={channel.id === shownId}
              aria-label={channelAddress(channel)}
              className="relais-channel-toggle"
              data-picked={channel.id === shownId || undefined}
            >
              <ChannelAvatar channel={channel} size={26} />
            </UnstyledButton>
          ))}
        </Group>
      )}
      {shown ? (
        <PostPreview channel={shown} content={contentFor(draft, shown.id)} mediaInfo={mediaInfo} />
      ) : (
        <Paper withBorder radius="md" p="xl" style={{ borderStyle: 'dashed' }}>
          <Text size="sm" c="dimmed" ta="center">
            {t('publishing.preview.noChannel')}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
