// What the feed's newest item would look like as a post, on each chosen channel:
// the same rendering the server does (shared code), fitted to each network's
// length, with its counter. Unknown placeholders are pointed out as typed.
import { Alert, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/api-types.ts';
import type { ComposerLimits } from '../../shared/composer/limits.ts';
import type { FeedEntryFields } from '../../shared/feeds.ts';
import { renderFeedTemplate, unknownPlaceholders } from '../../shared/feed-template.ts';
import { useNetworks } from '../api/channels.ts';
import { channelAddress, ChannelAvatar } from '../channels/networks.tsx';
import { CharacterCounter } from '../publishing/composer/CharacterCounter.tsx';
import { IconAlert } from '../ui/icons.tsx';

export function FeedTemplatePreview({ template, latest, loading, channels }: { template: string; latest: FeedEntryFields | null; loading: boolean; channels: readonly Channel[] }) {
  const { t } = useTranslation();
  const networks = useNetworks();
  const unknown = unknownPlaceholders(template);
  const limitsOf = (network: string) => networks.data?.find((n) => n.network === network)?.limits as unknown as ComposerLimits | undefined;

  return (
    <Stack gap={8} data-testid="feed-preview">
      <Text size="sm" fw={500}>
        {t('feeds.preview.title')}
      </Text>
      {unknown.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlert />} p="xs" data-testid="feed-unknown-placeholder">
          {t('feeds.preview.unknown', { placeholders: unknown.join(', ') })}
        </Alert>
      )}
      {loading ? (
        <Skeleton height={72} radius="md" />
      ) : !latest ? (
        <Text size="sm" c="dimmed">
          {t('feeds.preview.none')}
        </Text>
      ) : channels.length === 0 ? (
        <PreviewCard text={renderFeedTemplate(template, latest).text} />
      ) : (
        channels.map((channel) => {
          const limits = limitsOf(channel.network);
          const rendered = renderFeedTemplate(template, latest, limits);
          return (
            <PreviewCard
              key={channel.id}
              text={rendered.text}
              header={
                <Group gap={8} wrap="nowrap">
                  <ChannelAvatar channel={channel} size={22} />
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {channelAddress(channel)}
                  </Text>
                </Group>
              }
              footer={
                <Group justify="space-between" gap="xs">
                  <Text size="xs" c={rendered.fits ? 'dimmed' : 'red'}>
                    {!rendered.fits ? t('feeds.preview.tooLong') : rendered.shortened ? t('feeds.preview.shortened') : ''}
                  </Text>
                  {limits && <CharacterCounter text={rendered.text} limits={limits} network={channel.network} showNetwork={false} />}
                </Group>
              }
            />
          );
        })
      )}
    </Stack>
  );
}

function PreviewCard({ text, header, footer }: { text: string; header?: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid="feed-preview-card">
      <Stack gap={6}>
        {header}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="feed-preview-text">
          {text}
        </Text>
        {footer}
      </Stack>
    </Paper>
  );
}
