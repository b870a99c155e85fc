// The calendar's filters: channels, campaign, status, author. Their values
// live in the address bar (calendar-query.ts); this only shows and edits them.
import { Button, Group, MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/api-types.ts';
import { targetStates, type Campaign, type TargetState } from '../../shared/publishing.ts';
import { channelAddress } from '../channels/networks.tsx';
import { IconX } from '../ui/icons.tsx';
import { hasFilters, type CalendarFilters as Filters } from './calendar-query.ts';

export interface Author {
  id: string;
  name: string;
}

export interface CalendarFiltersProps {
  filters: Filters;
  channels: readonly Channel[];
  campaigns: readonly Campaign[];
  authors: readonly Author[];
  onChange: (changes: Partial<Filters>) => void;
}

export function CalendarFilters({ filters, channels, campaigns, authors, onChange }: CalendarFiltersProps) {
  const { t } = useTranslation();
  const width = { base: '100%', xs: 220 };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="calendar-filters">
      <MultiSelect
        w={width}
        label={t('calendar.filters.channels')}
        placeholder={filters.channelIds.length ? undefined : t('calendar.filters.allChannels')}
        data={channels.map((channel) => ({ value: channel.id, label: channelAddress(channel) }))}
        value={filters.channelIds}
        onChange={(channelIds) => onChange({ channelIds })}
        clearable
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        data-testid="calendar-filter-channels"
      />
      <Select
        w={width}
        label={t('calendar.filters.campaign')}
        placeholder={t('calendar.filters.allCampaigns')}
        data={campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
        value={filters.campaignId}
        onChange={(campaignId) => onChange({ campaignId })}
        clearable
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        data-testid="calendar-filter-campaign"
      />
      <MultiSelect
        w={width}
        label={t('calendar.filters.status')}
        placeholder={filters.states.length ? undefined : t('calendar.filters.allStates')}
        data={targetStates.map((state) => ({ value: state, label: t(`publishing.states.${state}`) }))}
        value={filters.states}
        onChange={(states) => onChange({ states: states as TargetState[] })}
        clearable
        data-testid="calendar-filter-states"
      />
      <Select
        w={width}
        label={t('calendar.filters.author')}
        placeholder={t('calendar.filters.allAuthors')}
        data={authors.map((author) => ({ value: author.id, label: author.name }))}
        value={filters.authorId}
        onChange={(authorId) => onChange({ authorId })}
        clearable
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        data-testid="calendar-filter-author"
      />
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} />}
          onClick={() => onChange({ channelIds: [], campaignId: null, states: [], authorId: null })}
          data-testid="calendar-filters-clear"
        >
          {t('calendar.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
