// The items a feed has seen, newest first: posted (with a link to the post),
// skipped (already in the feed when it was added or resumed, or dated before),
// or not posted yet (with the reason; Relais tries again at the next checks).
import { Anchor, Badge, Drawer, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FeedItemStatus, FeedView } from '../../shared/feeds.ts';
import { postPath } from '../publishing/paths.ts';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { Empty, QueryError } from '../ui/states.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { useFeedItems } from './feeds-api.ts';

const statusColor: Record<FeedItemStatus, string> = { posted: 'green', skipped: 'gray', skipped_old: 'gray', failed: 'red' };

export function FeedItemsDrawer({ feed, onClose }: { feed: FeedView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = !useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return (
    <Drawer
      opened={feed !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 520}
      title={<Title order={3} fz="lg">{feed ? t('feeds.itemsTitle', { title: feed.title }) : ''}</Title>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      padding="lg"
      data-testid="feed-items-drawer"
    >
      {feed && <ItemList feedId={feed.id} />}
    </Drawer>
  );
}

function ItemList({ feedId }: { feedId: string }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const items = useFeedItems(workspace.id, feedId);
  if (items.isPending) return <Skeleton height={200} radius="md" />;
  if (items.isError) return <QueryError error={items.error} onRetry={() => void items.refetch()} />;
  if (items.data.length === 0) return <Empty title={t('feeds.itemsEmpty')} />;
  return (
    <Stack gap="md">
      {items.data.map((item, index) => (
        <Stack key={`${item.seenAt}-${index}`} gap={4} data-testid="feed-item">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            {item.link ? (
              <Anchor href={item.link} target="_blank" rel="noreferrer noopener" size="sm" fw={500} lineClamp={2}>
                {item.title || item.link}
              </Anchor>
            ) : (
              <Text size="sm" fw={500} lineClamp={2}>
                {item.title}
              </Text>
            )}
            <Badge color={statusColor[item.status]} variant="light" style={{ flexShrink: 0 }}>
              {t(`feeds.itemStatus.${item.status}`)}
            </Badge>
          </Group>
          <Group gap="xs">
            {item.publishedAt && (
              <Text size="xs" c="dimmed">
                {t('feeds.itemPublished')} <RelativeTime iso={item.publishedAt} />
              </Text>
            )}
            {item.postId && (
              <Anchor component={Link} to={postPath(workspace.id, item.postId)} size="xs">
                {t('feeds.openPost')}
              </Anchor>
            )}
          </Group>
          {item.error && (
            <Text size="xs" c="red.7">
              {item.error.message}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
