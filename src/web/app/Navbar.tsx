// The side navigation: only the areas that exist and that the role may use.
import type { ReactNode } from 'react';
import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Workspace } from '../../shared/api-types.ts';
import { can } from '../../shared/roles.ts';
import { IconBroadcast, IconBuilding, IconCalendar, IconClock, IconInbox, IconMessage, IconFilter, IconHistory, IconKey, IconMail, IconPhoto, IconRss, IconSend, IconServer, IconSettings, IconShare, IconSpeakerphone, IconTemplate, IconUpload, IconUser, IconUsers } from '../ui/icons.tsx';
import { postsPath, publishingPath } from '../publishing/paths.ts';
import { InboxNavBadge } from '../inbox/InboxNavBadge.tsx';
import { pagePermission, settingsPath, type SettingsPage } from '../workspaces/paths.ts';

interface Item {
  key: string;
  to: string;
  label: string;
  icon: ReactNode;
  /** Shown at the end of the entry (the inbox's open count). */
  badge?: ReactNode;
}

const pageIcons: Record<SettingsPage, ReactNode> = {
  profile: <IconUser />,
  workspace: <IconBuilding />,
  channels: <IconBroadcast />,
  'brand-voice': <IconSpeakerphone />,
  templates: <IconTemplate />,
  members: <IconUsers />,
  invitations: <IconMail />,
  'api-keys': <IconKey />,
  audit: <IconHistory />,
};

const pageTestIds: Record<SettingsPage, string> = {
  profile: 'profile',
  workspace: 'workspace',
  channels: 'channels',
  'brand-voice': 'brand-voice',
  templates: 'templates',
  members: 'members',
  invitations: 'invitations',
  'api-keys': 'api-keys',
  audit: 'audit',
};

export function Navbar({ workspace, isInstanceAdmin, onNavigate }: { workspace: Workspace | null; isInstanceAdmin: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  const settings: Item[] = [];
  const pages: SettingsPage[] = ['profile', 'workspace', 'channels', 'brand-voice', 'templates', 'members', 'invitations', 'api-keys', 'audit'];
  for (const page of pages) {
    if (!workspace) {
      if (page === 'profile') settings.push({ key: page, to: '/settings/profile', label: t('nav.profile'), icon: pageIcons[page] });
      continue;
    }
    const permission = pagePermission[page];
    if (permission && !can(workspace.role, permission)) continue;
    settings.push({ key: pageTestIds[page], to: settingsPath(workspace.id, page), label: t(`nav.${page}`), icon: pageIcons[page] });
  }
  const publishing: Item[] = workspace
    ? [
        { key: 'posts', to: postsPath(workspace.id), label: t('nav.posts'), icon: <IconSend /> },
        { key: 'calendar', to: `/w/${encodeURIComponent(workspace.id)}/calendar`, label: t('nav.calendar'), icon: <IconCalendar /> },
        { key: 'media', to: `/w/${encodeURIComponent(workspace.id)}/media`, label: t('nav.media'), icon: <IconPhoto /> },
        { key: 'feeds', to: `/w/${encodeURIComponent(workspace.id)}/feeds`, label: t('nav.feeds'), icon: <IconRss /> },
        { key: 'import', to: `/w/${encodeURIComponent(workspace.id)}/import`, label: t('nav.import'), icon: <IconUpload /> },
        { key: 'queues', to: publishingPath(workspace.id, 'queues'), label: t('nav.queues'), icon: <IconClock /> },
        { key: 'campaigns', to: publishingPath(workspace.id, 'campaigns'), label: t('nav.campaigns'), icon: <IconFilter /> },
        ...(can(workspace.role, 'content:publish') ? [{ key: 'approval-links', to: `/w/${encodeURIComponent(workspace.id)}/approval-links`, label: t('nav.approval-links'), icon: <IconShare /> }] : []),
        { key: 'publishing-settings', to: publishingPath(workspace.id, 'settings'), label: t('nav.publishingSettings'), icon: <IconSettings /> },
      ]
    : [];
  const engage: Item[] =
    workspace && can(workspace.role, 'inbox:read')
      ? [
          { key: 'inbox', to: `/w/${encodeURIComponent(workspace.id)}/inbox`, label: t('nav.inbox'), icon: <IconInbox />, badge: <InboxNavBadge workspaceId={workspace.id} /> },
          { key: 'inbox-settings', to: `/w/${encodeURIComponent(workspace.id)}/inbox/settings`, label: t('nav.inboxSettings'), icon: <IconMessage /> },
        ]
      : [];
  const system: Item[] = isInstanceAdmin ? [{ key: 'jobs', to: '/admin/jobs', label: t('nav.jobs'), icon: <IconServer /> }] : [];

  const renderItem = (item: Item) => (
    <NavLink
      key={item.key}
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      rightSection={item.badge}
      active={pathname === item.to || (item.key !== 'inbox' && pathname.startsWith(`${item.to}/`))}
      onClick={onNavigate}
      className="relais-nav-link"
      data-testid={`nav-${item.key}`}
    />
  );

  return (
    <Stack component="nav" gap={2} aria-label={t('nav.label')}>
      {engage.length > 0 && (
        <>
          <Text className="relais-nav-section" data-testid="nav-engage" id="nav-engage-heading">
            {t('nav.engage')}
          </Text>
          <Stack gap={2} role="group" aria-labelledby="nav-engage-heading" mb="sm">
            {engage.map(renderItem)}
          </Stack>
        </>
      )}
      {publishing.length > 0 && (
        <>
          <Text className="relais-nav-section" data-testid="nav-publishing" id="nav-publishing-heading">
            {t('nav.publishing')}
          </Text>
          <Stack gap={2} role="group" aria-labelledby="nav-publishing-heading" mb="sm">
            {publishing.map(renderItem)}
          </Stack>
        </>
      )}
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
