// The unified inbox: views and filters on the left (kept in the address bar),
// the list in the middle, the selected message with its conversation, its
// author and the reply box on the right. New messages arrive live without
// moving the list ("3 new — show"); keyboard shortcuts for the daily flow.
import { useCallback, useMemo, useState } from 'react';
import { Avatar, Badge, Box, Button, Checkbox, Group, Kbd, Menu, Modal, MultiSelect, NavLink, Paper, ScrollArea, Select, Skeleton, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InboxFilter, InboxItemView } from '../../shared/inbox.ts';
import { can } from '../../shared/roles.ts';
import { useChannels } from '../api/channels.ts';
import { useMembers } from '../api/members.ts';
import { ChannelAvatar } from '../channels/networks.tsx';
import { IconCircleCheck, IconClock, IconInbox, IconSearch, IconUser } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { Empty, QueryError } from '../ui/states.tsx';
import { useFormatters } from '../ui/format.ts';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { useBulkUpdate, useInboxCounts, useInboxItems, useInboxLive, useUpdateItem, type ListQuery } from './inbox-api.ts';
import { ItemPane } from './ItemPane.tsx';
import { SentimentBadge } from './item-bits.tsx';

const views: Array<InboxFilter['view']> = ['open', 'mine', 'unassigned', 'overdue', 'pending', 'snoozed', 'done', 'spam', 'all'];
const filterKeys = ['channel', 'kind', 'sentiment', 'language', 'assignee', 'tag', 'priority', 'q', 'sort', 'from', 'to'] as const;

