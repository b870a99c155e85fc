// "Saving…", "Saved", "Not saved": the autosave's state beside the buttons.
import { Group, Loader, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';
import type { SaveStatus } from './use-post-saver.ts';

export function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  if (status.state === 'idle') return null;
  if (status.state === 'saving') {
    return (
      <Group gap={6} data-testid="composer-save-status" data-state="saving">
        <Loader size={12} />
        <Text size="xs" c="dimmed">
          {t('publishing.composer.saving')}
        </Text>
      </Group>
    );
  }
  if (status.state === 'error') {
    return (
      <Tooltip label={status.error.message} withArrow multiline w={280}>
        <Group gap={6} c="red" data-testid="composer-save-status" data-state="error">
          <IconAlert size={14} />
          <Text size="xs" c="red">
            {t('publishing.composer.notSaved')}
          </Text>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Group gap={6} c="teal" data-testid="composer-save-status" data-state="saved">
      <IconCheck size={14} />
      <Text size="xs" c="dimmed">
        {t('publishing.composer.saved')}
      </Text>
    </Group>
  );
}
