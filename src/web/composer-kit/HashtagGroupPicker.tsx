// "Add hashtags": the workspace's hashtag groups, searchable; picking one
// hands its hashtags (each with its #) to the composer.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHashtagGroups } from '../api/templates.ts';
import { IconHash } from '../ui/icons.tsx';
import { PickerMenu } from './PickerMenu.tsx';

export function HashtagGroupPicker({ workspaceId, onPick }: { workspaceId: string; onPick: (hashtags: string[]) => void }) {
  const { t } = useTranslation();
  const groups = useHashtagGroups(workspaceId);
  return (
    <PickerMenu
      label={t('composerKit.hashtagPicker.label')}
      icon={<IconHash size={16} />}
      testId="hashtag-group-picker"
      loading={groups.isPending}
      emptyText={groups.isError ? groups.error.message : t('composerKit.hashtagPicker.empty')}
      searchPlaceholder={t('composerKit.hashtagPicker.search')}
      items={groups.data?.map((group) => ({
        id: group.id,
        searchText: `${group.name} ${group.hashtags.join(' ')}`,
        content: (
          <Stack gap={2} data-testid="hashtag-group-option">
            <Text size="sm" fw={600} truncate>
              {group.name}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {group.hashtags.join(' ')}
            </Text>
          </Stack>
        ),
      }))}
      onPick={(id) => {
        const group = groups.data?.find((candidate) => candidate.id === id);
        if (group) onPick([...group.hashtags]);
      }}
    />
  );
}