export function InboxPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as InboxFilter['view'] | null) ?? 'open';
  const selected = params.get('item') ? Number(params.get('item')) : null;
  const query: ListQuery = useMemo(() => {
    const out: ListQuery = { view };
    for (const key of filterKeys) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params, view]);
  const items = useInboxItems(workspace.id, query);
  const counts = useInboxCounts(workspace.id);
  const channels = useChannels(workspace.id);
  const members = useMembers(workspace.id);
  const update = useUpdateItem(workspace.id);
  const bulk = useBulkUpdate(workspace.id);
  const canWork = can(workspace.role, 'inbox:work');
  const narrow = useMediaQuery('(max-width: 62em)');
  const [fresh, setFresh] = useState(0);
  const [checked, setChecked] = useState<number[]>([]);
  const [help, setHelp] = useState(false);
  const format = useFormatters();

  useInboxLive(workspace.id, () => setFresh((n) => n + 1));

  const list = useMemo(() => items.data?.pages.flatMap((page) => page.items) ?? [], [items.data]);
  const set = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      setParams(next, { replace: true });
    },
    [params, setParams],
  );
  const select = (id: number | null) => set({ item: id === null ? null : String(id) });
  const index = list.findIndex((item) => item.id === selected);
  const current = index >= 0 ? list[index] : null;
  const move = (step: number) => {
    const next = list[Math.min(list.length - 1, Math.max(0, (index < 0 ? -1 : index) + step))];
    if (next) select(next.id);
  };
  const showFresh = () => {
    setFresh(0);
    void items.refetch();
  };
  const change = (itemId: number, body: Parameters<typeof update.mutate>[0]['change']) => update.mutate({ itemId, change: body }, { onError: (error) => notifyError(error) });

  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    ['e', () => current && canWork && change(current.id, { status: 'done' })],
    ['x', () => current && setChecked((c) => (c.includes(current.id) ? c.filter((id) => id !== current.id) : [...c, current.id]))],
    ['r', () => document.querySelector<HTMLTextAreaElement>('[data-testid="reply-text"]')?.focus()],
    ['a', () => document.querySelector<HTMLInputElement>('[data-testid="item-assign"]')?.click()],
    ['s', () => document.querySelector<HTMLButtonElement>('[data-testid="item-snooze"]')?.click()],
    ['t', () => document.querySelector<HTMLInputElement>('[data-testid="item-tags"]')?.focus()],
    ['/', () => document.querySelector<HTMLInputElement>('[data-testid="inbox-search"]')?.focus()],
    ['shift+?', () => setHelp(true)],
  ]);

  const channelOptions = (channels.data ?? []).map((c) => ({ value: c.id, label: `@${c.handle}` }));
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.userId, label: m.name }));
  const noChannel = channels.data && channels.data.length === 0;

  const listPane = (
    <Stack gap={0} h="100%" data-testid="inbox-list">
      {checked.length > 0 && canWork && (
        <Group gap="xs" p="xs" className="relais-inbox-bulk" data-testid="inbox-bulk">
          <Text size="sm" fw={600}>
            {t('inbox.bulk.selected', { count: checked.length })}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => bulk.mutate({ itemIds: checked, update: { status: 'done' } }, { onSuccess: () => setChecked([]), onError: (e) => notifyError(e) })} data-testid="bulk-done">
            {t('inbox.actions.done')}
          </Button>
          <Menu>
            <Menu.Target>
              <Button size="compact-sm" variant="light">
                {t('inbox.actions.assign')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {memberOptions.map((m) => (
                <Menu.Item key={m.value} onClick={() => bulk.mutate({ itemIds: checked, update: { assigneeId: m.value } }, { onSuccess: () => setChecked([]), onError: (e) => notifyError(e) })}>
                  {m.label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button size="compact-sm" variant="light" color="gray" onClick={() => bulk.mutate({ itemIds: checked, update: { spam: true } }, { onSuccess: () => setChecked([]), onError: (e) => notifyError(e) })}>
            {t('inbox.actions.spam')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setChecked([])}>
            {t('common.cancel')}
          </Button>
        </Group>
      )}
      {fresh > 0 && (
        <UnstyledButton onClick={showFresh} className="relais-inbox-fresh" data-testid="inbox-fresh">
          {t('inbox.fresh', { count: fresh })}
        </UnstyledButton>
      )}
      <ScrollArea style={{ flex: 1 }} type="auto">
        {items.isPending ? (
          <Stack gap="xs" p="xs" aria-busy="true">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} height={72} radius="sm" />
            ))}
          </Stack>
        ) : items.isError ? (
          <QueryError error={items.error} onRetry={() => void items.refetch()} />
        ) : list.length === 0 ? (
          <Box p="md">
            {noChannel ? (
              <Empty title={t('inbox.empty.noChannel.title')} description={t('inbox.empty.noChannel.text')}>
                <Button component={Link} to={`/w/${encodeURIComponent(workspace.id)}/settings/channels`} variant="light">
                  {t('inbox.empty.noChannel.action')}
                </Button>
              </Empty>
            ) : (
              <Empty icon={<IconCircleCheck size={32} />} title={t(view === 'open' && !query.q ? 'inbox.empty.zero.title' : 'inbox.empty.none.title')} description={t(view === 'open' && !query.q ? 'inbox.empty.zero.text' : 'inbox.empty.none.text')} />
            )}
          </Box>
        ) : (
          <Stack gap={0}>
            {list.map((item) => (
              <ItemRow
                key={item.id}
                item={item}
                active={item.id === selected}
                checked={checked.includes(item.id)}
                canCheck={canWork}
                onCheck={(on) => setChecked((c) => (on ? [...c, item.id] : c.filter((id) => id !== item.id)))}
                onOpen={() => select(item.id)}
                channel={channels.data?.find((c) => c.id === item.channelId) ?? null}
                assignee={members.data?.find((m) => m.userId === item.assigneeId)?.name ?? null}
                relative={format.relative(item.receivedAt)}
              />
            ))}
            {items.hasNextPage && (
              <Button variant="subtle" m="sm" loading={items.isFetchingNextPage} onClick={() => void items.fetchNextPage()} data-testid="inbox-more">
                {t('inbox.more')}
              </Button>
            )}
          </Stack>
        )}
      </ScrollArea>
    </Stack>
  );

  const filters = (
    <Stack gap="xs" data-testid="inbox-filters">
      <TextInput
        placeholder={t('inbox.filters.search')}
        leftSection={<IconSearch size={16} />}
        defaultValue={query.q ?? ''}
        onKeyDown={(event) => {
          if (event.key === 'Enter') set({ q: event.currentTarget.value.trim() || null });
        }}
        onBlur={(event) => set({ q: event.currentTarget.value.trim() || null })}
        aria-label={t('inbox.filters.search')}
        data-testid="inbox-search"
      />
      <Stack gap={0} role="group" aria-label={t('inbox.views.label')}>
        {views.map((name) => (
          <NavLink
            key={name}
            label={t(`inbox.views.${name}`)}
            active={view === name}
            onClick={() => set({ view: name === 'open' ? null : name, item: null })}
            rightSection={name in (counts.data ?? {}) ? <CountBadge count={(counts.data as unknown as Record<string, number>)[name]} alert={name === 'overdue'} /> : null}
            data-testid={`inbox-view-${name}`}
            className="relais-nav-link"
          />
        ))}
      </Stack>
      <MultiSelect size="xs" label={t('inbox.filters.channel')} data={channelOptions} value={query.channel?.split(',') ?? []} onChange={(v) => set({ channel: v.join(',') })} clearable />
      <MultiSelect size="xs" label={t('inbox.filters.sentiment')} data={['negative', 'neutral', 'positive'].map((s) => ({ value: s, label: t(`inbox.sentiment.${s}`) }))} value={query.sentiment?.split(',') ?? []} onChange={(v) => set({ sentiment: v.join(',') })} data-testid="filter-sentiment" />
      <MultiSelect size="xs" label={t('inbox.filters.kind')} data={['reply', 'mention', 'quote', 'directMessage'].map((k) => ({ value: k, label: t(`inbox.kind.${k}`) }))} value={query.kind?.split(',') ?? []} onChange={(v) => set({ kind: v.join(',') })} />
      <MultiSelect size="xs" label={t('inbox.filters.language')} data={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} value={query.language?.split(',') ?? []} onChange={(v) => set({ language: v.join(',') })} />
      <MultiSelect size="xs" label={t('inbox.filters.assignee')} data={[{ value: 'none', label: t('inbox.unassigned') }, ...memberOptions]} value={query.assignee?.split(',') ?? []} onChange={(v) => set({ assignee: v.join(',') })} />
      <TextInput size="xs" label={t('inbox.filters.tag')} defaultValue={query.tag ?? ''} onBlur={(e) => set({ tag: e.currentTarget.value.trim() || null })} />
      <Select size="xs" label={t('inbox.filters.sort')} data={['newest', 'oldest', 'priority'].map((s) => ({ value: s, label: t(`inbox.sort.${s}`) }))} value={query.sort ?? 'newest'} onChange={(v) => set({ sort: v === 'newest' ? null : v })} allowDeselect={false} data-testid="inbox-sort" />
    </Stack>
  );

  const detail = selected !== null && (
    <ItemPane
      key={selected}
      workspace={workspace}
      itemId={selected}
      members={members.data ?? []}
      channels={channels.data ?? []}
      onChange={change}
      onClose={() => select(null)}
      onNext={() => move(1)}
    />
  );

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        description={t('inbox.description')}
        actions={
          <Tooltip label={t('inbox.shortcuts.title')}>
            <Button variant="subtle" color="gray" size="compact-sm" onClick={() => setHelp(true)} data-testid="inbox-shortcuts">
              <Kbd size="xs">?</Kbd>
            </Button>
          </Tooltip>
        }
      />
      {narrow ? (
        <Stack>
          {selected !== null ? (
            <>
              <Button variant="subtle" onClick={() => select(null)} style={{ alignSelf: 'flex-start' }} data-testid="inbox-back">
                ← {t('inbox.back')}
              </Button>
              {detail}
            </>
          ) : (
            <>
              <Group gap="xs" wrap="nowrap" style={{ overflowX: 'auto' }}>
                {views.slice(0, 5).map((name) => (
                  <Button key={name} size="compact-sm" variant={view === name ? 'filled' : 'light'} onClick={() => set({ view: name === 'open' ? null : name })}>
                    {t(`inbox.views.${name}`)}
                  </Button>
                ))}
              </Group>
              <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
                {listPane}
              </Paper>
            </>
          )}
        </Stack>
      ) : (
        <div className="relais-inbox-grid">
          <ScrollArea type="auto" className="relais-inbox-filters">
            {filters}
          </ScrollArea>
          <Paper withBorder radius="md" className="relais-inbox-listpane">
            {listPane}
          </Paper>
          <Paper withBorder radius="md" className="relais-inbox-detail">
            {detail || <Empty icon={<IconInbox size={32} />} title={t('inbox.pick.title')} description={t('inbox.pick.text')} />}
          </Paper>
        </div>
      )}
      <Modal opened={help} onClose={() => setHelp(false)} title={t('inbox.shortcuts.title')}>
        <Stack gap="xs">
          {(['j', 'k', 'e', 'r', 'a', 's', 't', 'x', '/'] as const).map((key) => (
            <Group key={key} justify="space-between">
              <Text size="sm">{t(`inbox.shortcuts.${key === '/' ? 'search' : key}`)}</Text>
              <Kbd>{key}</Kbd>
            </Group>
          ))}
        </Stack>
      </Modal>
    </>
  );
}

