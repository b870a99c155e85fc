// The whole conversation a message belongs to, from the thread's first post
// down, as last read from the network: the brand's own posts marked, the open
// message highlighted, the other messages of the inbox one click away, and the
// Relais post the thread started from linked. Long threads keep the branch of
// the open message and fold the others.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ActionIcon, Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Channel } from '../../shared/api-types.ts';
import type { InboxItemView, ReplyView, ThreadPostView } from '../../shared/inbox.ts';
import { ChannelAvatar } from '../channels/networks.tsx';
import type { ZonedFormat } from '../publishing/zoned-time.ts';
import { IconExternalLink, IconRefresh } from '../ui/icons.tsx';
import { useConversation, useRefreshConversation } from './item-api.ts';
import { AuthorAvatar, authorName } from './item-bits.tsx';

/** Past this many posts, branches away from the open message are folded. */
const FOLD_ABOVE = 12;

function countPosts(post: ThreadPostView): number {
  return 1 + post.replies.reduce((sum, reply) => sum + countPosts(reply), 0);
}

/** The remote ids from the root to the open message (empty when it is not in the thread). */
function pathTo(post: ThreadPostView, match: (post: ThreadPostView) => boolean): string[] {
  if (match(post)) return [post.remoteId];
  for (const reply of post.replies) {
    const path = pathTo(reply, match);
    if (path.length) return [post.remoteId, ...path];
  }
  return [];
}

