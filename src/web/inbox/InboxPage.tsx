// The unified inbox: views and filters on the left (kept in the address bar),
// the messages in the middle, the open message on the right (?item=<id>). New
// messages arrive live without moving the list ("3 new — show"); the keyboard
// does the daily round (j/k, e, r, a, s, t, x, /, ?). On a tablet the filters
// go to a drawer; on a phone the list and the message take turns.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Drawer, Group, Indicator, Kbd, ScrollArea, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { InboxItemView, ItemUpdate } from '../../shared/inbox.ts';
import { can } from '../../shared/roles.ts';
import { useChannels } from '../api/channels.ts';
import { useMe } from '../api/session.ts';
import { channelAddress } from '../channels/networks.tsx';
import { useZonedFormat } from '../publishing/zoned-time.ts';
import { IconAlert, IconFilter, IconInbox, IconKeyboard, IconRefresh, IconX } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { usePageTitle } from '../ui/page.tsx';
import { Empty } from '../ui/states.tsx';
import { settingsPath } from '../workspaces/paths.ts';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { BulkBar } from './BulkBar.tsx';
import { InboxFilterFields, InboxViews, ViewSelect } from './InboxFilters.tsx';
import { InboxList } from './InboxList.tsx';
import { activeFilterCount, inboxApiQuery, noFilters, readInboxQuery, writeInboxQuery, type InboxQuery } from './inbox-query.ts';
import type { ItemCommands } from './ItemActions.tsx';
import { ItemDetail } from './ItemDetail.tsx';
import { knownTags, useBulkUpdate, useInboxCounts, useInboxItems, usePollNow, useTeammates, useUpdateItem } from './item-api.ts';
import { applyChange, belongsToView } from './view-rules.ts';
import { authorName } from './item-bits.tsx';
import { useInboxLive, type LiveState } from './live-inbox.ts';
import { useSeenItems } from './seen-items.ts';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import './inbox.css';

type Layout = 'wide' | 'medium' | 'narrow';

const none: ReadonlySet<number> = new Set();

type ShortcutAction = 'next' | 'previous' | 'done' | 'select' | 'reply' | 'assign' | 'snooze' | 'tag' | 'search' | 'help';

/** Each key as Mantine's hotkeys read it (a "#" or "?" comes with Shift on some keyboards, AltGr on others). */
const hotkeys: Array<[string, ShortcutAction]> = [
  ['j', 'next'],
  ['k', 'previous'],
  ['e', 'done'],
  ['x', 'select'],
  ['r', 'reply'],
  ['a', 'assign'],
  ['s', 'snooze'],
  ['t', 'tag'],
  ['#', 'tag'],
  ['shift+#', 'tag'],
  ['ctrl+alt+#', 'tag'],
  ['/', 'search'],
  ['shift+/', 'search'],
  ['?', 'help'],
  ['shift+?', 'help'],
];

/** Keys typed into a field are text, not shortcuts (a checkbox or a radio is not a field). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((target as HTMLInputElement).type);
}

/** A dialog, menu or list of choices is open: keys belong to it. */
function somethingOpen(): boolean {
  // Closed dropdowns stay in the page, hidden: only a visible one counts.
  return [...document.querySelectorAll('[aria-modal="true"], [role="menu"], [role="listbox"]')].some((element) => (element.checkVisibility ? element.checkVisibility() : element.getClientRects().length > 0));
}

