// The home page of someone who belongs to no workspace yet.
import { Button, EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session.ts';
import { IconBuilding, IconPlus } from '../ui/icons.tsx';
import { usePageTitle } from '../ui/page.tsx';
import { useOpenCreateWorkspace } from './create-workspace-context.ts';

export function NoWorkspace() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const openCreate = useOpenCreateWorkspace();
  const isInstanceAdmin = me?.user.instanceRole === 'admin';
  usePageTitle(t('workspaces.empty.pageTitle'));
  return (
    <Paper withBorder radius="md" p="xl" mt="xl" data-testid="no-workspace">
      <EmptyState
        py="xl"
        size="lg"
        variant="light"
        icon={<IconBuilding size={30} />}
        title={isInstanceAdmin ? t('workspaces.empty.adminTitle') : t('workspaces.empty.memberTitle')}
        description={isInstanceAdmin ? t('workspaces.empty.adminDescription') : t('workspaces.empty.memberDescription')}
      >
        {isInstanceAdmin && (
          <EmptyState.Actions>
            <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
              {t('workspaces.empty.create')}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}
