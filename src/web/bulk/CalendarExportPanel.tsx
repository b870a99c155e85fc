// Export the calendar between two dates as a CSV: the import's columns plus
// each copy's state and published link, times in the workspace's zone. French
// spreadsheets expect `;`, so that is offered (and chosen for French speakers).
import { useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.ts';
import { IconDownload } from '../ui/icons.tsx';
import { Section } from '../ui/page.tsx';
import { calendarCsvUrl } from './bulk-api.ts';

const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export function CalendarExportPanel({ workspaceId, timeZone }: { workspaceId: string; timeZone: string }) {
  const { t } = useTranslation();
  const today = new Date();
  const [from, setFrom] = useState(day(today));
  const [to, setTo] = useState(day(new Date(today.getFullYear(), today.getMonth() + 3, today.getDate())));
  const [separator, setSeparator] = useState<'comma' | 'semicolon'>(currentLocale() === 'fr' ? 'semicolon' : 'comma');
  const start = new Date(`${from}T00:00:00`);
  // The "to" day is included: the export runs until the end of it.
  const end = new Date(`${to}T00:00:00`);
  end.setDate(end.getDate() + 1);
  const valid = !Number.isNaN(start.getTime()) && !Number.isNaN(end.getTime()) && end > start;

  return (
    <Section title={t('bulk.export.title')} description={t('bulk.export.help', { timeZone })}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <TextInput type="date" label={t('bulk.export.from')} value={from} onChange={(event) => setFrom(event.currentTarget.value)} data-testid="csv-export-from" />
          <TextInput type="date" label={t('bulk.export.to')} value={to} onChange={(event) => setTo(event.currentTarget.value)} data-testid="csv-export-to" />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('bulk.export.separator')}
            </Text>
            <SegmentedControl
              value={separator}
              onChange={(value) => setSeparator(value as 'comma' | 'semicolon')}
              data={[
                { value: 'comma', label: t('bulk.export.comma') },
                { value: 'semicolon', label: t('bulk.export.semicolon') },
              ]}
            />
          </Stack>
        </Group>
        <Group>
          <Button
            component="a"
            href={valid ? calendarCsvUrl(workspaceId, start, end, separator) : undefined}
            download
            variant="light"
            leftSection={<IconDownload size={16} />}
            disabled={!valid}
            data-testid="csv-export"
          >
            {t('bulk.export.download')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
