// Publishing → Feeds: the RSS/Atom feeds a workspace follows. Each new item of a
// feed becomes a post from its template (a draft, a queued post, or published
// at once). The list shows each feed's channels, mode, last check and problem;
// whoever may publish adds, edits, checks, pauses and deletes feeds.
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Menu, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/api-types.ts';
import type { FeedView } from '../../shared/feeds.ts';
import { can } from '../../shared/roles.ts';
import { useChannels } from '../api/channels.ts';
import { ChannelAvatar, channelAddress } from '../channels/networks.tsx';
import { ConfirmModal } from '../ui/ConfirmModal.tsx';
import { IconAlert, IconDots, IconList, IconPencil, IconPlayerPause, IconPlayerPlay, IconPlus, IconRefresh, IconRss, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { FeedDialog } from './FeedDialog.tsx';
import { FeedItemsDrawer } from './FeedItemsDrawer.tsx';
import { useCheckFeed, useDeleteFeed, useFeeds, useUpdateFeed } from './feeds-api.ts';

export function FeedsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const feeds = useFeeds(workspace.id);
  const channels = useChannels(workspace.id);
  const manage = can(workspace.role, 'content:publish');
  const [editing, setEditing] = useState<FeedView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<FeedView | null>(null);
  const [showing, setShowing] = useState<FeedView | null>(null);
  const remove = useDeleteFeed(workspace.id);
  const addButton = (variant: 'filled' | 'light') => (
    <Button variant={variant} leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="feed-add">
      {t('feeds.add')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('feeds.title')} description={t('feeds.description')} actions={manage && addButton('filled')} />
      <QueryTable
        query={feeds}
        items={feeds.data}
        label={t('feeds.title')}
        columns={[t('feeds.column.feed'), t('feeds.column.channels'), t('feeds.column.mode'), t('feeds.column.lastCheck'), t('feeds.column.posted')]}
        actions
        minWidth={860}
        empty={{ icon: <IconRss size={26} />, title: t('feeds.emptyTitle'), description: t('feeds.emptyText'), children: manage ? addButton('light') : undefined }}
        renderRow={(feed) => (
          <FeedRow
            key={feed.id}
            feed={feed}
            channels={channels.data ?? []}
            workspaceId={workspace.id}
            manage={manage}
            onEdit={() => setEditing(feed)}
            onDelete={() => setDeleting(feed)}
            onShowItems={() => setShowing(feed)}
          />
        )}
      />
      {editing !== null && <FeedDialog feed={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <FeedItemsDrawer feed={showing} onClose={() => setShowing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('feeds.deleteTitle')}
        confirmLabel={t('feeds.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifySuccess(t('feeds.deleted'));
              setDeleting(null);
            },
            onError: (error) => {
              notifyError(error);
              setDeleting(null);
            },
          })
        }
        onClose={() => setDeleting(null)}
      >
        {t('feeds.deleteText', { title: deleting?.title ?? '' })}
      </ConfirmModal>
    </>
  );
}

function FeedRow({
  feed,
  channels,
  workspaceId,
  manage,
  onEdit,
  onDelete,
  onShowItems,
}: {
  feed: FeedView;
  channels: readonly Channel[];
  workspaceId: string;
  manage: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onShowItems: () => void;
}) {
  const { t } = useTranslation();
  const check = useCheckFeed(workspaceId);
  const update = useUpdateFeed(workspaceId);
  const picked = feed.channelIds.map((id) => channels.find((c) => c.id === id)).filter((c): c is Channel => c !== undefined);

  const checkNow = () =>
    check.mutate(feed.id, {
      onSuccess: ({ check: result, feed: after }) => {
        if (result.outcome === 'failed') notifyError(new Error(after.lastError?.message ?? ''), t('feeds.checkFailed'));
        else if (result.posted > 0) notifySuccess(t('feeds.checkPosted', { count: result.posted }));
        else notifySuccess(t('feeds.checkNothing'));
      },
      onError: (error) => notifyError(error),
    });
  const setActive = (active: boolean) =>
    update.mutate({ feedId: feed.id, change: { active } }, { onSuccess: () => notifySuccess(t(active ? 'feeds.resumed' : 'feeds.paused')), onError: (error) => notifyError(error) });

  return (
    <Table.Tr data-testid="feed-row" data-feed-id={feed.id}>
      <Table.Td className="relais-wrap" miw={220} maw={320}>
        <Stack gap={2}>
          <Group gap={8} wrap="nowrap">
            <Text size="sm" fw={600} lineClamp={2}>
              {feed.title}
            </Text>
            {!feed.active && (
              <Badge color="gray" variant="light" size="sm" data-testid="feed-paused">
                {t('feeds.pausedBadge')}
              </Badge>
            )}
          </Group>
          <Anchor href={feed.url} target="_blank" rel="noreferrer noopener" size="xs" c="dimmed" lineClamp={1} style={{ wordBreak: 'break-all' }}>
            {feed.url}
          </Anchor>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {picked.map((channel) => (
            <Tooltip key={channel.id} label={channelAddress(channel)} withArrow>
              <span style={{ display: 'inline-flex' }}>
                <ChannelAvatar channel={channel} size={28} />
              </span>
            </Tooltip>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={feed.mode === 'now' ? 'relais' : feed.mode === 'queue' ? 'teal' : 'gray'}>
          {t(`feeds.mode.${feed.mode}`)}
        </Badge>
      </Table.Td>
      <Table.Td className="relais-wrap" maw={260}>
        <Stack gap={2}>
          {feed.lastCheckedAt ? <RelativeTime iso={feed.lastCheckedAt} /> : <Text size="sm" c="dimmed">—</Text>}
          {feed.lastError && (
            <Group gap={4} wrap="nowrap" align="flex-start" data-testid="feed-error">
              <IconAlert size={14} color="var(--mantine-color-red-6)" style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="xs" c="red.7">
                {feed.lastError.message}
              </Text>
            </Group>
          )}
          {feed.errorCount > 0 && feed.nextCheckAt && (
            <Text size="xs" c="dimmed">
              {t('feeds.nextTry')} <RelativeTime iso={feed.nextCheckAt} />
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm" fw={500} data-testid="feed-posted">
            {feed.postedCount}
          </Text>
          {feed.lastPostedAt && (
            <Text size="xs" c="dimmed">
              {t('feeds.lastPosted')} <RelativeTime iso={feed.lastPostedAt} />
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td ta="right">
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {manage && (
            <Tooltip label={t('feeds.checkNow')} withArrow>
              <ActionIcon variant="subtle" color="gray" aria-label={t('feeds.checkNow')} onClick={checkNow} loading={check.isPending} disabled={!feed.active} data-testid="feed-check">
                <IconRefresh size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label={t('feeds.items')} withArrow>
            <ActionIcon variant="subtle" color="gray" aria-label={t('feeds.items')} onClick={onShowItems} data-testid="feed-items">
              <IconList size={16} />
            </ActionIcon>
          </Tooltip>
          {manage && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={t('common.actions')} data-testid="feed-menu">
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                  {t('feeds.edit')}
                </Menu.Item>
                {feed.active ? (
                  <Menu.Item leftSection={<IconPlayerPause size={14} />} onClick={() => setActive(false)} data-testid="feed-pause">
                    {t('feeds.pause')}
                  </Menu.Item>
                ) : (
                  <Menu.Item leftSection={<IconPlayerPlay size={14} />} onClick={() => setActive(true)} data-testid="feed-resume">
                    {t('feeds.resume')}
                  </Menu.Item>
                )}
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete} data-testid="feed-delete">
                  {t('feeds.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
