// The signed-in person's menu: profile and log out.
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe, useSignOut } from '../api/session.ts';
import { IconChevronDown, IconLogout, IconUser } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.tsx';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ profilePath, compact }: { profilePath: string; compact: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signOut = useSignOut();
  if (!me) return null;
  const logOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (error) => {
        notifyError(error);
        navigate('/login', { replace: true });
      },
    });
  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton className="relais-switcher" aria-label={t('user.menu')} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="relais" variant="light">
              {initials(me.user.name)}
            </Avatar>
            {!compact && (
              <Text size="sm" fw={500} maw={160} truncate>
                {me.user.name}
              </Text>
            )}
            {!compact && <IconChevronDown size={14} />}
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconUser size={16} />} onClick={() => navigate(profilePath)} data-testid="user-menu-profile">
          {t('user.profile')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={logOut} data-testid="user-menu-logout" color="red">
          {t('user.logOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
