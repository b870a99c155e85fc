// The channels a post goes to: each account's avatar with its network's logo,
// pressed when picked (a tick in the corner), in a row that wraps.
import { Box, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/api-types.ts';
import { channelAddress, ChannelAvatar } from '../../channels/networks.tsx';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';

export function ChannelPicker({ channels, selected, onToggle }: { channels: readonly Channel[]; selected: readonly string[]; onToggle: (channelId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={10} wrap="wrap" role="group" aria-label={t('publishing.composer.channels')}>
      {channels.map((channel) => {
        const picked = selected.includes(channel.id);
        const warning = channel.status === 'reconnect_needed' ? t('publishing.composer.channelReconnect') : null;
        const name = channel.displayName?.trim() || channelAddress(channel);
        return (
          <Tooltip key={channel.id} label={warning ? `${name} · ${warning}` : `${name} · ${channelAddress(channel)}`} withArrow>
            <UnstyledButton
              onClick={() => onToggle(channel.id)}
              aria-pressed={picked}
              aria-label={`${name} (${channelAddress(channel)})`}
              className="relais-channel-toggle"
              data-picked={picked || undefined}
              data-testid={`composer-channel-${channel.handle}`}
            >
              <ChannelAvatar channel={channel} size={40} />
              {picked && (
                <Box component="span" className="relais-channel-toggle-check" aria-hidden="true">
                  <IconCheck size={11} strokeWidth={3} />
                </Box>
              )}
              {warning && (
                <Box component="span" className="relais-channel-toggle-warning" aria-hidden="true">
                  <IconAlert size={11} strokeWidth={2.6} />
                </Box>
              )}
            </UnstyledButton>
          </Tooltip>
        );
      })}
      {selected.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('publishing.composer.pickChannels')}
        </Text>
      )}
    </Group>
  );
}
