// Choose files from the media library (or upload new ones) for a post. The
// picker hands back the chosen files, in the order they were chosen, then
// closes; it never lets more than `maxCount` be chosen.
import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { MediaView } from '../../shared/api-types.ts';
import { useMe } from '../api/session.ts';
import { can } from '../../shared/roles.ts';
import { useMediaLibrary } from '../api/media.ts';
import { Dialog } from '../ui/dialog.tsx';
import { IconSearch } from '../ui/icons.tsx';
import { MediaGrid } from './MediaGrid.tsx';
import { MediaTile } from './MediaTile.tsx';
import { MediaUploadZone } from './MediaUploadZone.tsx';

export interface MediaPickerProps {
  workspaceId: string;
  opened: boolean;
  onClose(): void;
  /** The chosen files, in the order chosen; the picker closes itself after. */
  onPick(media: MediaView[]): void;
  maxCount: number;
}

export function MediaPicker(props: MediaPickerProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={t('media.picker.title')} size="xl" data-testid="media-picker">
      {/* Mounted only while open: each opening starts with nothing chosen. */}
      {props.opened && <PickerBody {...props} />}
    </Dialog>
  );
}

function PickerBody({ workspaceId, onClose, onPick, maxCount }: MediaPickerProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const role = me?.workspaces.find((w) => w.id === workspaceId)?.role;
  const canUpload = can(role, 'content:write');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const library = useMediaLibrary(workspaceId, { search: debouncedSearch, kind: null });
  const [chosen, setChosen] = useState<MediaView[]>([]);
  const full = chosen.length >= maxCount;

  const toggle = (media: MediaView) =>
    setChosen((current) => {
      if (current.some((m) => m.id === media.id)) return current.filter((m) => m.id !== media.id);
      // With room for one only, a click swaps the choice.
      if (maxCount === 1) return [media];
      return current.length >= maxCount ? current : [...current, media];
    });

  // New uploads are chosen right away, as long as there is room.
  const chooseUploaded = (media: MediaView[]) =>
    setChosen((current) => (maxCount === 1 ? media.slice(0, 1) : [...current, ...media].slice(0, Math.max(maxCount, current.length))));

  const confirm = () => {
    onPick(chosen);
    onClose();
  };

  return (
    <Stack gap="md">
      {canUpload && <MediaUploadZone workspaceId={workspaceId} onUploaded={chooseUploaded} compact />}
      <TextInput
        placeholder={t('media.searchPlaceholder')}
        aria-label={t('media.search')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        data-testid="media-picker-search"
      />
      <div style={{ maxHeight: '52vh', overflowY: 'auto', padding: 2 }}>
        <MediaGrid
          compact
          query={library}
          empty={debouncedSearch ? { title: t('media.noMatch') } : { title: t('media.emptyTitle'), description: canUpload ? t('media.picker.emptyDescription') : undefined }}
          renderTile={(media) => {
            const selected = chosen.some((m) => m.id === media.id);
            return (
              <MediaTile
                key={media.id}
                media={media}
                selected={selected}
                label={t(selected ? 'media.picker.unchoose' : 'media.picker.choose', { name: media.fileName })}
                onClick={() => toggle(media)}
              />
            );
          }}
        />
      </div>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c={full && maxCount > 1 ? 'orange' : 'dimmed'} data-testid="media-picker-count">
          {t('media.picker.count', { count: chosen.length, max: maxCount })}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm} disabled={chosen.length === 0} data-testid="media-picker-confirm">
            {t('media.picker.confirm', { count: chosen.length })}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
