// The side navigation: only the areas that exist and that the role may use.
import type { ReactNode } from 'react';
import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Workspace } from '../../shared/api-types.ts';
import { can } from '../../shared/roles.ts';
import { IconBroadcast, IconBuilding, IconHistory, IconKey, IconMail, IconServer, IconUser, IconUsers } from '../ui/icons.tsx';
import { pagePermission, settingsPath, type SettingsPage } from '../workspaces/paths.ts';

interface Item {
  key: string;
  to: string;
  label: string;
  icon: ReactNode;
}

const pageIcons: Record<SettingsPage, ReactNode> = {
  profile: <IconUser />,
  workspace: <IconBuilding />,
  channels: <IconBroadcast />,
  members: <IconUsers />,
  invitations: <IconMail />,
  'api-keys': <IconKey />,
  audit: <IconHistory />,
};

const pageTestIds: Record<SettingsPage, string> = {
  profile: 'profile',
  workspace: 'workspace',
  channels: 'channels',
  members: 'members',
  invitations: 'invitations',
  'api-keys': 'api-keys',
  audit: 'audit',
};

export function Navbar({ workspace, isInstanceAdmin, onNavigate }: { workspace: Workspace | null; isInstanceAdmin: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  const settings: Item[] = [];
  const pages: SettingsPage[] = ['profile', 'workspace', 'channels', 'members', 'invitations', 'api-keys', 'audit'];
  for (const page of pages) {
    if (!workspace) {
      if (page === 'profile') settings.push({ key: page, to: '/settings/profile', label: t('nav.profile'), icon: pageIcons[page] });
      continue;
    }
    const permission = pagePermission[page];
    if (permission && !can(workspace.role, permission)) continue;
    settings.push({ key: pageTestIds[page], to: settingsPath(workspace.id, page), label: t(`nav.${page}`), icon: pageIcons[page] });
  }
  const system: Item[] = isInstanceAdmin ? [{ key: 'jobs', to: '/admin/jobs', label: t('nav.jobs'), icon: <IconServer /> }] : [];

  const renderItem = (item: Item) => (
    <NavLink
      key={item.key}
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
      onClick={onNavigate}
      className="relais-nav-link"
      data-testid={`nav-${item.key}`}
    />
  );

  return (
    <Stack component="nav" gap={2} aria-label={t('nav.label')}>
      <Text className="relais-nav-section" data-testid="nav-settings" id="nav-settings-heading">
        {t('nav.settings')}
      </Text>
      <Stack gap={2} role="group" aria-labelledby="nav-settings-heading">
        {settings.map(renderItem)}
      </Stack>
      {system.length > 0 && (
        <>
          <Text className="relais-nav-section" mt="sm" data-testid="nav-system" id="nav-system-heading">
            {t('nav.system')}
          </Text>
          <Stack gap={2} role="group" aria-labelledby="nav-system-heading">
            {system.map(renderItem)}
          </Stack>
        </>
      )}
    </Stack>
  );
}
