// The workspace's media library: every image and video uploaded once for its
// posts. Everyone in the workspace browses and searches it; those who write
// content upload (drag and drop), describe (alt text), tag and remove files.
import { useState } from 'react';
import { Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { MediaKind, MediaView } from '../../shared/api-types.ts';
import { can } from '../../shared/roles.ts';
import { useMediaLibrary } from '../api/media.ts';
import { IconSearch } from '../ui/icons.tsx';
import { PageHeader } from '../ui/page.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { MediaDetailsModal } from './MediaDetailsModal.tsx';
import { MediaGrid } from './MediaGrid.tsx';
import { MediaTile } from './MediaTile.tsx';
import { MediaUploadZone } from './MediaUploadZone.tsx';

export function MediaLibraryPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const canWrite = can(workspace.role, 'content:write');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [kind, setKind] = useState<MediaKind | 'all'>('all');
  const library = useMediaLibrary(workspace.id, { search: debouncedSearch, kind: kind === 'all' ? null : kind });
  const [openedId, setOpenedId] = useState<string | null>(null);
  // The open file as the list has it now (fresh after a save).
  const opened = openedId ? (library.data?.pages.flatMap((p) => p.media).find((m) => m.id === openedId) ?? null) : null;

  return (
    <>
      <PageHeader title={t('media.title')} description={t('media.description', { workspace: workspace.name })} />
      <Stack gap="md">
        {canWrite && <MediaUploadZone workspaceId={workspace.id} />}
        <Group gap="sm" wrap="wrap">
          <TextInput
            placeholder={t('media.searchPlaceholder')}
            aria-label={t('media.search')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
            data-testid="media-search"
          />
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value as MediaKind | 'all')}
            data={[
              { value: 'all', label: t('media.kinds.all') },
              { value: 'image', label: t('media.kinds.image') },
              { value: 'video', label: t('media.kinds.video') },
            ]}
            aria-label={t('media.kindFilter')}
          />
        </Group>
        <MediaGrid
          query={library}
          empty={
            debouncedSearch || kind !== 'all'
              ? { title: t('media.noMatch') }
              : { title: t('media.emptyTitle'), description: canWrite ? t('media.emptyDescription') : t('media.emptyDescriptionReadOnly') }
          }
          renderTile={(media: MediaView) => (
            <MediaTile key={media.id} media={media} label={t('media.open', { name: media.fileName })} onClick={() => setOpenedId(media.id)} />
          )}
        />
      </Stack>
      <MediaDetailsModal workspaceId={workspace.id} media={opened} canWrite={canWrite} onClose={() => setOpenedId(null)} />
    </>
  );
}