function CountBadge({ count, alert }: { count: number; alert?: boolean }) {
  if (!count) return null;
  return (
    <Badge size="sm" variant={alert ? 'filled' : 'light'} color={alert ? 'red' : 'gray'}>
      {count >= 1000 ? '999+' : count}
    </Badge>
  );
}

function ItemRow(props: {
  item: InboxItemView;
  active: boolean;
  checked: boolean;
  canCheck: boolean;
  onCheck: (on: boolean) => void;
  onOpen: () => void;
  channel: { network: string; handle: string; displayName: string | null; avatarUrl: string | null } | null;
  assignee: string | null;
  relative: string;
}) {
  const { t } = useTranslation();
  const { item } = props;
  return (
    <div className="relais-inbox-row" data-active={props.active || undefined} data-overdue={item.overdue || undefined} data-testid="inbox-item" data-item-id={item.id}>
      {props.canCheck && <Checkbox size="xs" checked={props.checked} onChange={(e) => props.onCheck(e.currentTarget.checked)} aria-label={t('inbox.select')} mt={4} />}
      <UnstyledButton onClick={props.onOpen} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Avatar src={item.author.avatarUrl} size={34} radius="xl" name={item.author.displayName ?? item.author.handle} color="initials" />
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text size="sm" fw={600} truncate>
                {item.author.displayName ?? item.author.handle} <Text span size="xs" c="dimmed" fw={400}>@{item.author.handle}</Text>
              </Text>
              <Text size="xs" c={item.overdue ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                {item.overdue && <IconClock size={12} style={{ verticalAlign: -2, marginRight: 2 }} />}
                {props.relative}
              </Text>
            </Group>
            <Text size="sm" lineClamp={2} className="relais-inbox-excerpt">
              {item.text}
            </Text>
            <Group gap={4}>
              {props.channel && <ChannelAvatar channel={props.channel} size={16} />}
              <Badge size="xs" variant="outline" color="gray">
                {t(`inbox.kind.${item.kind}`)}
              </Badge>
              <SentimentBadge sentiment={item.sentiment} />
              {item.priority > 0 && (
                <Badge size="xs" color={item.priority === 2 ? 'red' : 'orange'}>
                  {t(`inbox.priority.${item.priority}`)}
                </Badge>
              )}
              {item.tags.slice(0, 3).map((tag) => (
                <Badge key={tag} size="xs" variant="light">
                  {tag}
                </Badge>
              ))}
              {props.assignee && (
                <Badge size="xs" variant="light" color="grape" leftSection={<IconUser size={10} />}>
                  {props.assignee}
                </Badge>
              )}
              {item.replyCount > 0 && (
                <Badge size="xs" variant="light" color="teal">
                  {t('inbox.replied')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
      </UnstyledButton>
    </div>
  );
}
