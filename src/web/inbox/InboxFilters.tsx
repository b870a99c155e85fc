// The inbox's views (with how many messages each holds) and its filters:
// channel, type, sentiment, priority, language, assignee, tag, dates. Their
// values live in the address bar (inbox-query.ts); this only shows and edits
// them. On a wide screen they sit left of the list; otherwise in a drawer.
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { useMemo, useState } from 'react';
import { Badge, Button, Chip, Group, MultiSelect, NavLink, Select, Stack, TagsInput, Text, type ComboboxItem, type MultiSelectProps } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/api-types.ts';
import { inboxItemKinds, priorities, sentiments, type InboxCounts, type Priority, type Sentiment, type TeammateView } from '../../shared/inbox.ts';
import { pickLocale } from '../../shared/locales.ts';
import { ChannelAvatar, channelAddress } from '../channels/networks.tsx';
import { IconCalendar, IconX } from '../ui/icons.tsx';
import { activeFilterCount, inboxViews, noFilters, type InboxFilters as Filters, type InboxQuery, type InboxView } from './inbox-query.ts';
import { MemberAvatar, countLabel, sentimentColor } from './item-bits.tsx';

function viewCount(counts: InboxCounts | undefined, view: InboxView): number | undefined {
  return counts && view in counts ? counts[view as keyof InboxCounts] : undefined;
}

export function InboxViews({ view, counts, onChange }: { view: InboxView; counts: InboxCounts | undefined; onChange: (view: InboxView) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={1} role="group" aria-label={t('inbox.views.label')}>
      {inboxViews.map((name) => {
        const count = countLabel(viewCount(counts, name));
        return (
          <NavLink
            key={name}
            label={t(`inbox.views.${name}`)}
            active={view === name}
            onClick={() => onChange(name)}
            rightSection={
              count && (
                <Badge size="sm" variant={name === 'overdue' ? 'filled' : 'light'} color={name === 'overdue' ? 'red' : 'gray'} radius="sm" data-testid={`inbox-count-${name}`}>
                  {count}
                </Badge>
              )
            }
            className="relais-nav-link relais-inbox-view"
            aria-current={view === name ? 'page' : undefined}
            data-testid={`inbox-view-${name}`}
          />
        );
      })}
    </Stack>
  );
}

