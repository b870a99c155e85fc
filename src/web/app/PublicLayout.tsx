// Frame of the pages reachable without an account: set-up, log in, password
// reset, invitations. A centred card, with language and theme at the top.
import type { ReactNode } from 'react';
import { Anchor, Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { usePageTitle } from '../ui/page.tsx';
import { LanguageMenu, ThemeToggle } from './HeaderControls.tsx';
import { useProfileLanguage } from './language.ts';
import { Logo } from './Logo.tsx';

export function PublicLayout() {
  const { t } = useTranslation();
  useProfileLanguage();
  return (
    <div className="relais-public">
      <Group justify="space-between" px={{ base: 'md', sm: 'xl' }} py="md" wrap="nowrap">
        <Logo />
        <Group gap={4} wrap="nowrap">
          <LanguageMenu />
          <ThemeToggle />
        </Group>
      </Group>
      <Box component="main" style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center' }} px="md" pt={{ base: 'md', sm: 48 }} pb="xl">
        <Outlet />
      </Box>
      <Text component="footer" size="xs" c="dimmed" ta="center" py="md">
        {t('app.footer')}{' '}
        <Anchor href="https://www.gnu.org/licenses/agpl-3.0.html" size="xs" c="dimmed" underline="always" target="_blank" rel="noreferrer">
          AGPL-3.0
        </Anchor>
      </Text>
    </div>
  );
}

/** The card every public page shows. */
export function AuthCard({ title, subtitle, children, width = 440 }: { title: string; subtitle?: ReactNode; children: ReactNode; width?: number }) {
  usePageTitle(title);
  return (
    <Container size={width} px={0} w="100%">
      <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 32 }}>
        <Stack gap={6} mb="lg">
          <Title order={1} fz={24} fw={700}>
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          )}
        </Stack>
        {children}
      </Paper>
    </Container>
  );
}
