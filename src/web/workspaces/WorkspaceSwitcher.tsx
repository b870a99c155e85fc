// Header menu listing my workspaces; instance admins can create one from it.
import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import type { Workspace } from '../../shared/api-types.ts';
import { can } from '../../shared/roles.ts';
import { useMe } from '../api/session.ts';
import { IconCheck, IconPlus, IconSelector } from '../ui/icons.tsx';
import { useOpenCreateWorkspace } from './create-workspace-context.ts';
import { isSettingsPage, pagePermission, settingsPath } from './paths.ts';

function WorkspaceAvatar({ workspace }: { workspace: Pick<Workspace, 'name'> }) {
  return (
    <Avatar size={28} radius="md" color="relais" variant="filled">
      {workspace.name.trim().slice(0, 1).toUpperCase() || '?'}
    </Avatar>
  );
}

export function WorkspaceSwitcher({ current, fullWidth = false }: { current: Workspace | null; fullWidth?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const openCreate = useOpenCreateWorkspace();
  const pageMatch = useMatch('/w/:workspaceId/settings/:page');
  if (!me) return null;
  const isInstanceAdmin = me.user.instanceRole === 'admin';
  if (me.workspaces.length === 0 && !isInstanceAdmin) return null;

  const open = (workspace: Workspace) => {
    const page = pageMatch?.params.page;
    if (isSettingsPage(page)) {
      const permission = pagePermission[page];
      navigate(settingsPath(workspace.id, permission && !can(workspace.role, permission) ? 'workspace' : page));
    } else {
      navigate(`/w/${encodeURIComponent(workspace.id)}`);
    }
  };

  return (
    <Menu position="bottom-start" width={280} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          className="relais-switcher"
          aria-label={t('workspaces.switcher.label')}
          data-testid="workspace-switcher"
          w={fullWidth ? '100%' : undefined}
          maw={fullWidth ? undefined : 280}
        >
          <Group gap={10} wrap="nowrap">
            {current ? <WorkspaceAvatar workspace={current} /> : <Avatar size={28} radius="md" />}
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600} truncate lh={1.3}>
                {current?.name ?? t('workspaces.switcher.none')}
              </Text>
              {current && (
                <Text size="xs" c="dimmed" truncate lh={1.3}>
                  {t(`roles.${current.role}.label`)}
                </Text>
              )}
            </Stack>
            <IconSelector size={16} style={{ flexShrink: 0, opacity: 0.6 }} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {me.workspaces.length > 0 && <Menu.Label>{t('workspaces.switcher.title')}</Menu.Label>}
        {me.workspaces.map((workspace) => (
          <Menu.Item
            key={workspace.id}
            onClick={() => open(workspace)}
            leftSection={<WorkspaceAvatar workspace={workspace} />}
            rightSection={workspace.id === current?.id ? <IconCheck size={16} /> : null}
            data-testid="workspace-option"
          >
            <Text size="sm" fw={500} truncate>
              {workspace.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${workspace.role}.label`)}
            </Text>
          </Menu.Item>
        ))}
        {isInstanceAdmin && (
          <>
            {me.workspaces.length > 0 && <Menu.Divider />}
            <Menu.Item leftSection={<IconPlus size={16} />} onClick={openCreate} data-testid="new-workspace">
              {t('workspaces.switcher.new')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
