// Above the calendar: previous / today / next, the period's title, the view
// switch and the CSV export of what is shown. Mantine's controls, so the page
// looks like the rest of Relais rather than like a calendar widget.
import { ActionIcon, Button, Group, Loader, SegmentedControl, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconChevronLeft, IconChevronRight, IconDownload } from '../ui/icons.tsx';
import { calendarViews, type CalendarView } from './calendar-query.ts';

export interface CalendarToolbarProps {
  title: string;
  view: CalendarView;
  loading: boolean;
  csvHref: string | null;
  onView: (view: CalendarView) => void;
  onPrev: () => void;
  onNext: () => void;
  onToday: () => void;
}

export function CalendarToolbar({ title, view, loading, csvHref, onView, onPrev, onNext, onToday }: CalendarToolbarProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="center" gap="sm" wrap="wrap">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('calendar.previous')} withArrow>
            <ActionIcon variant="default" size="lg" aria-label={t('calendar.previous')} onClick={onPrev} data-testid="calendar-prev">
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" onClick={onToday} data-testid="calendar-today">
            {t('calendar.today')}
          </Button>
          <Tooltip label={t('calendar.next')} withArrow>
            <ActionIcon variant="default" size="lg" aria-label={t('calendar.next')} onClick={onNext} data-testid="calendar-next">
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Title order={3} fz={{ base: 'md', sm: 'lg' }} fw={600} className="relais-calendar-title" aria-live="polite" data-testid="calendar-title" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {title}
        </Title>
        {loading && <Loader size="xs" aria-label={t('common.loading')} />}
      </Group>
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          value={view}
          onChange={(value) => onView(value as CalendarView)}
          data={calendarViews.map((value) => ({ value, label: t(`calendar.views.${value}`) }))}
          aria-label={t('calendar.viewLabel')}
          data-testid="calendar-views"
        />
        {csvHref && (
          <Button component="a" href={csvHref} download variant="default" leftSection={<IconDownload size={16} />} data-testid="calendar-export">
            {t('calendar.exportCsv')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
