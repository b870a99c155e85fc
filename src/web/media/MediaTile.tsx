// One file of the library as a square tile: its thumbnail (or a video mark),
// name and weight, and whether it still needs a description (alt text).
import { Badge, Box, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MediaView } from '../../shared/api-types.ts';
import { IconCheck, IconVideo } from '../ui/icons.tsx';
import { useMediaFormat } from './media-format.ts';
import './media.css';

export function MediaTile({ media, selected, onClick, label }: { media: MediaView; selected?: boolean; onClick: () => void; label: string }) {
  const { t } = useTranslation();
  const format = useMediaFormat();
  const needsAlt = media.kind === 'image' && media.altText.trim() === '';
  return (
    <UnstyledButton
      className="relais-media-tile"
      onClick={onClick}
      aria-label={label}
      aria-pressed={selected === undefined ? undefined : selected}
      data-testid="media-tile"
      data-media-id={media.id}
      data-file-name={media.fileName}
      data-selected={selected || undefined}
    >
      <Box className="relais-media-tile-picture">
        {media.thumbnailUrl ? (
          <img src={media.thumbnailUrl} alt={media.altText} loading="lazy" data-testid="media-thumbnail" />
        ) : (
          <Box className="relais-media-tile-video">
            <IconVideo size={34} />
            {media.durationMs != null && <Text size="xs">{format.duration(media.durationMs)}</Text>}
          </Box>
        )}
        {needsAlt && (
          <Badge className="relais-media-tile-badge" size="xs" color="orange" variant="filled" radius="sm" data-testid="media-needs-alt">
            {t('media.noAlt')}
          </Badge>
        )}
        {selected && (
          <Box className="relais-media-tile-check" aria-hidden="true">
            <IconCheck size={16} strokeWidth={3} />
          </Box>
        )}
      </Box>
      <Box px={8} py={6}>
        <Text size="xs" fw={500} truncate title={media.fileName}>
          {media.fileName}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {[format.bytes(media.sizeBytes), format.dimensions(media)].filter(Boolean).join(' · ')}
        </Text>
      </Box>
    </UnstyledButton>
  );
}
