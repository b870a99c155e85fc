// The images and videos attached to one part of a post: a thumbnail each,
// its description (alt text) to write or check, and a way to take it off.
import { useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Popover, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MediaRef } from '../../../shared/publishing.ts';
import { IconPencil, IconX } from '../../ui/icons.tsx';
import type { MediaInfo } from './channel-checks.ts';

export function MediaStrip({ media, info, requireAltText, onChange }: { media: MediaRef[]; info: MediaInfo; requireAltText: boolean; onChange: (media: MediaRef[]) => void }) {
  const { t } = useTranslation();
  if (media.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" data-testid="composer-media">
      {media.map((ref, index) => {
        const file = info[ref.mediaId];
        const missingAlt = ref.altText.trim() === '';
        return (
          <Box key={`${ref.mediaId}-${index}`} className="relais-media-thumb" data-testid="composer-media-item">
            {file?.thumbnailUrl ? (
              <img src={file.thumbnailUrl} alt={ref.altText || file.fileName} loading="lazy" />
            ) : (
              <Text size="xs" c="dimmed" p={6} ta="center" style={{ overflowWrap: 'anywhere' }}>
                {file ? (file.kind === 'video' ? `🎬 ${file.fileName}` : file.fileName) : t('publishing.composer.mediaLoading')}
              </Text>
            )}
            <Box className="relais-media-thumb-actions">
              <Tooltip label={t('publishing.composer.mediaRemove')} withArrow>
                <ActionIcon size="sm" radius="xl" variant="filled" color="dark" aria-label={t('publishing.composer.mediaRemove')} onClick={() => onChange(media.filter((_, i) => i !== index))}>
                  <IconX size={12} />
                </ActionIcon>
              </Tooltip>
            </Box>
            {file?.kind !== 'video' && (
              <Box className="relais-media-thumb-alt">
                <AltTextEditor
                  value={ref.altText}
                  highlight={missingAlt && requireAltText}
                  onSave={(altText) => onChange(media.map((m, i) => (i === index ? { ...m, altText } : m)))}
                />
              </Box>
            )}
          </Box>
        );
      })}
    </Group>
  );
}

function AltTextEditor({ value, highlight, onSave }: { value: string; highlight: boolean; onSave: (value: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState(value);
  const open = () => {
    setDraft(value);
    setOpened(true);
  };
  return (
    <Popover opened={opened} onChange={setOpened} width={300} position="bottom-start" shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Badge
          component="button"
          type="button"
          size="sm"
          radius="sm"
          variant="filled"
          color={value ? 'dark' : highlight ? 'red' : 'dark'}
          leftSection={value ? undefined : <IconPencil size={10} />}
          onClick={open}
          style={{ cursor: 'pointer', opacity: 0.92 }}
          aria-label={value ? t('publishing.composer.altEdit') : t('publishing.composer.altAdd')}
          data-testid="composer-alt-button"
        >
          {t('publishing.composer.alt')}
        </Badge>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Textarea
            label={t('publishing.composer.altLabel')}
            description={t('publishing.composer.altHelp')}
            autosize
            minRows={3}
            maxRows={8}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            data-autofocus
            data-testid="composer-alt-text"
          />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              onClick={() => {
                onSave(draft.trim());
                setOpened(false);
              }}
            >
              {t('publishing.composer.altSave')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
