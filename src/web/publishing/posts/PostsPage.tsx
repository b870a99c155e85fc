// Publishing → Posts: what is scheduled, the drafts, what waits for approval,
// what went out and what failed or needs attention. A post opens in a drawer
// (/posts/:postId) with its content, history, comments and decisions.
import { useMemo } from 'react';
import { Badge, Button, Skeleton, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { PostView } from '../../../shared/publishing.ts';
import { can } from '../../../shared/roles.ts';
import { useChannels } from '../../api/channels.ts';
import { IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page.tsx';
import { Empty, QueryError } from '../../ui/states.tsx';
import { useCurrentWorkspace } from '../../workspaces/context.ts';
import { useOpenComposer } from '../composer/open-composer.ts';
import { isPostTab, postPath, postsPath, postTabs, tabFilters, type PostTab } from '../paths.ts';
import { useCampaigns, usePosts } from '../publishing-api.ts';
import { PauseSwitch } from '../settings/PauseSwitch.tsx';
import { PostDetailDrawer } from './PostDetailDrawer.tsx';
import { PostRow, postMoment } from './PostRow.tsx';

function sortFor(tab: PostTab, posts: PostView[]): PostView[] {
  if (tab !== 'scheduled' && tab !== 'published') return posts;
  const key = (post: PostView) => postMoment(post, tab).at ?? '';
  return [...posts].sort((a, b) => (tab === 'scheduled' ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a))));
}

export function PostsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const { postId = null } = useParams();
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: PostTab = isPostTab(requested) ? requested : 'scheduled';
  const openComposer = useOpenComposer();
  const canWrite = can(workspace.role, 'content:write');

  // A scheduled post moves on by itself: the list follows within half a minute.
  const posts = usePosts(workspace.id, tabFilters[tab], { refetchInterval: tab === 'scheduled' || tab === 'failed' ? 30_000 : undefined });
  const pending = usePosts(workspace.id, tabFilters.pending);
  const failed = usePosts(workspace.id, tabFilters.failed);
  const channels = useChannels(workspace.id);
  const campaigns = useCampaigns(workspace.id);
  const sorted = useMemo(() => (posts.data ? sortFor(tab, posts.data) : []), [posts.data, tab]);

  const counts: Partial<Record<PostTab, number>> = { pending: pending.data?.length, failed: failed.data?.length };

  return (
    <>
      <PageHeader
        title={t('publishing.posts.title')}
        description={t('publishing.posts.description', { zone: workspace.timeZone.replaceAll('_', ' ') })}
        actions={
          <>
            <PauseSwitch workspace={workspace} />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => openComposer()} data-testid="posts-create">
                {t('publishing.createPost')}
              </Button>
            )}
          </>
        }
      />
      <Tabs value={tab} onChange={(value) => navigate(postsPath(workspace.id, isPostTab(value) ? value : 'scheduled'))} keepMounted={false} mb="md">
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {postTabs.map((value) => (
            <Tabs.Tab
              key={value}
              value={value}
              data-testid={`posts-tab-${value}`}
              style={{ whiteSpace: 'nowrap' }}
              rightSection={
                counts[value] ? (
                  <Badge size="xs" circle={counts[value] < 10} color={value === 'failed' ? 'red' : 'yellow'} variant="filled">
                    {counts[value]}
                  </Badge>
                ) : undefined
              }
            >
              {t(`publishing.posts.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {posts.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={110} radius="md" />
          ))}
        </Stack>
      ) : posts.isError ? (
        <QueryError error={posts.error} onRetry={() => void posts.refetch()} />
      ) : sorted.length === 0 ? (
        <Empty title={t(`publishing.posts.empty.${tab}.title`)} description={t(`publishing.posts.empty.${tab}.text`)}>
          {canWrite && (tab === 'scheduled' || tab === 'drafts') && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => openComposer()}>
              {t('publishing.createPost')}
            </Button>
          )}
        </Empty>
      ) : (
        <Stack gap="sm" data-testid="posts-list" data-tab={tab}>
          {sorted.map((post) => (
            <PostRow
              key={post.id}
              post={post}
              tab={tab}
              channels={channels.data ?? []}
              campaigns={campaigns.data ?? []}
              timeZone={workspace.timeZone}
              onOpen={() => navigate(postPath(workspace.id, post.id, tab))}
            />
          ))}
        </Stack>
      )}
      <PostDetailDrawer workspace={workspace} postId={postId} onClose={() => navigate(postsPath(workspace.id, tab))} />
    </>
  );
}
