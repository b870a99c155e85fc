// When the post goes out: now, at a time (in the workspace's time zone, named
// under the field), at each channel's next queue slot, or not yet (a draft).
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { pickLocale } from '../../../shared/locales.ts';
import { IconCalendar } from '../../ui/icons.tsx';
import { pickerValueOf, wallClockNow, wallClockOfPicker, type WallClock, useZonedFormat } from '../zoned-time.ts';
import type { ScheduleKind } from './draft.ts';

export function SchedulePicker({
  kind,
  at,
  timeZone,
  onChange,
  pastError,
}: {
  kind: ScheduleKind;
  at: WallClock | null;
  timeZone: string;
  onChange: (schedule: { kind: ScheduleKind; at: WallClock | null }) => void;
  /** Shown under the time when it is already past. */
  pastError: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = pickLocale(i18n.language);
  const zoned = useZonedFormat(timeZone);
  const now = DateTime.now().setZone(timeZone);
  const wall = (at: DateTime) => at.toFormat("yyyy-MM-dd'T'HH:mm");
  const nextMonday = now.plus({ days: ((8 - now.weekday) % 7) || 7 }).set({ hour: 9, minute: 0 });
  const presets = [
    { value: pickerValueOf(wall(now.plus({ hours: 1 }).startOf('hour'))), label: t('publishing.schedule.presetNextHour') },
    { value: pickerValueOf(wall(now.plus({ days: 1 }).set({ hour: 9, minute: 0 }))), label: t('publishing.schedule.presetTomorrow') },
    { value: pickerValueOf(wall(nextMonday)), label: t('publishing.schedule.presetMonday') },
  ];

  // Picking "Schedule" with no time yet offers the next full hour.
  const choose = (value: string) => {
    const next = value as ScheduleKind;
    onChange({ kind: next, at: next === 'at' && !at ? wall(now.plus({ hours: 1 }).startOf('hour')) : at });
  };

  return (
    <Stack gap="xs">
      <SegmentedControl
        fullWidth
        value={kind}
        onChange={choose}
        data={[
          { value: 'now', label: t('publishing.schedule.now') },
          { value: 'at', label: t('publishing.schedule.at') },
          { value: 'queue', label: t('publishing.schedule.queue') },
          { value: 'draft', label: t('publishing.schedule.draft') },
        ]}
        aria-label={t('publishing.schedule.label')}
        data-testid="composer-schedule-kind"
      />
      {kind === 'at' && (
        <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
          <DateTimePicker
            label={t('publishing.schedule.atLabel')}
            value={pickerValueOf(at)}
            onChange={(value) => onChange({ kind, at: wallClockOfPicker(value) })}
            minDate={wallClockNow(timeZone).slice(0, 10)}
            valueFormat={locale === 'fr' ? 'dddd D MMMM YYYY, HH:mm' : 'dddd D MMMM YYYY, HH:mm'}
            presets={presets}
            leftSection={<IconCalendar size={16} />}
            description={t('publishing.schedule.zone', { zone: zoned.zoneLabel })}
            error={pastError ? t('publishing.schedule.past') : undefined}
            dropdownType="popover"
            popoverProps={{ withinPortal: true }}
            timePickerProps={{ hoursInputLabel: t('publishing.schedule.hours'), minutesInputLabel: t('publishing.schedule.minutes'), withDropdown: false }}
            submitButtonProps={{ 'aria-label': t('publishing.schedule.confirm') }}
            getDayProps={(date) => ({ 'data-date': date })}
            data-testid="composer-schedule-at"
          />
        </DatesProvider>
      )}
      {kind !== 'at' && (
        <Text size="xs" c="dimmed">
          {t(`publishing.schedule.${kind}Help`)}
        </Text>
      )}
    </Stack>
  );
}
