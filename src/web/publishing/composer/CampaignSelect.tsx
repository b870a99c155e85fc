// The campaign a post belongs to (its colour on the calendar, its UTM tags).
import { ColorSwatch, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/publishing.ts';

export function CampaignSelect({ campaigns, value, onChange }: { campaigns: readonly Campaign[]; value: string | null; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  const colorOf = (id: string | null) => campaigns.find((c) => c.id === id)?.color;
  const current = colorOf(value);
  return (
    <Select
      label={t('publishing.composer.campaign')}
      placeholder={t('publishing.composer.campaignNone')}
      data={campaigns.map((c) => ({ value: c.id, label: c.name }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      leftSection={current ? <ColorSwatch color={current} size={12} /> : undefined}
      renderOption={({ option }) => (
        <Group gap={8} wrap="nowrap">
          <ColorSwatch color={colorOf(option.value) ?? 'gray'} size={12} />
          <Text size="sm">{option.label}</Text>
        </Group>
      )}
      comboboxProps={{ withinPortal: true }}
      data-testid="composer-campaign"
    />
  );
}
