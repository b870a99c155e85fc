// One message, and everything needed to deal with it: the whole conversation
// (the brand's posts marked, this message highlighted), who wrote it, the
// team's controls (status, assignee, tags, priority, snooze, spam, like), the
// reply box with saved replies, the replies sent or awaiting approval,
// internal notes with @mentions, and the history with undo.
import { useMemo, useState } from 'react';
import { Anchor, Avatar, Badge, Button, Divider, Group, Menu, MultiSelect, Paper, ScrollArea, SegmentedControl, Select, Skeleton, Stack, TagsInput, Text, Textarea, Timeline, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Channel, Member } from '../../shared/api-types.ts';
import type { InboxEventView, InboxStatus, ItemUpdate, ReplyView, ThreadPostView } from '../../shared/inbox.ts';
import { can } from '../../shared/roles.ts';
import { renderSavedReply, valuesFor } from '../../shared/saved-reply-render.ts';
import { countTextLength } from '../../shared/composer/limits.ts';
import { useMe } from '../api/session.ts';
import { ChannelAvatar } from '../channels/networks.tsx';
import { IconClock, IconExternalLink } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { QueryError } from '../ui/states.tsx';
import { useFormatters } from '../ui/format.ts';
import type { Workspace } from '../../shared/api-types.ts';
import { useAddNote, useAuthorCard, useAuthorTags, useConversation, useInboxItem, useLike, useReplyDecision, useSavedReplies, useSendReply, useUndo } from './inbox-api.ts';
import { SentimentBadge, snoozePresets, snoozeUntil } from './item-bits.tsx';

/** Bluesky's limit; Mastodon instances say theirs (500 by default). */
const replyLimits: Record<string, number> = { bluesky: 300, mastodon: 500 };

