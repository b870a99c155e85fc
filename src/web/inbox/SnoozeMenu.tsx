// Snooze: in an hour, tomorrow 9:00, next Monday 9:00 — in the workspace's
// time zone, each choice showing when it ends — or a date and time picked by
// hand. A snoozed message comes back to Open at that time.
import { useState, type ReactElement } from 'react';
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { pickLocale } from '../../shared/locales.ts';
import { pickerValueOf, useZonedFormat, wallClockNow, wallClockOfPicker, type WallClock } from '../publishing/zoned-time.ts';
import { IconCalendar } from '../ui/icons.tsx';
import { customSnoozeUntil, snoozePresets, snoozeUntil } from './snooze-time.ts';

/** The menu's choices (for a Menu.Dropdown); "Pick a date…" asks the parent to open the picker. */
export function SnoozeChoices({ timeZone, onPick, onCustom, snoozed = false }: { timeZone: string; onPick: (until: string | null) => void; onCustom?: () => void; snoozed?: boolean }) {
  const { t } = useTranslation();
  const zoned = useZonedFormat(timeZone);
  return (
    <>
      <Menu.Label>{t('inbox.snooze.until')}</Menu.Label>
      {snoozePresets.map((preset) => {
        const until = snoozeUntil(preset, timeZone);
        return (
          <Menu.Item key={preset} onClick={() => onPick(until)} rightSection={<Text size="xs" c="dimmed">{preset === 'hour' ? zoned.time(until) : zoned.dateTime(until)}</Text>} data-testid={`snooze-${preset}`}>
            {t(`inbox.snooze.${preset}`)}
          </Menu.Item>
        );
      })}
      {onCustom && (
        <Menu.Item leftSection={<IconCalendar size={14} />} onClick={onCustom} data-testid="snooze-custom">
          {t('inbox.snooze.custom')}
        </Menu.Item>
      )}
      {snoozed && (
        <>
          <Menu.Divider />
          <Menu.Item onClick={() => onPick(null)} data-testid="snooze-wake">
            {t('inbox.snooze.wake')}
          </Menu.Item>
        </>
      )}
    </>
  );
}

export function SnoozeMenu({
  timeZone,
  snoozed,
  onPick,
  opened,
  onOpenChange,
  children,
}: {
  timeZone: string;
  snoozed: boolean;
  onPick: (until: string | null) => void;
  opened?: boolean;
  onOpenChange?: (opened: boolean) => void;
  children: ReactElement;
}) {
  const [custom, setCustom] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal opened={opened} onChange={onOpenChange}>
        <Menu.Target>{children}</Menu.Target>
        <Menu.Dropdown data-testid="snooze-menu">
          <SnoozeChoices timeZone={timeZone} onPick={onPick} onCustom={() => setCustom(true)} snoozed={snoozed} />
        </Menu.Dropdown>
      </Menu>
      <CustomSnooze opened={custom} timeZone={timeZone} onClose={() => setCustom(false)} onPick={onPick} />
    </>
  );
}

function CustomSnooze({ opened, timeZone, onClose, onPick }: { opened: boolean; timeZone: string; onClose: () => void; onPick: (until: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = pickLocale(i18n.language);
  const zoned = useZonedFormat(timeZone);
  const [at, setAt] = useState<WallClock | null>(null);
  const until = customSnoozeUntil(at, timeZone);
  return (
    <Modal opened={opened} onClose={onClose} title={t('inbox.snooze.customTitle')} size="sm" data-testid="snooze-custom-dialog">
      <Stack gap="md">
        <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
          <DateTimePicker
            label={t('inbox.snooze.customLabel')}
            description={t('inbox.snooze.zone', { zone: zoned.zoneLabel })}
            value={pickerValueOf(at)}
            onChange={(value) => setAt(wallClockOfPicker(value))}
            minDate={wallClockNow(timeZone).slice(0, 10)}
            valueFormat="dddd D MMMM YYYY, HH:mm"
            leftSection={<IconCalendar size={16} />}
            error={at && !until ? t('inbox.snooze.past') : undefined}
            popoverProps={{ withinPortal: true }}
            timePickerProps={{ hoursInputLabel: t('publishing.schedule.hours'), minutesInputLabel: t('publishing.schedule.minutes'), withDropdown: false }}
            submitButtonProps={{ 'aria-label': t('publishing.schedule.confirm') }}
            data-testid="snooze-custom-at"
          />
        </DatesProvider>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!until}
            onClick={() => {
              if (!until) return;
              onPick(until);
              setAt(null);
              onClose();
            }}
            data-testid="snooze-custom-confirm"
          >
            {t('inbox.snooze.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
