// Under the calendar: which colour is which channel, which icon is which state,
// and the time zone every time on the page is in.
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/api-types.ts';
import { targetStates } from '../../shared/publishing.ts';
import { channelAddress, networkLook } from '../channels/networks.tsx';
import { colorOf, type ChannelColor } from './channel-colors.ts';
import { StateIcon } from './target-states.tsx';

export function CalendarLegend({ channels, colors }: { channels: readonly Channel[]; colors: ReadonlyMap<string, ChannelColor> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-label={t('calendar.legend.label')} data-testid="calendar-legend">
      {channels.length > 0 && (
        <Group gap="md" wrap="wrap" role="list" aria-label={t('calendar.legend.channels')}>
          {channels.map((channel) => {
            const { Glyph } = networkLook(channel.network);
            const color = colorOf(colors, channel.id);
            return (
              <Group key={channel.id} gap={6} wrap="nowrap" role="listitem" data-testid="calendar-legend-channel" data-channel-id={channel.id} data-color={color}>
                <span className="relais-legend-swatch" style={{ background: `var(--mantine-color-${color}-filled)` }} aria-hidden="true" />
                <Glyph size={12} aria-hidden="true" style={{ opacity: 0.7 }} />
                <Text size="xs">{channelAddress(channel)}</Text>
              </Group>
            );
          })}
        </Group>
      )}
      <Group gap="md" wrap="wrap" role="list" aria-label={t('calendar.legend.states')}>
        {targetStates.map((state) => (
          <Group key={state} gap={4} wrap="nowrap" role="listitem">
            <StateIcon state={state} size={13} />
            <Text size="xs" c="dimmed">
              {t(`publishing.states.${state}`)}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
