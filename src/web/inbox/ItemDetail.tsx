// One message and everything needed to deal with it: who wrote it and where,
// the team's controls, the whole conversation, the replies written in Relais
// and where they stand, the reply box; then the internal notes, the author's
// card and the history, one tab each.
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { ActionIcon, Alert, Badge, Group, ScrollArea, Skeleton, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel, Workspace } from '../../shared/api-types.ts';
import type { InboxItemView, ItemUpdate, TeammateView } from '../../shared/inbox.ts';
import { can } from '../../shared/roles.ts';
import { isApiError } from '../api/client.ts';
import { NetworkMark, channelAddress } from '../channels/networks.tsx';
import { useZonedFormat, type ZonedFormat } from '../publishing/zoned-time.ts';
import { IconArrowLeft, IconBan, IconClock, IconExternalLink, IconX } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.tsx';
import { Empty, QueryError } from '../ui/states.tsx';
import { AuthorPanel } from './AuthorPanel.tsx';
import { ConversationThread } from './ConversationThread.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { useInboxSettings } from './inbox-api.ts';
import { ItemActions, type ItemCommands } from './ItemActions.tsx';
import { useInboxItem, useLike } from './item-api.ts';
import { AuthorAvatar, LanguageTag, SentimentBadge, authorName, formatDuration } from './item-bits.tsx';
import { NotesPanel } from './NotesPanel.tsx';
import { ReplyBox } from './ReplyBox.tsx';
import { ReplyCard } from './ReplyCard.tsx';

type Tab = 'notes' | 'author' | 'history';
/** The tab last chosen stays chosen from one message to the next. */
let lastTab: Tab = 'notes';

