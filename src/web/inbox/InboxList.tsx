// The middle of the inbox: search and order on top, the messages of the view
// (checkboxes for bulk changes), "N new — show" when messages arrived while
// the person was reading further down, and "Load more" at the end. Empty
// states say what to do: connect a channel, clear the filters, or enjoy an
// empty inbox.
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Button, Checkbox, CloseButton, Group, Loader, ScrollArea, Select, Skeleton, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Channel } from '../../shared/api-types.ts';
import type { InboxItemView, TeammateView } from '../../shared/inbox.ts';
import type { ZonedFormat } from '../publishing/zoned-time.ts';
import { IconCircleCheck, IconInbox, IconSearch, IconX } from '../ui/icons.tsx';
import { Empty, QueryError } from '../ui/states.tsx';
import { inboxSorts, type InboxSort, type InboxView } from './inbox-query.ts';
import { ItemRow } from './ItemRow.tsx';
import { shortAge } from './short-age.ts';
import { pickLocale } from '../../shared/locales.ts';

export interface InboxListProps {
  items: InboxItemView[];
  status: 'pending' | 'error' | 'success';
  error: unknown;
  onRetry: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  refreshing: boolean;
  fresh: number;
  onShowFresh: () => void;
  selectedId: number | null;
  checked: ReadonlySet<number>;
  seen: ReadonlySet<number>;
  canWork: boolean;
  channels: ReadonlyMap<string, Channel>;
  teammates: ReadonlyMap<string, TeammateView>;
  zoned: ZonedFormat;
  onOpen: (itemId: number) => void;
  onCheck: (itemId: number, checked: boolean, range: boolean) => void;
  onCheckAll: (checked: boolean) => void;
  q: string;
  onSearch: (q: string) => void;
  sort: InboxSort;
  onSort: (sort: InboxSort) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  viewportRef: RefObject<HTMLDivElement | null>;
  onPointerInside: (inside: boolean) => void;
  /** Above the search: the view picker and filters button on narrow screens, the author filter… */
  toolbar?: ReactNode;
  /** Replaces the list's header while messages are checked. */
  bulk?: ReactNode;
  empty: { view: InboxView; filtered: boolean; noChannel: boolean; channelsPath: string; onClearFilters: () => void; onShowDone: () => void };
}

export function InboxList(props: InboxListProps) {
  const { t, i18n } = useTranslation();
  const { items, checked } = props;
  const { timeZone } = props.zoned;
  const locale = pickLocale(i18n.language);
  // Ages move on every minute, even when nothing else changes.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const age = useCallback((iso: string) => shortAge(iso, timeZone, locale, new Date(now)), [timeZone, locale, now]);
  const allChecked = items.length > 0 && items.every((item) => checked.has(item.id));
  const someChecked = !allChecked && items.some((item) => checked.has(item.id));

  return (
    <div className="relais-inbox-list" data-testid="inbox-list" onPointerEnter={() => props.onPointerInside(true)} onPointerLeave={() => props.onPointerInside(false)}>
      <div className="relais-inbox-list-head">
        {props.toolbar}
        <SearchBox q={props.q} onSearch={props.onSearch} inputRef={props.searchRef} />
        {props.bulk ?? (
          <Group justify="space-between" gap="xs" wrap="nowrap" mt={6}>
            <Group gap={8} wrap="nowrap">
              {props.canWork && (
                <Checkbox
                  size="xs"
                  checked={allChecked}
                  indeterminate={someChecked}
                  onChange={(event) => props.onCheckAll(event.currentTarget.checked)}
                  disabled={items.length === 0}
                  aria-label={t('inbox.list.checkAll')}
                  data-testid="inbox-check-all"
                />
              )}
              <Text size="xs" c="dimmed" aria-live="polite">
                {props.status === 'success' ? t('inbox.list.shown', { count: items.length, more: props.hasMore ? '+' : '' }) : ''}
              </Text>
              {props.refreshing && <Loader size={12} />}
            </Group>
            <Select
              size="xs"
              variant="unstyled"
              w={150}
              data={inboxSorts.map((sort) => ({ value: sort, label: t(`inbox.sort.${sort}`) }))}
              value={props.sort}
              onChange={(value) => value && props.onSort(value as InboxSort)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true, width: 170, position: 'bottom-end' }}
              aria-label={t('inbox.sort.label')}
              styles={{ input: { textAlign: 'right', paddingRight: 26 } }}
              data-testid="inbox-sort"
            />
          </Group>
        )}
      </div>
      {props.fresh > 0 && (
        <UnstyledButton onClick={props.onShowFresh} className="relais-inbox-fresh" data-testid="inbox-fresh">
          {t('inbox.fresh', { count: props.fresh })}
        </UnstyledButton>
      )}
      <ScrollArea className="relais-inbox-list-scroll" type="auto" scrollbarSize={8} offsetScrollbars="y" viewportRef={props.viewportRef}>
        {props.status === 'pending' ? (
          <ListSkeleton />
        ) : props.status === 'error' ? (
          <div style={{ padding: 12 }}>
            <QueryError error={props.error} onRetry={props.onRetry} />
          </div>
        ) : items.length === 0 ? (
          <EmptyList {...props.empty} />
        ) : (
          <div role="list" aria-label={t('inbox.list.label')}>
            {items.map((item) => (
              <ItemRow
                key={item.id}
                item={item}
                selected={item.id === props.selectedId}
                checked={checked.has(item.id)}
                unread={!props.seen.has(item.id) && item.status !== 'done'}
                canCheck={props.canWork}
                channel={props.channels.get(item.channelId)}
                assignee={item.assigneeId ? props.teammates.get(item.assigneeId) : undefined}
                zoned={props.zoned}
                age={age}
                onOpen={props.onOpen}
                onCheck={props.onCheck}
              />
            ))}
            {props.hasMore && (
              <Group justify="center" p="sm">
                <Button variant="subtle" size="xs" loading={props.loadingMore} onClick={props.onLoadMore} data-testid="inbox-more">
                  {t('inbox.list.more')}
                </Button>
              </Group>
            )}
          </div>
        )}
      </ScrollArea>
    </div>
  );
}

