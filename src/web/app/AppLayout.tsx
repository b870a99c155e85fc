// The signed-in shell: header (logo, workspace switcher, language, theme,
// account) and a navigation bar that collapses behind a burger on phones.
import { useState } from 'react';
import { AppShell, Burger, Container, Divider, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet, useMatch } from 'react-router';
import { useMe } from '../api/session.ts';
import { ComposerModal } from '../publishing/composer/ComposerModal.tsx';
import { CreatePostButton } from '../publishing/composer/CreatePostButton.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { CreateWorkspaceModal } from '../workspaces/CreateWorkspaceModal.tsx';
import { CreateWorkspaceContext } from '../workspaces/create-workspace-context.ts';
import { readLastWorkspace, settingsPath } from '../workspaces/paths.ts';
import { WorkspaceSwitcher } from '../workspaces/WorkspaceSwitcher.tsx';
import { LanguageMenu, ThemeToggle } from './HeaderControls.tsx';
import { useProfileLanguage } from './language.ts';
import { Logo } from './Logo.tsx';
import { Navbar } from './Navbar.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [navOpened, nav] = useDisclosure(false);
  const [creating, setCreating] = useState(false);
  const isDesktop = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const match = useMatch('/w/:workspaceId/*');
  // The inbox's three panes use the whole width.
  const fullWidth = useMatch('/w/:workspaceId/inbox') !== null;
  useProfileLanguage();
  if (!me) return null;

  const routeWorkspaceId = match?.params.workspaceId;
  const lastId = readLastWorkspace();
  const current =
    me.workspaces.find((w) => w.id === routeWorkspaceId) ??
    (routeWorkspaceId ? null : (me.workspaces.find((w) => w.id === lastId) ?? me.workspaces[0] ?? null));
  const isInstanceAdmin = me.user.instanceRole === 'admin';
  const profilePath = current ? settingsPath(current.id, 'profile') : '/settings/profile';

  return (
    <CreateWorkspaceContext.Provider value={() => setCreating(true)}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={isDesktop ? 'xl' : 'md'}
      >
        <AppShell.Header className="relais-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? t('nav.close') : t('nav.open')}
              />
              <Logo compact={!isDesktop} />
              {isDesktop && (me.workspaces.length > 0 || isInstanceAdmin) && (
                <>
                  <Divider orientation="vertical" my={14} />
                  <WorkspaceSwitcher current={current} />
                </>
              )}
            </Group>
            <Group gap={4} wrap="nowrap">
              <CreatePostButton workspace={current} compact={!isDesktop} />
              <NotificationBell workspace={current} />
              <LanguageMenu />
              <ThemeToggle />
              <UserMenu profilePath={profilePath} compact={!isDesktop} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar className="relais-navbar" p="sm">
          {!isDesktop && (me.workspaces.length > 0 || isInstanceAdmin) && (
            <>
              <WorkspaceSwitcher current={current} fullWidth />
              <Divider my="sm" />
            </>
          )}
          <AppShell.Section grow component={ScrollArea}>
            <Navbar workspace={current} isInstanceAdmin={isInstanceAdmin} onNavigate={nav.close} />
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="sm" py="xs">
              {t('app.tagline')}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main className="relais-main">
          <Container size={fullWidth ? '100%' : 1040} px={0}>
            <Outlet />
          </Container>
        </AppShell.Main>
      </AppShell>
      <CreateWorkspaceModal opened={creating} onClose={() => setCreating(false)} />
      <ComposerModal workspace={current} />
    </CreateWorkspaceContext.Provider>
  );
}