export function ItemPane(props: {
  workspace: Workspace;
  itemId: number;
  members: Member[];
  channels: Channel[];
  onChange: (itemId: number, change: ItemUpdate) => void;
  onClose: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { workspace, itemId } = props;
  const detail = useInboxItem(workspace.id, itemId);
  const item = detail.data?.item ?? null;
  const conversation = useConversation(workspace.id, item?.conversationId ?? null);
  const author = useAuthorCard(workspace.id, item?.author.id ?? null);
  const format = useFormatters();
  const canWork = can(workspace.role, 'inbox:work');
  const canApprove = can(workspace.role, 'inbox:reply');
  const like = useLike(workspace.id);
  const authorTags = useAuthorTags(workspace.id);
  const workers = props.members.filter((m) => can(m.role, 'inbox:work')).map((m) => ({ value: m.userId, label: m.name }));
  const channel = props.channels.find((c) => c.id === item?.channelId) ?? null;

  if (detail.isPending) return <Skeleton height={320} m="md" />;
  if (detail.isError || !item) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const change = (body: ItemUpdate) => props.onChange(item.id, body);

  return (
    <ScrollArea h="100%" type="auto" data-testid="inbox-detail" data-item-id={item.id}>
      <Stack gap="md" p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Avatar src={item.author.avatarUrl} size={42} radius="xl" name={item.author.displayName ?? item.author.handle} color="initials" />
            <div style={{ minWidth: 0 }}>
              <Text fw={700} truncate>
                {item.author.displayName ?? item.author.handle}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                @{item.author.handle}
                {item.author.followers != null && ` · ${t('inbox.author.followers', { count: item.author.followers })}`}
              </Text>
            </div>
          </Group>
          <Group gap={6} wrap="nowrap">
            {channel && <ChannelAvatar channel={channel} size={22} />}
            <SentimentBadge sentiment={item.sentiment} />
            {item.language && (
              <Badge size="xs" variant="outline" color="gray">
                {item.language.toUpperCase()}
              </Badge>
            )}
          </Group>
        </Group>

        {canWork && (
          <Group gap="xs" data-testid="item-actions">
            <SegmentedControl
              size="xs"
              value={item.status}
              onChange={(value) => change({ status: value as InboxStatus })}
              data={(['open', 'pending', 'done'] as const).map((s) => ({ value: s, label: t(`inbox.status.${s}`) }))}
              data-testid="item-status"
            />
            <Select
              size="xs"
              w={170}
              placeholder={t('inbox.actions.assign')}
              data={workers}
              value={item.assigneeId}
              onChange={(value) => change({ assigneeId: value })}
              clearable
              aria-label={t('inbox.actions.assign')}
              data-testid="item-assign"
            />
            <Select
              size="xs"
              w={110}
              data={[0, 1, 2].map((p) => ({ value: String(p), label: t(`inbox.priority.${p}`) }))}
              value={String(item.priority)}
              onChange={(value) => value !== null && change({ priority: Number(value) as 0 | 1 | 2 })}
              allowDeselect={false}
              aria-label={t('inbox.filters.priority')}
            />
            <Menu>
              <Menu.Target>
                <Button size="compact-sm" variant="light" leftSection={<IconClock size={14} />} data-testid="item-snooze">
                  {item.snoozedUntil ? format.moment(item.snoozedUntil) : t('inbox.actions.snooze')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {snoozePresets.map((preset) => (
                  <Menu.Item key={preset} onClick={() => change({ snoozedUntil: snoozeUntil(preset, workspace.timeZone) })} data-testid={`snooze-${preset}`}>
                    {t(`inbox.snooze.${preset}`)}
                  </Menu.Item>
                ))}
                {item.snoozedUntil && <Menu.Item onClick={() => change({ snoozedUntil: null })}>{t('inbox.snooze.wake')}</Menu.Item>}
              </Menu.Dropdown>
            </Menu>
            <Button size="compact-sm" variant="subtle" color={item.spam ? 'teal' : 'gray'} onClick={() => change({ spam: !item.spam })} data-testid="item-spam">
              {item.spam ? t('inbox.actions.notSpam') : t('inbox.actions.spam')}
            </Button>
            <Button size="compact-sm" variant="subtle" disabled={item.liked} onClick={() => like.mutate(item.id, { onError: (e) => notifyError(e) })} loading={like.isPending} data-testid="item-like">
              {item.liked ? t('inbox.actions.liked') : t('inbox.actions.like')}
            </Button>
          </Group>
        )}
        {canWork && (
          <TagsInput
            size="xs"
            placeholder={t('inbox.actions.tags')}
            value={item.tags}
            onChange={(tags) => change({ addTags: tags.filter((tag) => !item.tags.includes(tag)), removeTags: item.tags.filter((tag) => !tags.includes(tag)) })}
            data-testid="item-tags"
            aria-label={t('inbox.actions.tags')}
          />
        )}
        {item.overdue && (
          <Text size="sm" c="red" data-testid="item-overdue">
            {t('inbox.overdue', { due: format.dateTime(item.firstResponseDueAt) })}
          </Text>
        )}

        <Paper withBorder radius="md" p="sm">
          <Group justify="space-between" mb="xs">
            <Text size="sm" fw={600}>
              {t('inbox.conversation')}
            </Text>
            {item.postId && (
              <Anchor component={Link} size="xs" to={`/w/${encodeURIComponent(workspace.id)}/posts/${encodeURIComponent(item.postId)}`}>
                {t('inbox.ourPost')}
              </Anchor>
            )}
          </Group>
          {conversation.data?.thread ? (
            <ThreadView post={conversation.data.thread} highlight={item.url} depth={0} />
          ) : (
            <MessageBubble text={item.text} url={item.url} when={format.dateTime(item.createdAt)} highlight />
          )}
        </Paper>

        {detail.data.replies.length > 0 && (
          <Stack gap="xs" data-testid="item-replies">
            {detail.data.replies.map((reply) => (
              <ReplyRow key={reply.id} workspaceId={workspace.id} reply={reply} canApprove={canApprove} canWork={canWork} />
            ))}
          </Stack>
        )}
        {canWork && item.url !== null && <ReplyBox workspace={workspace} itemId={item.id} author={item.author} channel={channel} language={item.language} onSent={() => undefined} />}

        <Divider label={t('inbox.author.title')} labelPosition="left" />
        {author.data && (
          <Stack gap={4} data-testid="author-card">
            <Text size="sm">
              {t('inbox.author.history', { items: author.data.itemCount, replies: author.data.repliesSent })} · {t('inbox.author.since', { date: format.date(author.data.firstSeenAt) })}
            </Text>
            <Group gap={4}>
              {(['negative', 'neutral', 'positive'] as const).map((s) => (
                <Badge key={s} size="xs" variant="light" color={s === 'negative' ? 'red' : s === 'positive' ? 'teal' : 'gray'}>
                  {t(`inbox.sentiment.${s}`)} {author.data.sentimentCounts[s]}
                </Badge>
              ))}
              {author.data.url && (
                <Anchor href={author.data.url} target="_blank" rel="noreferrer" size="xs">
                  {t('inbox.author.profile')} <IconExternalLink size={12} />
                </Anchor>
              )}
            </Group>
            {canWork && (
              <TagsInput
                size="xs"
                placeholder={t('inbox.author.tags')}
                value={author.data.tags}
                onChange={(tags) => authorTags.mutate({ authorId: author.data.id, tags }, { onError: (e) => notifyError(e) })}
                aria-label={t('inbox.author.tags')}
              />
            )}
          </Stack>
        )}

        <Divider label={t('inbox.notes.title')} labelPosition="left" />
        {detail.data.notes.map((note) => (
          <Paper key={note.id} p="xs" radius="sm" className="relais-inbox-note" data-testid="item-note">
            <Text size="xs" c="dimmed">
              {note.authorName} · {format.relative(note.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Text>
          </Paper>
        ))}
        {canWork && <NoteBox workspaceId={workspace.id} itemId={item.id} members={props.members} />}

        <Divider label={t('inbox.history.title')} labelPosition="left" />
        <History workspaceId={workspace.id} events={detail.data.history} members={props.members} canWork={canWork} />
      </Stack>
    </ScrollArea>
  );
}

function MessageBubble({ text, url, when, highlight, brand }: { text: string; url: string | null; when: string; highlight?: boolean; brand?: boolean }) {
  return (
    <div className="relais-inbox-bubble" data-highlight={highlight || undefined} data-brand={brand || undefined}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {when}
        </Text>
        {url && (
          <Anchor href={url} target="_blank" rel="noreferrer" size="xs" aria-label="↗">
            <IconExternalLink size={12} />
          </Anchor>
        )}
      </Group>
    </div>
  );
}

function ThreadView({ post, highlight, depth }: { post: ThreadPostView; highlight: string | null; depth: number }) {
  const format = useFormatters();
  const { t } = useTranslation();
  return (
    <Stack gap={6} pl={depth > 0 ? 12 : 0} className={depth > 0 ? 'relais-inbox-thread-reply' : undefined} data-testid="thread-post">
      <Group gap={6}>
        <Avatar src={post.author.avatarUrl} size={20} radius="xl" name={post.author.displayName ?? post.author.handle} color="initials" />
        <Text size="xs" fw={600}>
          {post.author.displayName ?? post.author.handle}
        </Text>
        {post.fromBrand && (
          <Badge size="xs" variant="light">
            {t('inbox.brand')}
          </Badge>
        )}
      </Group>
      <MessageBubble text={post.text} url={post.url} when={format.dateTime(post.createdAt)} highlight={highlight !== null && post.url === highlight} brand={post.fromBrand} />
      {post.replies.map((reply) => (
        <ThreadView key={reply.remoteId} post={reply} highlight={highlight} depth={Math.min(depth + 1, 4)} />
      ))}
    </Stack>
  );
}

function ReplyRow({ workspaceId, reply, canApprove, canWork }: { workspaceId: string; reply: ReplyView; canApprove: boolean; canWork: boolean }) {
  const { t } = useTranslation();
  const decide = useReplyDecision(workspaceId);
  const [comment, setComment] = useState('');
  const color = reply.state === 'sent' ? 'teal' : reply.state === 'failed' || reply.state === 'needs_attention' || reply.state === 'rejected' ? 'red' : 'yellow';
  return (
    <Paper withBorder radius="md" p="sm" className="relais-inbox-reply" data-testid="item-reply" data-state={reply.state}>
      <Group justify="space-between" mb={4}>
        <Text size="xs" c="dimmed">
          {reply.authorName ?? ''}
        </Text>
        <Badge size="xs" color={color} variant="light">
          {t(`inbox.replyState.${reply.state}`)}
        </Badge>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {reply.text}
      </Text>
      {reply.url && (
        <Anchor href={reply.url} target="_blank" rel="noreferrer" size="xs">
          {t('inbox.seeReply')} <IconExternalLink size={12} />
        </Anchor>
      )}
      {reply.failureMessage && reply.state !== 'sent' && (
        <Text size="xs" c="red">
          {reply.failureMessage}
        </Text>
      )}
      {reply.reviewComment && <Text size="xs">{t('inbox.reviewComment', { comment: reply.reviewComment })}</Text>}
      {reply.state === 'pending_approval' && canApprove && (
        <Group gap="xs" mt="xs">
          <Button size="compact-sm" onClick={() => decide.mutate({ replyId: reply.id, decision: 'approve' }, { onError: (e) => notifyError(e) })} data-testid="reply-approve">
            {t('inbox.approve')}
          </Button>
          <Textarea size="xs" autosize minRows={1} placeholder={t('inbox.rejectComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button size="compact-sm" variant="light" color="red" disabled={!comment.trim()} onClick={() => decide.mutate({ replyId: reply.id, decision: 'reject', comment }, { onError: (e) => notifyError(e) })}>
            {t('inbox.reject')}
          </Button>
        </Group>
      )}
      {(reply.state === 'failed' || reply.state === 'needs_attention') && canWork && (
        <Button size="compact-sm" mt="xs" variant="light" onClick={() => decide.mutate({ replyId: reply.id, decision: 'retry' }, { onError: (e) => notifyError(e) })}>
          {t('inbox.retry')}
        </Button>
      )}
    </Paper>
  );
}

function ReplyBox(props: { workspace: Workspace; itemId: number; author: { handle: string; displayName: string | null }; channel: Channel | null; language: string | null; onSent: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const saved = useSavedReplies(props.workspace.id);
  const send = useSendReply(props.workspace.id);
  const [text, setText] = useState('');
  const limit = replyLimits[props.channel?.network ?? ''] ?? 500;
  const length = countTextLength(text, { urlLength: props.channel?.network === 'mastodon' ? 23 : null });
  const options = useMemo(() => {
    const all = saved.data ?? [];
    const first = all.filter((s) => s.language === props.language);
    const rest = all.filter((s) => s.language !== props.language);
    return [...first, ...rest].map((s) => ({ value: s.id, label: `${s.language.toUpperCase()} · ${s.title}` }));
  }, [saved.data, props.language]);
  const [savedReplyId, setSavedReplyId] = useState<string | null>(null);
  const submit = (markDone: boolean) =>
    send.mutate(
      { itemId: props.itemId, input: { text, savedReplyId, markDone } },
      {
        onSuccess: (reply) => {
          setText('');
          setSavedReplyId(null);
          notifySuccess(reply.state === 'pending_approval' ? t('inbox.sentForApproval') : t('inbox.sending'));
          props.onSent();
        },
        onError: (e) => notifyError(e),
      },
    );
  return (
    <Stack gap={6} data-testid="reply-box">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('inbox.reply.title', { handle: props.author.handle })}
        </Text>
        <Select
          size="xs"
          w={240}
          placeholder={t('inbox.reply.saved')}
          data={options}
          value={savedReplyId}
          searchable
          onChange={(id) => {
            const chosen = saved.data?.find((s) => s.id === id);
            setSavedReplyId(id);
            if (chosen) setText(renderSavedReply(chosen.body, valuesFor({ displayName: props.author.displayName, handle: props.author.handle, channel: props.channel ? `@${props.channel.handle}` : '', agent: me?.user.name.split(' ')[0] ?? '' })));
          }}
          data-testid="reply-saved"
        />
      </Group>
      <Textarea autosize minRows={3} maxRows={10} value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder={t('inbox.reply.placeholder')} data-testid="reply-text" />
      <Group justify="space-between">
        <Text size="xs" c={length > limit ? 'red' : 'dimmed'} data-testid="reply-counter">
          {length} / {limit}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="light" disabled={!text.trim() || length > limit} loading={send.isPending} onClick={() => submit(false)} data-testid="reply-send">
            {t('inbox.reply.send')}
          </Button>
          <Tooltip label={t('inbox.reply.sendDoneHint')}>
            <Button size="xs" disabled={!text.trim() || length > limit} loading={send.isPending} onClick={() => submit(true)} data-testid="reply-send-done">
              {t('inbox.reply.sendDone')}
            </Button>
          </Tooltip>
        </Group>
      </Group>
    </Stack>
  );
}

function NoteBox({ workspaceId, itemId, members }: { workspaceId: string; itemId: number; members: Member[] }) {
  const { t } = useTranslation();
  const add = useAddNote(workspaceId);
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const teammates = members.filter((m) => can(m.role, 'inbox:work')).map((m) => ({ value: m.userId, label: m.name }));
  return (
    <Stack gap={6} data-testid="note-box">
      <Textarea autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} placeholder={t('inbox.notes.placeholder')} data-testid="note-text" />
      <Group gap="xs" align="flex-end">
        <MultiSelect
          size="xs"
          style={{ flex: 1 }}
          data={teammates}
          value={mentions}
          onChange={(ids) => {
            const added = ids.filter((id) => !mentions.includes(id));
            setMentions(ids);
            // The mention shows in the note as @Name; the ids say whom to notify.
            for (const id of added) setBody((text) => `${text}${text && !text.endsWith(' ') ? ' ' : ''}@${teammates.find((m) => m.value === id)?.label ?? ''} `);
          }}
          placeholder={t('inbox.notes.mention')}
          searchable
          data-testid="note-mentions"
        />
        <Button
          size="xs"
          variant="light"
          disabled={!body.trim()}
          loading={add.isPending}
          onClick={() =>
            add.mutate(
              { itemId, body, mentions },
              {
                onSuccess: () => {
                  setBody('');
                  setMentions([]);
                },
                onError: (e) => notifyError(e),
              },
            )
          }
          data-testid="note-add"
        >
          {t('inbox.notes.add')}
        </Button>
      </Group>
    </Stack>
  );
}

function History({ workspaceId, events, members, canWork }: { workspaceId: string; events: InboxEventView[]; members: Member[]; canWork: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const undo = useUndo(workspaceId);
  const name = (id: unknown) => members.find((m) => m.userId === id)?.name ?? t('inbox.nobody');
  const describe = (event: InboxEventView) => {
    const d = event.detail as Record<string, unknown>;
    switch (event.action) {
      case 'status':
        return t('inbox.history.status', { status: t(`inbox.status.${String(d.after)}`) });
      case 'assign':
        return d.after ? t('inbox.history.assign', { name: name(d.after) }) : t('inbox.history.unassign');
      case 'tag':
      case 'untag':
        return t(`inbox.history.${event.action}`, { tag: String(d.tag) });
      case 'priority':
        return t('inbox.history.priority', { priority: t(`inbox.priority.${Number(d.after)}`) });
      case 'spam':
        return t(d.after ? 'inbox.history.spam' : 'inbox.history.notSpam');
      case 'snooze':
        return d.after ? t('inbox.history.snooze', { until: format.dateTime(new Date(Number(d.after)).toISOString()) }) : t('inbox.history.woke');
      case 'undo':
        return t('inbox.history.undone');
      default:
        return t(`inbox.history.${event.action}`, { defaultValue: event.action });
    }
  };
  return (
    <Timeline bulletSize={10} lineWidth={1} data-testid="item-history">
      {events.map((event) => (
        <Timeline.Item key={event.id} data-action={event.action}>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text size="xs" td={event.reversedAt ? 'line-through' : undefined}>
              {describe(event)} · <Text span c="dimmed" size="xs">{event.actor.kind === 'system' ? 'Relais' : event.actor.kind === 'rule' ? t('inbox.history.rule', { name: event.actor.name }) : event.actor.name}</Text>
            </Text>
            {event.reversible && canWork && (
              <Button size="compact-xs" variant="subtle" onClick={() => undo.mutate(event.id, { onError: (e) => notifyError(e) })} data-testid="history-undo">
                {t('inbox.history.undo')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {format.relative(event.createdAt)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
