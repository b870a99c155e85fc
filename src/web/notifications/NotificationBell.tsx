// The bell in the header: how many notifications are unread in this
// workspace, and a list of them in plain words, each opening its post. Polls
// every 30 seconds; "Mark all read" empties the count.
import { useState } from 'react';
import { ActionIcon, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Workspace } from '../../shared/api-types.ts';
import { useFormatters } from '../ui/format.ts';
import { IconBell, IconCheck } from '../ui/icons.tsx';
import { describeNotification } from './notification-text.ts';
import { useMarkNotificationsRead, useNotifications, type NotificationItem } from './notifications-api.ts';
import './notifications.css';

export function NotificationBell({ workspace }: { workspace: Workspace | null }) {
  if (!workspace) return null;
  // One bell per workspace: switching workspaces starts from that workspace's own list.
  return <WorkspaceBell key={workspace.id} workspaceId={workspace.id} />;
}

function WorkspaceBell({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications(workspaceId);
  const markRead = useMarkNotificationsRead(workspaceId);
  const navigate = useNavigate();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  const open = (item: NotificationItem, path: string | null) => {
    if (!item.read) markRead.mutate([item.id]);
    setOpened(false);
    if (path) void navigate(`/w/${encodeURIComponent(workspaceId)}/${path}`);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width="min(24rem, calc(100vw - 1.5rem))" shadow="md" withinPortal radius="md" trapFocus={false}>
      <Popover.Target>
        <Tooltip label={label} withArrow disabled={opened}>
          <Indicator label={unread > 99 ? '99+' : unread} size={17} color="red" offset={6} disabled={unread === 0} withBorder data-testid="notification-count" data-count={unread}>
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} aria-expanded={opened} onClick={() => setOpened((o) => !o)} data-testid="notification-bell">
              <IconBell size={19} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-list">
        <Group justify="space-between" px="md" py="sm" className="relais-notifications-head">
          <Text fw={600} size="sm">
            {t('notifications.title')}
          </Text>
          <Button variant="subtle" size="compact-xs" leftSection={<IconCheck size={14} />} disabled={unread === 0} onClick={() => markRead.mutate('all')} data-testid="notifications-mark-all">
            {t('notifications.markAll')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah="min(28rem, 70dvh)">
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center" px="md" py="xl">
              {notifications.isPending ? t('common.loading') : t('notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {items.map((item) => (
                <NotificationRow key={item.id} item={item} onOpen={open} />
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem, path: string | null) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const text = describeNotification(item, t);
  return (
    <UnstyledButton className="relais-notification" data-unread={!item.read || undefined} onClick={() => onOpen(item, text.path)} data-testid="notification-item" data-kind={item.kind}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box className="relais-notification-dot" aria-hidden="true" />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={item.read ? 400 : 600} lh={1.35}>
            {text.title}
            {!item.read && <span className="relais-visually-hidden"> ({t('notifications.unread')})</span>}
          </Text>
          {text.excerpt && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {t('notifications.quote', { text: text.excerpt })}
            </Text>
          )}
          {text.note && (
            <Text size="xs" lineClamp={3} className="relais-notification-note">
              {text.note}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {format.relative(item.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