export function InboxPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const { data: me } = useMe();
  const meId = me?.user.id ?? null;
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useMemo(() => readInboxQuery(params), [params]);
  const rawItem = params.get('item');
  const selectedId = rawItem && /^\d{1,15}$/.test(rawItem) ? Number(rawItem) : null;
  const apiQuery = useMemo(() => inboxApiQuery(query, workspace.timeZone), [query, workspace.timeZone]);
  const wide = useMediaQuery('(min-width: 1300px)', true, { getInitialValueInEffect: false });
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const layout: Layout = phone ? 'narrow' : wide ? 'wide' : 'medium';

  const items = useInboxItems(workspace.id, apiQuery);
  const counts = useInboxCounts(workspace.id);
  const channels = useChannels(workspace.id);
  const teammatesQuery = useTeammates(workspace.id);
  const update = useUpdateItem(workspace.id);
  const bulk = useBulkUpdate(workspace.id);
  const pollNow = usePollNow(workspace.id);
  const zoned = useZonedFormat(workspace.timeZone);
  const { seen, markSeen } = useSeenItems(workspace.id);
  const canWork = can(workspace.role, 'inbox:work');
  const [help, setHelp] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const commands = useRef<ItemCommands>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const pointerInside = useRef(false);

  usePageTitle(counts.data?.open ? `${t('inbox.title')} (${counts.data.open >= 1000 ? '999+' : counts.data.open})` : t('inbox.title'));

  // New messages stay out of sight while the person reads further down (or has the pointer on the list).
  const [fresh, setFresh] = useState<{ key: string; ids: ReadonlySet<number> }>({ key: apiQuery, ids: none });
  const freshIds = fresh.key === apiQuery ? fresh.ids : none;
  const currentQuery = useRef(apiQuery);
  useEffect(() => {
    currentQuery.current = apiQuery;
  }, [apiQuery]);
  const onCreated = useCallback((ids: number[]) => {
    const atTop = (viewport.current?.scrollTop ?? 0) < 8;
    if (atTop && !pointerInside.current) return;
    const key = currentQuery.current;
    setFresh((previous) => ({ key, ids: new Set([...(previous.key === key ? previous.ids : []), ...ids]) }));
  }, []);
  const live = useInboxLive(workspace.id, onCreated);

  const loaded = useMemo(() => {
    const byId = new Map<number, InboxItemView>();
    for (const page of items.data?.pages ?? []) for (const item of page.items) if (!byId.has(item.id)) byId.set(item.id, item);
    return [...byId.values()];
  }, [items.data]);
  const visible = useMemo(() => (freshIds.size ? loaded.filter((item) => !freshIds.has(item.id)) : loaded), [loaded, freshIds]);
  const freshCount = loaded.length - visible.length;
  const showFresh = () => {
    setFresh({ key: apiQuery, ids: none });
    viewport.current?.scrollTo({ top: 0, behavior: 'smooth' });
  };

  // Checked messages, for bulk changes; another view or filter starts with none.
  const [checkedState, setChecked] = useState<{ key: string; ids: ReadonlySet<number> }>({ key: apiQuery, ids: none });
  const checked = checkedState.key === apiQuery ? checkedState.ids : none;
  const lastChecked = useRef<number | null>(null);
  // The rows as shown, for Shift-click ranges (read when a box is clicked).
  const shown = useRef(visible);
  useEffect(() => {
    shown.current = visible;
  }, [visible]);
  const onCheck = useCallback(
    (itemId: number, on: boolean, range: boolean) => {
      const key = currentQuery.current;
      const rows = shown.current;
      const from = range && lastChecked.current !== null ? rows.findIndex((item) => item.id === lastChecked.current) : -1;
      const to = rows.findIndex((item) => item.id === itemId);
      const span = from >= 0 && to >= 0 ? rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((item) => item.id) : [itemId];
      setChecked((previous) => {
        const ids = new Set(previous.key === key ? previous.ids : []);
        for (const id of span) if (on) ids.add(id);
        else ids.delete(id);
        return { key, ids };
      });
      lastChecked.current = itemId;
      // Leave the keyboard to the shortcuts.
      if (document.activeElement instanceof HTMLElement && document.activeElement.tagName === 'INPUT') document.activeElement.blur();
    },
    [setChecked],
  );
  const checkAll = (on: boolean) => setChecked({ key: apiQuery, ids: on ? new Set(visible.map((item) => item.id)) : none });

  const setQuery = (changes: Partial<InboxQuery>) => setParams((previous) => writeInboxQuery(previous, changes), { replace: true });
  const changeView = (view: InboxQuery['view']) => setParams((previous) => {
    const next = writeInboxQuery(previous, { view });
    if (layout === 'narrow') next.delete('item');
    return next;
  }, { replace: true });

  // The message open right now, known before the address bar catches up (keys pressed quickly).
  const openNow = useRef(selectedId);
  useEffect(() => {
    openNow.current = selectedId;
  }, [selectedId]);
  const select = useCallback(
    (itemId: number | null) => {
      openNow.current = itemId;
      const fromList = layout === 'narrow' && itemId !== null && selectedId === null;
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (itemId === null) next.delete('item');
          else next.set('item', String(itemId));
          return next;
        },
        // On a phone, opening a message is a step the browser's Back undoes.
        fromList ? { state: { inboxList: true } } : { replace: true },
      );
    },
    [layout, selectedId, setParams],
  );
  const closeItem = () => {
    if (layout === 'narrow' && (location.state as { inboxList?: boolean } | null)?.inboxList) void navigate(-1);
    else select(null);
  };

  useEffect(() => {
    if (selectedId !== null) markSeen(selectedId);
  }, [selectedId, markSeen]);

  const index = visible.findIndex((item) => item.id === selectedId);
  const lastIndex = useRef(-1);
  useEffect(() => {
    if (index >= 0) lastIndex.current = index;
  }, [index]);
  const move = (step: 1 | -1) => {
    const open = openNow.current;
    const at = visible.findIndex((item) => item.id === open);
    // The open message left the list (done by a teammate): carry on from where it was.
    const base = at >= 0 ? at : open === null ? -1 : step > 0 ? lastIndex.current - 1 : lastIndex.current;
    const target = visible[Math.max(0, Math.min(visible.length - 1, base + step))];
    if (target) select(target.id);
  };
  // The open message's row stays in sight (opened by the keyboard, a link or a notification).
  useEffect(() => {
    if (selectedId === null || layout === 'narrow') return;
    document.querySelector(`[data-testid="inbox-item"][data-item-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, layout, items.status]);

  const change = (itemId: number, body: ItemUpdate) => {
    const before = loaded.find((item) => item.id === itemId);
    // The open message leaves this view (done, spam, snoozed…): the next one opens, as in a mail client.
    if (before && itemId === selectedId && layout !== 'narrow' && belongsToView(before, query.view, meId) && !belongsToView(applyChange(before, body), query.view, meId)) {
      const at = visible.findIndex((item) => item.id === itemId);
      const next = visible[at + 1] ?? visible[at - 1];
      select(next ? next.id : null);
    }
    update.mutate({ itemId, change: body }, { onError: (error) => notifyError(error) });
  };

  const applyBulk = (body: ItemUpdate) => {
    const itemIds = [...checked];
    bulk.mutate(
      { itemIds, update: body },
      {
        onSuccess: ({ updated }) => {
          setChecked({ key: apiQuery, ids: none });
          notifySuccess(t('inbox.bulk.done', { count: updated }));
        },
        onError: (error) => notifyError(error),
      },
    );
  };

  const runShortcut = (action: ShortcutAction) => {
    const current = selectedId;
    switch (action) {
      case 'next':
        return move(1);
      case 'previous':
        return move(-1);
      case 'done':
        return current !== null && canWork && change(current, { status: 'done' });
      case 'select':
        return current !== null && canWork && onCheck(current, !checked.has(current), false);
      case 'reply':
        return commands.current?.focusReply();
      case 'assign':
        return commands.current?.openAssign();
      case 'snooze':
        return commands.current?.openSnooze();
      case 'tag':
        return commands.current?.focusTags();
      case 'search':
        return searchRef.current?.focus();
      case 'help':
        return setHelp((open) => !open);
    }
  };
  useHotkeys(
    hotkeys.map(([key, action]) => [
      key,
      (event: KeyboardEvent) => {
        if (event.defaultPrevented || typingIn(event.target) || (action !== 'help' && somethingOpen())) return;
        event.preventDefault();
        runShortcut(action);
      },
      { preventDefault: false },
    ]),
    [],
  );

  const channelList = useMemo(() => channels.data ?? [], [channels.data]);
  const channelMap = useMemo(() => new Map(channelList.map((channel) => [channel.id, channel])), [channelList]);
  const teammates = useMemo(() => teammatesQuery.data ?? [], [teammatesQuery.data]);
  const teammateMap = useMemo(() => new Map(teammates.map((teammate) => [teammate.userId, teammate])), [teammates]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when the lists change
  const tagSuggestions = useMemo(() => knownTags(queryClient, workspace.id), [queryClient, workspace.id, items.data, query.tag]);
  const filterCount = activeFilterCount({ ...query, q: '' });
  const filtered = activeFilterCount(query) > 0;
  const broken = channelList.filter((channel) => channel.status === 'reconnect_needed');
  const authorFilter = query.author ? (loaded.find((item) => item.author.id === query.author)?.author ?? null) : null;

  const filterFields = <InboxFilterFields query={query} channels={channelList} teammates={teammates} tagSuggestions={tagSuggestions} timeZone={workspace.timeZone} onChange={setQuery} />;

  const toolbar = (
    <>
      {layout !== 'wide' && (
        <Group gap="xs" wrap="nowrap" mb={6}>
          <ViewSelect view={query.view} counts={counts.data} onChange={changeView} />
          <Indicator label={filterCount} size={16} disabled={filterCount === 0} offset={4}>
            <Button variant="default" size="sm" leftSection={<IconFilter size={14} />} onClick={() => setFiltersOpen(true)} data-testid="inbox-filters-open">
              {t('inbox.filters.title')}
            </Button>
          </Indicator>
        </Group>
      )}
      {query.author && (
        <Group gap={6} mb={6} wrap="nowrap">
          <Badge
            variant="light"
            radius="sm"
            tt="none"
            rightSection={
              <UnstyledButton onClick={() => setQuery({ author: null })} aria-label={t('inbox.filters.clearAuthor')} style={{ display: 'inline-flex' }}>
                <IconX size={11} />
              </UnstyledButton>
            }
            data-testid="inbox-author-filter"
          >
            {authorFilter ? t('inbox.filters.fromAuthor', { name: authorName(authorFilter) }) : t('inbox.filters.fromOne')}
          </Badge>
        </Group>
      )}
    </>
  );

  const list = (
    <InboxList
      items={visible}
      status={items.status}
      error={items.error}
      onRetry={() => void items.refetch()}
      hasMore={Boolean(items.hasNextPage)}
      loadingMore={items.isFetchingNextPage}
      onLoadMore={() => void items.fetchNextPage()}
      refreshing={items.isFetching && !items.isPending && !items.isFetchingNextPage}
      fresh={freshCount}
      onShowFresh={showFresh}
      selectedId={selectedId}
      checked={checked}
      seen={seen}
      canWork={canWork}
      channels={channelMap}
      teammates={teammateMap}
      zoned={zoned}
      onOpen={select}
      onCheck={onCheck}
      onCheckAll={checkAll}
      q={query.q}
      onSearch={(q) => setQuery({ q })}
      sort={query.sort}
      onSort={(sort) => setQuery({ sort })}
      searchRef={searchRef}
      viewportRef={viewport}
      onPointerInside={(inside) => (pointerInside.current = inside)}
      toolbar={toolbar}
      bulk={checked.size > 0 && canWork ? <BulkBar count={checked.size} teammates={teammates} tagSuggestions={tagSuggestions} timeZone={workspace.timeZone} busy={bulk.isPending} onApply={applyBulk} onClear={() => setChecked({ key: apiQuery, ids: none })} /> : undefined}
      empty={{
        view: query.view,
        filtered,
        noChannel: channels.isSuccess && channelList.length === 0,
        channelsPath: settingsPath(workspace.id, 'channels'),
        onClearFilters: () => setQuery(noFilters),
        onShowDone: () => changeView('done'),
      }}
    />
  );

  const detail =
    selectedId !== null ? (
      <ItemDetail
        key={selectedId}
        workspace={workspace}
        itemId={selectedId}
        channels={channelList}
        teammates={teammates}
        tagSuggestions={tagSuggestions}
        meId={meId}
        onChange={change}
        onOpenItem={select}
        onShowAuthor={(author) => setParams((previous) => {
          const next = writeInboxQuery(previous, { ...noFilters, author, view: 'all' });
          if (layout === 'narrow') next.delete('item');
          return next;
        }, { replace: true })}
        onClose={closeItem}
        back={layout === 'narrow'}
        commands={commands}
      />
    ) : (
      <Empty icon={<IconInbox size={28} />} title={t('inbox.pick.title')} description={t('inbox.pick.text')} />
    );

  return (
    <div className="relais-inbox" data-layout={layout}>
      <Group justify="space-between" gap="sm" mb="sm" wrap="nowrap" className="relais-inbox-header">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={2} fz={{ base: 20, sm: 22 }} fw={650}>
            {t('inbox.title')}
          </Title>
          <LiveBadge state={live} />
        </Group>
        <Group gap={6} wrap="nowrap">
          {canWork && channelList.length > 0 && (
            <Tooltip label={t('inbox.checkNowHint')} withArrow>
              <Button
                variant="subtle"
                color="gray"
                size="compact-sm"
                leftSection={<IconRefresh size={14} />}
                loading={pollNow.isPending}
                onClick={() => pollNow.mutate(channelList.map((channel) => channel.id), { onSuccess: () => notifySuccess(t('inbox.checkNowDone')), onError: (error) => notifyError(error) })}
                data-testid="inbox-check-now"
              >
                {layout === 'narrow' ? null : t('inbox.checkNow')}
              </Button>
            </Tooltip>
          )}
          {layout !== 'narrow' && (
            <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconKeyboard size={15} />} onClick={() => setHelp(true)} data-testid="inbox-shortcuts">
              <Group gap={4} wrap="nowrap">
                {t('inbox.shortcuts.hint')}
                <Kbd size="xs">?</Kbd>
              </Group>
            </Button>
          )}
        </Group>
      </Group>
      {broken.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlert size={16} />} mb="sm" p="xs" data-testid="inbox-channel-problem">
          <Text size="sm">
            {t('inbox.channelProblem', { count: broken.length, channels: broken.map(channelAddress).join(', ') })}{' '}
            <Anchor component={Link} to={settingsPath(workspace.id, 'channels')} size="sm">
              {t('inbox.channelProblemAction')}
            </Anchor>
          </Text>
        </Alert>
      )}
      {layout === 'narrow' ? (
        <div className="relais-inbox-phone">{selectedId !== null ? <div className="relais-inbox-detail">{detail}</div> : list}</div>
      ) : (
        <div className="relais-inbox-panes">
          {layout === 'wide' && (
            <ScrollArea className="relais-inbox-side" type="auto" offsetScrollbars>
              <InboxViews view={query.view} counts={counts.data} onChange={changeView} />
              <Box mt="md">{filterFields}</Box>
            </ScrollArea>
          )}
          {list}
          <div className="relais-inbox-detail">{detail}</div>
        </div>
      )}
      <Drawer opened={filtersOpen && layout !== 'wide'} onClose={() => setFiltersOpen(false)} title={t('inbox.filters.title')} position={layout === 'narrow' ? 'bottom' : 'left'} size={layout === 'narrow' ? '85%' : 320} data-testid="inbox-filters-drawer">
        {filterFields}
      </Drawer>
      <ShortcutsHelp opened={help} onClose={() => setHelp(false)} />
    </div>
  );
}

function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`inbox.live.${state}Hint`)} withArrow multiline w={240}>
      <Group gap={5} wrap="nowrap" className="relais-inbox-live" data-state={state} data-testid="inbox-live" tabIndex={0}>
        <span className="relais-inbox-live-dot" aria-hidden="true" />
        <Text size="xs" c="dimmed">
          {t(`inbox.live.${state}`)}
        </Text>
      </Group>
    </Tooltip>
  );
}