/** The views as one field, for narrow screens. */
export function ViewSelect({ view, counts, onChange }: { view: InboxView; counts: InboxCounts | undefined; onChange: (view: InboxView) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      size="sm"
      aria-label={t('inbox.views.label')}
      data={inboxViews.map((name) => {
        const count = countLabel(viewCount(counts, name));
        return { value: name, label: count ? `${t(`inbox.views.${name}`)} (${count})` : t(`inbox.views.${name}`) };
      })}
      value={view}
      onChange={(value) => value && onChange(value as InboxView)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid="inbox-view-select"
      style={{ flex: '1 1 160px', minWidth: 0 }}
    />
  );
}

const commonLanguages = ['fr', 'en', 'es', 'de', 'it', 'pt', 'nl'];

export function InboxFilterFields({
  query,
  channels,
  teammates,
  tagSuggestions,
  timeZone,
  onChange,
}: {
  query: InboxQuery;
  channels: readonly Channel[];
  teammates: readonly TeammateView[];
  tagSuggestions: string[];
  timeZone: string;
  onChange: (changes: Partial<Filters>) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = pickLocale(i18n.language);
  const languageNames = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'language' });
    } catch {
      return null;
    }
  }, [locale]);
  const languageLabel = (code: string) => {
    const name = languageNames?.of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  };
  const channelById = new Map(channels.map((channel) => [channel.id, channel]));
  const memberById = new Map(teammates.map((teammate) => [teammate.userId, teammate]));
  const today = DateTime.now().setZone(timeZone).startOf('day');
  const iso = (at: DateTime) => at.toISODate()!;
  const datePresets = [
    { value: [iso(today), iso(today)] as [string, string], label: t('inbox.filters.today') },
    { value: [iso(today.minus({ days: 6 })), iso(today)] as [string, string], label: t('inbox.filters.last7') },
    { value: [iso(today.minus({ days: 29 })), iso(today)] as [string, string], label: t('inbox.filters.last30') },
    { value: [iso(today.startOf('month')), iso(today)] as [string, string], label: t('inbox.filters.thisMonth') },
  ];
  const count = activeFilterCount({ ...query, q: '' });
  const multi: Partial<MultiSelectProps> = { size: 'xs', clearable: true, searchable: true, comboboxProps: { withinPortal: true }, nothingFoundMessage: t('common.nothingFound') };

  return (
    <Stack gap="sm" data-testid="inbox-filters">
      <Group justify="space-between" gap="xs">
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.5 }}>
          {t('inbox.filters.title')}
        </Text>
        {count > 0 && (
          <Button variant="subtle" size="compact-xs" color="gray" leftSection={<IconX size={12} />} onClick={() => onChange({ ...noFilters, q: query.q })} data-testid="inbox-filters-clear">
            {t('inbox.filters.clear')}
          </Button>
        )}
      </Group>
      <MultiSelect
        {...multi}
        label={t('inbox.filters.channel')}
        placeholder={query.channel.length ? undefined : t('inbox.filters.allChannels')}
        data={channels.map((channel) => ({ value: channel.id, label: channelAddress(channel) }))}
        renderOption={({ option }: { option: ComboboxItem }) => {
          const channel = channelById.get(option.value);
          return (
            <Group gap={8} wrap="nowrap">
              {channel && <ChannelAvatar channel={channel} size={20} />}
              <Text size="xs">{option.label}</Text>
            </Group>
          );
        }}
        value={query.channel}
        onChange={(channel) => onChange({ channel })}
        data-testid="filter-channel"
      />
      <MultiSelect
        {...multi}
        label={t('inbox.filters.kind')}
        placeholder={query.kind.length ? undefined : t('inbox.filters.allKinds')}
        data={inboxItemKinds.map((kind) => ({ value: kind, label: t(`inbox.kind.${kind}`) }))}
        value={query.kind}
        onChange={(kind) => onChange({ kind: kind as Filters['kind'] })}
        searchable={false}
        data-testid="filter-kind"
      />
      <div>
        <Text size="xs" fw={500} mb={4}>
          {t('inbox.filters.sentiment')}
        </Text>
        <Chip.Group multiple value={query.sentiment} onChange={(value) => onChange({ sentiment: value as Sentiment[] })}>
          <Group gap={4} data-testid="filter-sentiment">
            {sentiments.map((sentiment) => (
              <Chip key={sentiment} value={sentiment} size="xs" color={sentimentColor[sentiment]} variant="light" data-testid={`filter-sentiment-${sentiment}`}>
                {t(`inbox.sentiment.${sentiment}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <div>
        <Text size="xs" fw={500} mb={4}>
          {t('inbox.filters.priority')}
        </Text>
        <Chip.Group multiple value={query.priority.map(String)} onChange={(value) => onChange({ priority: value.map(Number) as Priority[] })}>
          <Group gap={4} data-testid="filter-priority">
            {[...priorities].reverse().map((priority) => (
              <Chip key={priority} value={String(priority)} size="xs" color={priority === 2 ? 'red' : priority === 1 ? 'orange' : 'gray'} variant="light">
                {t(`inbox.priority.${priority}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <MultiSelect
        {...multi}
        label={t('inbox.filters.language')}
        placeholder={query.language.length ? undefined : t('inbox.filters.allLanguages')}
        data={[...new Set([...commonLanguages, ...query.language])].map((code) => ({ value: code, label: languageLabel(code) }))}
        value={query.language}
        onChange={(language) => onChange({ language })}
        data-testid="filter-language"
      />
      <MultiSelect
        {...multi}
        label={t('inbox.filters.assignee')}
        placeholder={query.assignee.length ? undefined : t('inbox.filters.anyone')}
        data={[{ value: 'none', label: t('inbox.unassigned') }, ...teammates.map((teammate) => ({ value: teammate.userId, label: teammate.name }))]}
        renderOption={({ option }: { option: ComboboxItem }) => {
          const member = memberById.get(option.value);
          return (
            <Group gap={8} wrap="nowrap">
              {member && <MemberAvatar name={member.name} size={20} />}
              <Text size="xs">{option.label}</Text>
            </Group>
          );
        }}
        value={query.assignee}
        onChange={(assignee) => onChange({ assignee })}
        data-testid="filter-assignee"
      />
      <TagsInput
        size="xs"
        label={t('inbox.filters.tag')}
        placeholder={query.tag.length ? undefined : t('inbox.filters.anyTag')}
        data={tagSuggestions}
        value={query.tag}
        onChange={(tag) => onChange({ tag })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="filter-tag"
      />
      <DateRangeFilter from={query.from} to={query.to} presets={datePresets} maxDate={iso(today)} onChange={(from, to) => onChange({ from, to })} />
    </Stack>
  );
}

/** Days of the workspace's zone; the list changes once both ends are picked (or both cleared). */
function DateRangeFilter({ from, to, presets, maxDate, onChange }: { from: string | null; to: string | null; presets: Array<{ value: [string, string]; label: string }>; maxDate: string; onChange: (from: string | null, to: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const locale = pickLocale(i18n.language);
  const [picking, setPicking] = useState<[string | null, string | null] | null>(null);
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DatePickerInput
        size="xs"
        type="range"
        allowSingleDateInRange
        label={t('inbox.filters.dates')}
        placeholder={t('inbox.filters.anyDate')}
        value={picking ?? [from, to]}
        onChange={([start, end]) => {
          if ((start && end) || (!start && !end)) {
            setPicking(null);
            onChange(start, end);
          } else setPicking([start, end]);
        }}
        presets={presets}
        maxDate={maxDate}
        valueFormat="D MMM YYYY"
        leftSection={<IconCalendar size={14} />}
        clearable
        popoverProps={{ withinPortal: true, onClose: () => setPicking(null) }}
        data-testid="filter-dates"
      />
    </DatesProvider>
  );
}
