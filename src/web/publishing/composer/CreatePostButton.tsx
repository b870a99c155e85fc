// "Create post" in the header, on every page of a workspace (for those who may
// write): opens the composer dialog over the page.
import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../shared/api-types.ts';
import { can } from '../../../shared/roles.ts';
import { IconPencil } from '../../ui/icons.tsx';
import { useOpenComposer } from './open-composer.ts';

export function CreatePostButton({ workspace, compact }: { workspace: Workspace | null; compact: boolean }) {
  const { t } = useTranslation();
  const open = useOpenComposer();
  if (!workspace || !can(workspace.role, 'content:write')) return null;
  if (compact) {
    return (
      <Tooltip label={t('publishing.createPost')} withArrow>
        <ActionIcon variant="filled" size="lg" radius="xl" aria-label={t('publishing.createPost')} onClick={() => open()} data-testid="create-post">
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Button size="sm" radius="xl" leftSection={<IconPencil size={16} />} onClick={() => open()} mr="xs" data-testid="create-post">
      {t('publishing.createPost')}
    </Button>
  );
}