export function ItemDetail({
  workspace,
  itemId,
  channels,
  teammates,
  tagSuggestions,
  meId,
  onChange,
  onOpenItem,
  onShowAuthor,
  onClose,
  back,
  commands,
}: {
  workspace: Workspace;
  itemId: number;
  channels: Channel[];
  /** Members who may work the inbox: assignees and mentions. */
  teammates: TeammateView[];
  tagSuggestions: string[];
  meId: string | null;
  onChange: (itemId: number, change: ItemUpdate) => void;
  onOpenItem: (itemId: number) => void;
  onShowAuthor: (authorId: string) => void;
  onClose: () => void;
  /** On a phone: the way back to the list. */
  back: boolean;
  commands: Ref<ItemCommands>;
}) {
  const { t, i18n } = useTranslation();
  const detail = useInboxItem(workspace.id, itemId);
  const settings = useInboxSettings(workspace.id);
  const like = useLike(workspace.id);
  const zoned = useZonedFormat(workspace.timeZone);
  const [tab, setTab] = useState<Tab>(lastTab);
  const actions = useRef<Omit<ItemCommands, 'focusReply'>>(null);
  const reply = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(commands, () => ({
    openAssign: () => actions.current?.openAssign(),
    openSnooze: () => actions.current?.openSnooze(),
    focusTags: () => actions.current?.focusTags(),
    focusReply: () => reply.current?.focus(),
  }));
  const canWork = can(workspace.role, 'inbox:work');
  const canReply = can(workspace.role, 'inbox:reply');

  const closeButton = back ? (
    <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={t('inbox.back')} data-testid="inbox-back">
      <IconArrowLeft size={18} />
    </ActionIcon>
  ) : (
    <Tooltip label={t('inbox.close')} withArrow>
      <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={t('inbox.close')} data-testid="inbox-close">
        <IconX size={16} />
      </ActionIcon>
    </Tooltip>
  );

  if (detail.isPending) {
    return (
      <Stack gap="md" p="md" aria-busy="true" aria-label={t('common.loading')}>
        <Group gap="sm">
          <Skeleton circle height={40} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton height={12} width="40%" />
            <Skeleton height={10} width="25%" />
          </Stack>
        </Group>
        <Skeleton height={30} />
        <Skeleton height={140} radius="md" />
        <Skeleton height={90} radius="md" />
      </Stack>
    );
  }
  if (detail.isError) {
    return (
      <Stack p="md" gap="sm">
        <Group justify="flex-end">{closeButton}</Group>
        {isApiError(detail.error, 404) ? <Empty title={t('inbox.detail.gone')} description={t('inbox.detail.goneText')} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      </Stack>
    );
  }
  const { item, notes, replies, history } = detail.data;
  const channel = channels.find((c) => c.id === item.channelId);
  const needsApproval = Boolean(settings.data?.replyApproval) && !canReply;

  return (
    <div className="relais-inbox-detail-inner" data-testid="inbox-detail" data-item-id={item.id}>
      <div className="relais-inbox-detail-head">
        <Group gap="sm" wrap="nowrap" justify="space-between" align="flex-start">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            {back && closeButton}
            <AuthorAvatar author={item.author} size={40} />
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text fw={700} truncate="end" data-testid="detail-author">
                  {authorName(item.author)}
                </Text>
                {item.author.tags.slice(0, 2).map((tag) => (
                  <Badge key={tag} size="xs" color="grape" variant="light" radius="sm" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
              <Text size="xs" c="dimmed" truncate="end">
                @{item.author.handle}
                {item.author.followers != null && ` · ${t('inbox.author.followersCount', { count: item.author.followers, formatted: new Intl.NumberFormat(i18n.language, { notation: 'compact' }).format(item.author.followers) })}`}
              </Text>
            </div>
          </Group>
          {!back && closeButton}
        </Group>
        <Group gap={6} mt={6} wrap="wrap" className="relais-inbox-detail-meta">
          {channel && (
            <Group gap={4} wrap="nowrap">
              <NetworkMark network={channel.network} size={16} />
              <Text size="xs" c="dimmed">
                {channelAddress(channel)}
              </Text>
            </Group>
          )}
          <Text size="xs" c="dimmed">
            · {t(`inbox.kind.${item.kind}`)} · {zoned.dateTime(item.createdAt)}
          </Text>
          <SentimentBadge sentiment={item.sentiment} />
          <LanguageTag language={item.language} />
          {item.url && (
            <Tooltip label={t('inbox.detail.onNetwork')} withArrow>
              <ActionIcon component="a" href={item.url} target="_blank" rel="noreferrer" variant="subtle" color="gray" size="sm" aria-label={t('inbox.detail.onNetwork')}>
                <IconExternalLink size={13} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        {canWork && (
          <ItemActions
            item={item}
            teammates={teammates}
            tagSuggestions={tagSuggestions}
            timeZone={workspace.timeZone}
            liking={like.isPending}
            onChange={(change) => onChange(item.id, change)}
            onLike={() => like.mutate(item.id, { onError: (error) => notifyError(error) })}
            commands={actions}
          />
        )}
      </div>
      <ScrollArea className="relais-inbox-detail-scroll" type="auto" offsetScrollbars>
        <Stack gap="md" p="md" pt="sm">
          <ResponseLine item={item} zoned={zoned} locale={i18n.language} />
          <ConversationThread workspaceId={workspace.id} item={item} channel={channel} replies={replies} zoned={zoned} onOpenItem={onOpenItem} />
          {replies.length > 0 && (
            <Stack gap="xs" data-testid="item-replies">
              {replies.map((r) => (
                <ReplyCard key={r.id} workspaceId={workspace.id} reply={r} canApprove={canReply} canWork={canWork} zoned={zoned} />
              ))}
            </Stack>
          )}
          {canWork && item.url !== null && <ReplyBox key={item.id} workspaceId={workspace.id} item={item} channel={channel} needsApproval={needsApproval} textareaRef={reply} />}
          <Tabs
            value={tab}
            onChange={(value) => {
              lastTab = (value as Tab) ?? 'notes';
              setTab(lastTab);
            }}
            keepMounted={false}
            variant="outline"
          >
            <Tabs.List>
              <Tabs.Tab value="notes" data-testid="tab-notes">
                {t('inbox.notes.title')}
                {notes.length > 0 && ` (${notes.length})`}
              </Tabs.Tab>
              <Tabs.Tab value="author" data-testid="tab-author">
                {t('inbox.author.title')}
              </Tabs.Tab>
              <Tabs.Tab value="history" data-testid="tab-history">
                {t('inbox.history.title')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="notes" pt="sm">
              <NotesPanel workspaceId={workspace.id} itemId={item.id} notes={notes} teammates={teammates} meId={meId} canWork={canWork} zoned={zoned} />
            </Tabs.Panel>
            <Tabs.Panel value="author" pt="sm">
              <AuthorPanel workspaceId={workspace.id} authorId={item.author.id} currentItemId={item.id} canWork={canWork} zoned={zoned} onOpenItem={onOpenItem} onShowAll={() => onShowAuthor(item.author.id)} />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="sm">
              <HistoryPanel workspaceId={workspace.id} itemId={item.id} events={history} teammates={teammates} canWork={canWork} zoned={zoned} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      </ScrollArea>
    </div>
  );
}

/** Late, due, answered, or put aside as spam: one line that says where the message stands. */
function ResponseLine({ item, zoned, locale }: { item: InboxItemView; zoned: ZonedFormat; locale: string }) {
  const { t } = useTranslation();
  if (item.spam) {
    return (
      <Alert variant="light" color="gray" icon={<IconBan size={16} />} p="xs" data-testid="item-spam-note">
        <Text size="xs">{t('inbox.detail.spam')}</Text>
      </Alert>
    );
  }
  if (item.firstResponseAt) {
    const after = Date.parse(item.firstResponseAt) - Date.parse(item.receivedAt);
    return (
      <Text size="xs" c="teal.8" data-testid="item-first-response" data-first-response-at={item.firstResponseAt}>
        {t('inbox.detail.answered', { at: zoned.dateTime(item.firstResponseAt), after: after < 60_000 ? t('inbox.detail.underAMinute') : formatDuration(after, locale) })}
      </Text>
    );
  }
  if (item.overdue && item.firstResponseDueAt) {
    return (
      <Group gap={6} wrap="nowrap" c="red.7" data-testid="item-overdue">
        <IconClock size={14} />
        <Text size="xs" fw={500}>
          {t('inbox.detail.overdue', { due: zoned.dateTime(item.firstResponseDueAt) })}
        </Text>
      </Group>
    );
  }
  if (item.firstResponseDueAt && item.status !== 'done') {
    return (
      <Text size="xs" c="dimmed" data-testid="item-due">
        {t('inbox.detail.due', { due: zoned.dateTime(item.firstResponseDueAt) })}
      </Text>
    );
  }
  return null;
}