function SearchBox({ q, onSearch, inputRef }: { q: string; onSearch: (q: string) => void; inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(q);
  const typed = useRef(q);
  // The address bar changed (back button, a cleared filter): the box follows.
  useEffect(() => {
    if (q !== typed.current.trim()) {
      typed.current = q;
      setValue(q);
    }
  }, [q]);
  const search = useDebouncedCallback((text: string) => onSearch(text.trim()), 350);
  return (
    <TextInput
      ref={inputRef}
      size="sm"
      placeholder={t('inbox.search.placeholder')}
      leftSection={<IconSearch size={15} />}
      rightSection={
        value ? (
          <CloseButton
            size="sm"
            aria-label={t('inbox.search.clear')}
            onClick={() => {
              typed.current = '';
              setValue('');
              onSearch('');
            }}
          />
        ) : (
          <Text size="xs" c="dimmed" className="relais-inbox-kbd-hint" aria-hidden="true">
            /
          </Text>
        )
      }
      value={value}
      onChange={(event) => {
        typed.current = event.currentTarget.value;
        setValue(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          search.flush?.();
          onSearch(event.currentTarget.value.trim());
        }
        if (event.key === 'Escape') event.currentTarget.blur();
      }}
      aria-label={t('inbox.search.label')}
      data-testid="inbox-search"
    />
  );
}

function ListSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap={0} aria-busy="true" aria-label={t('common.loading')}>
      {[0, 1, 2, 3, 4, 5].map((index) => (
        <Group key={index} gap="sm" p="sm" wrap="nowrap" align="flex-start" className="relais-inbox-skeleton-row">
          <Skeleton circle height={34} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Group justify="space-between">
              <Skeleton height={10} width="40%" />
              <Skeleton height={8} width={40} />
            </Group>
            <Skeleton height={8} />
            <Skeleton height={8} width="70%" />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

function EmptyList({ view, filtered, noChannel, channelsPath, onClearFilters, onShowDone }: InboxListProps['empty']) {
  const { t } = useTranslation();
  if (noChannel) {
    return (
      <Empty title={t('inbox.empty.noChannel.title')} description={t('inbox.empty.noChannel.text')}>
        <Button component={Link} to={channelsPath} variant="light" data-testid="inbox-connect-channel">
          {t('inbox.empty.noChannel.action')}
        </Button>
      </Empty>
    );
  }
  if (filtered) {
    return (
      <Empty icon={<IconSearch size={26} />} title={t('inbox.empty.filtered.title')} description={t('inbox.empty.filtered.text')}>
        <Button variant="light" leftSection={<IconX size={14} />} onClick={onClearFilters} data-testid="inbox-empty-clear">
          {t('inbox.filters.clear')}
        </Button>
      </Empty>
    );
  }
  if (view === 'open' || view === 'mine' || view === 'unassigned' || view === 'overdue') {
    return (
      <div data-testid="inbox-zero">
        <Empty icon={<IconCircleCheck size={28} />} title={t(`inbox.empty.${view}.title`)} description={t(`inbox.empty.${view}.text`)}>
          {view === 'open' && (
            <Button variant="subtle" size="xs" onClick={onShowDone}>
              {t('inbox.empty.open.action')}
            </Button>
          )}
        </Empty>
      </div>
    );
  }
  return <Empty icon={<IconInbox size={26} />} title={t(`inbox.empty.${view}.title`)} description={t(`inbox.empty.${view}.text`)} />;
}