export function ConversationThread({
  workspaceId,
  item,
  channel,
  replies,
  zoned,
  onOpenItem,
}: {
  workspaceId: string;
  item: InboxItemView;
  channel: Channel | undefined;
  replies: ReplyView[];
  zoned: ZonedFormat;
  onOpenItem: (itemId: number) => void;
}) {
  const { t } = useTranslation();
  const conversation = useConversation(workspaceId, item.conversationId);
  const refresh = useRefreshConversation(workspaceId);
  const thread = conversation.data?.thread ?? null;
  const isCurrent = (post: ThreadPostView) => post.itemId === item.id || (post.itemId === null && item.url !== null && post.url === item.url);
  const path = useMemo(() => (thread ? pathTo(thread, isCurrent) : []), [thread, item.id, item.url]); // eslint-disable-line react-hooks/exhaustive-deps
  const fold = thread ? countPosts(thread) > FOLD_ABOVE : false;
  const postId = conversation.data?.postId ?? item.postId;

  // A reply of ours that just went out: read the thread again so that it shows in place.
  const sentCount = replies.filter((reply) => reply.state === 'sent').length;
  const seenSent = useRef(sentCount);
  useEffect(() => {
    if (sentCount > seenSent.current && item.conversationId) refresh.mutate(item.conversationId);
    seenSent.current = sentCount;
  }, [sentCount, item.conversationId]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Paper withBorder radius="md" p="sm" className="relais-inbox-conversation" data-testid="conversation">
      <Group justify="space-between" mb="xs" gap="xs" wrap="nowrap">
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.5 }}>
          {t('inbox.conversation.title')}
        </Text>
        <Group gap={8} wrap="nowrap">
          {postId && (
            <Anchor component={Link} size="xs" to={`/w/${encodeURIComponent(workspaceId)}/posts/${encodeURIComponent(postId)}`} data-testid="conversation-post-link">
              {t('inbox.conversation.ourPost')}
            </Anchor>
          )}
          {item.conversationId && (
            <Tooltip label={conversation.data?.threadFetchedAt ? t('inbox.conversation.readAt', { at: zoned.dateTime(conversation.data.threadFetchedAt) }) : t('inbox.conversation.reread')} withArrow>
              <ActionIcon variant="subtle" color="gray" size="sm" loading={refresh.isPending} onClick={() => refresh.mutate(item.conversationId!)} aria-label={t('inbox.conversation.reread')} data-testid="conversation-refresh">
                <IconRefresh size={14} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
      {conversation.isPending && item.conversationId ? (
        <Stack gap="xs" aria-busy="true">
          <Skeleton height={48} radius="md" />
          <Skeleton height={48} radius="md" ml={24} />
        </Stack>
      ) : thread ? (
        <ThreadPost post={thread} depth={0} path={path} fold={fold} isCurrent={isCurrent} channel={channel} zoned={zoned} onOpenItem={onOpenItem} />
      ) : (
        <Stack gap="xs">
          {item.conversationId && (item.kind === 'reply' || (conversation.data?.items.length ?? 0) > 1) && (
            <Text size="xs" c="dimmed" data-testid="conversation-unavailable">
              {t('inbox.conversation.unavailable')}
            </Text>
          )}
          {(conversation.data?.items.length ? conversation.data.items : [item]).map((other) => (
            <Bubble
              key={other.id}
              name={authorName(other.author)}
              handle={other.author.handle}
              avatar={<AuthorAvatar author={other.author} size={24} />}
              text={other.text}
              url={other.url}
              when={zoned.dateTime(other.createdAt)}
              current={other.id === item.id}
              onOpen={other.id === item.id ? undefined : () => onOpenItem(other.id)}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function ThreadPost({
  post,
  depth,
  path,
  fold,
  isCurrent,
  channel,
  zoned,
  onOpenItem,
}: {
  post: ThreadPostView;
  depth: number;
  path: string[];
  fold: boolean;
  isCurrent: (post: ThreadPostView) => boolean;
  channel: Channel | undefined;
  zoned: ZonedFormat;
  onOpenItem: (itemId: number) => void;
}) {
  const { t } = useTranslation();
  const [unfolded, setUnfolded] = useState(false);
  const current = isCurrent(post);
  const shown = !fold || unfolded ? post.replies : post.replies.filter((reply) => path.includes(reply.remoteId) || reply.fromBrand || (path.length === 0 && depth === 0));
  const hidden = post.replies.length - shown.length;
  return (
    <Stack gap={6} className={depth > 0 ? 'relais-inbox-thread-reply' : undefined} data-testid="thread-post" data-brand={post.fromBrand || undefined} data-current={current || undefined}>
      <Bubble
        name={post.author.displayName?.trim() || post.author.handle}
        handle={post.author.handle}
        avatar={post.fromBrand && channel ? <ChannelAvatar channel={channel} size={24} /> : <AuthorAvatar author={post.author} size={24} />}
        text={post.text}
        url={post.url}
        when={zoned.dateTime(post.createdAt)}
        brand={post.fromBrand}
        current={current}
        onOpen={!current && post.itemId !== null ? () => onOpenItem(post.itemId!) : undefined}
      />
      {shown.length > 0 && (
        <Stack gap={6} pl={depth < 3 ? 14 : 0}>
          {shown.map((reply) => (
            <ThreadPost key={reply.remoteId} post={reply} depth={depth + 1} path={path} fold={fold} isCurrent={isCurrent} channel={channel} zoned={zoned} onOpenItem={onOpenItem} />
          ))}
        </Stack>
      )}
      {hidden > 0 && (
        <Anchor component="button" type="button" size="xs" ml={depth < 3 ? 14 : 0} onClick={() => setUnfolded(true)} style={{ alignSelf: 'flex-start' }} data-testid="thread-unfold">
          {t('inbox.conversation.more', { count: hidden })}
        </Anchor>
      )}
    </Stack>
  );
}

function Bubble({
  name,
  handle,
  avatar,
  text,
  url,
  when,
  brand,
  current,
  onOpen,
}: {
  name: string;
  handle: string;
  avatar: ReactNode;
  text: string;
  url: string | null;
  when: string;
  brand?: boolean;
  current?: boolean;
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const body = (
    <>
      <Group gap={6} wrap="nowrap" mb={2}>
        {avatar}
        <Text size="xs" fw={600} truncate="end" style={{ minWidth: 0 }}>
          {name}
        </Text>
        <Text size="xs" c="dimmed" truncate="end" className="relais-inbox-bubble-handle">
          @{handle}
        </Text>
        {brand && (
          <Badge size="xs" variant="light" radius="sm" tt="none">
            {t('inbox.conversation.brand')}
          </Badge>
        )}
        {current && (
          <Badge size="xs" variant="filled" color="yellow" radius="sm" tt="none" c="dark">
            {t('inbox.conversation.thisMessage')}
          </Badge>
        )}
      </Group>
      <Text size="sm" className="relais-inbox-bubble-text">
        {text}
      </Text>
      <Group gap={6} mt={2}>
        <Text size="xs" c="dimmed">
          {when}
        </Text>
        {onOpen && (
          <Text size="xs" c="blue" fw={500}>
            {t('inbox.conversation.openItem')}
          </Text>
        )}
      </Group>
    </>
  );
  return (
    <div className="relais-inbox-bubble" data-brand={brand || undefined} data-current={current || undefined}>
      {onOpen ? (
        <UnstyledButton onClick={onOpen} className="relais-inbox-bubble-open" data-testid="thread-open-item">
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
      {url && (
        <Anchor href={url} target="_blank" rel="noreferrer" className="relais-inbox-bubble-link" aria-label={t('inbox.conversation.onNetwork')}>
          <IconExternalLink size={13} />
        </Anchor>
      )}
    </div>
  );
}
