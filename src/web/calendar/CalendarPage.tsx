// Publishing → Calendar: every post of the workspace per channel, by month,
// week, day or as a list, in the workspace's time zone. Drag a post to move it,
// click it to open it, click a free slot to write one there. The view, the day
// and the filters are in the address bar.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DatesSetArg, EventClickArg, EventDropArg } from '@fullcalendar/core';
import type { DateClickArg } from '@fullcalendar/interaction';
import type FullCalendar from '@fullcalendar/react';
import { Alert, Anchor, Badge, Button, Collapse, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { pickLocale } from '../../shared/locales.ts';
import { can } from '../../shared/roles.ts';
import { useChannels } from '../api/channels.ts';
import { useMe } from '../api/session.ts';
import { browserTimeZone } from '../ui/format.ts';
import { IconAlert, IconFilter } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { settingsPath } from '../workspaces/paths.ts';
import { useCampaigns } from '../publishing/publishing-api.ts';
import { useZonedFormat } from '../publishing/zoned-time.ts';
import { calendarCsvUrl, useAuthors, useCalendarEntries, useRescheduleTarget, type CalendarRange } from './calendar-api.ts';
import { composePath, postPath, toCalendarEvents, type EntryEventProps } from './calendar-events.ts';
import { fullCalendarViews, hasFilters, readCalendarQuery, viewFromFullCalendar, writeCalendarQuery, type CalendarFilters as Filters, type CalendarView } from './calendar-query.ts';
import { composeAtForSlot, droppedWallClock, isKnownTimeZone, openingScrollTime, zonedDateOf } from './calendar-time.ts';
import { CalendarFilters, type Author } from './CalendarFilters.tsx';
import { CalendarLegend } from './CalendarLegend.tsx';
import { CalendarToolbar } from './CalendarToolbar.tsx';
import { channelColors } from './channel-colors.ts';
import { PublishingCalendar } from './PublishingCalendar.tsx';
import './calendar.css';

interface Shown {
  view: CalendarView;
  /** The day the calendar is on, in the workspace's zone. */
  date: string;
  title: string;
  range: CalendarRange;
}

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const calendarRef = useRef<FullCalendar>(null);
  const locale = pickLocale(i18n.language);
  const timeZone = isKnownTimeZone(workspace.timeZone) ? workspace.timeZone : 'UTC';
  const canWrite = can(workspace.role, 'content:write');
  const canListMembers = can(workspace.role, 'members:manage');

  const search = params.toString();
  const query = useMemo(() => readCalendarQuery(new URLSearchParams(search)), [search]);
  const filters: Filters = useMemo(
    () => ({ channelIds: query.channelIds, campaignId: query.campaignId, states: query.states, authorId: query.authorId }),
    [query],
  );
  // What the calendar opens on; afterwards the calendar itself is the truth and the address follows it.
  const [initial] = useState(() => ({ view: query.view ?? ((narrow ? 'list' : 'month') as CalendarView), date: query.date ?? undefined }));
  const [shown, setShown] = useState<Shown | null>(null);

  const channels = useChannels(workspace.id);
  const campaigns = useCampaigns(workspace.id);
  const members = useAuthors(workspace.id, canListMembers);
  const entries = useCalendarEntries(workspace.id, shown?.range ?? null, filters);
  const { mutateAsync: reschedule } = useRescheduleTarget(workspace.id, timeZone);
  const zoned = useZonedFormat(timeZone);

  const colors = useMemo(() => channelColors(channels.data ?? []), [channels.data]);
  const events = useMemo(
    () => toCalendarEvents(entries.data?.entries ?? [], { workspaceId: workspace.id, colors, canMove: canWrite }),
    [entries.data, workspace.id, colors, canWrite],
  );
  const authors: Author[] = useMemo(() => {
    if (members.data) return members.data.map((member) => ({ id: member.userId, name: member.name }));
    return me ? [{ id: me.user.id, name: me.user.name }] : [];
  }, [members.data, me]);

  const onDatesSet = useCallback(
    (arg: DatesSetArg) => {
      setShown({
        view: viewFromFullCalendar(arg.view.type) ?? 'month',
        date: zonedDateOf(arg.view.calendar.getDate(), timeZone),
        title: arg.view.title,
        range: { from: arg.start.toISOString(), to: arg.end.toISOString() },
      });
    },
    [timeZone],
  );
  // The address follows the calendar (after rendering: the router ignores navigations during the first one).
  useEffect(() => {
    if (!shown || (params.get('view') === shown.view && params.get('date') === shown.date)) return;
    setParams((current) => writeCalendarQuery(current, { view: shown.view, date: shown.date }), { replace: true });
  }, [shown, params, setParams]);

  const onEventClick = useCallback(
    (arg: EventClickArg) => {
      const click = arg.jsEvent;
      // A click with a modifier opens the link the browser's way (new tab, new window).
      if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey || click.button !== 0) return;
      click.preventDefault();
      const { entry } = arg.event.extendedProps as EntryEventProps;
      navigate(postPath(workspace.id, entry.postId));
    },
    [navigate, workspace.id],
  );

  const onEventDrop = useCallback(
    (arg: EventDropArg) => {
      const { entry } = arg.event.extendedProps as EntryEventProps;
      const at = droppedWallClock(arg.event, timeZone);
      if (!at) {
        arg.revert();
        return;
      }
      // Each drop settles on its own (per-call callbacks would only report the last of several quick drops).
      reschedule({ postId: entry.postId, targetId: entry.targetId, at }).then(
        () => notifySuccess(t('calendar.moved', { handle: `@${entry.handle.replace(/^@/, '')}`, when: zoned.wallClock(at) })),
        (error: unknown) => {
          arg.revert();
          notifyError(error, t('calendar.moveFailed'));
        },
      );
    },
    [reschedule, timeZone, zoned, t],
  );

  const onDateClick = useCallback(
    (arg: DateClickArg) => {
      const at = composeAtForSlot(arg, timeZone);
      if (at) navigate(composePath(workspace.id, at));
    },
    [timeZone, navigate, workspace.id],
  );

  // The time grid opens on the working day, or just before now when today is shown. Done here rather
  // than by FullCalendar: coming from the month or the list, the grid gets its height only after rendering.
  const timeGrid = shown && (shown.view === 'week' || shown.view === 'day') ? shown : null;
  const scrollKey = timeGrid ? `${timeGrid.view}|${timeGrid.range.from}` : null;
  const scrollTo = timeGrid ? openingScrollTime(timeGrid.range, timeZone) : null;
  useEffect(() => {
    if (scrollKey && scrollTo) calendarRef.current?.getApi().scrollToTime(scrollTo);
  }, [scrollKey, scrollTo]);

  const api = () => calendarRef.current?.getApi();
  const changeFilters = (changes: Partial<Filters>) => setParams((current) => writeCalendarQuery(current, changes), { replace: true });
  const view = shown?.view ?? initial.view;
  const activeFilters = [filters.channelIds.length > 0, filters.campaignId, filters.states.length > 0, filters.authorId].filter(Boolean).length;
  const deviceZone = browserTimeZone();

  const filterBar = (
    <CalendarFilters filters={filters} channels={channels.data ?? []} campaigns={campaigns.data ?? []} authors={authors} onChange={changeFilters} />
  );

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={
          deviceZone === timeZone ? t('calendar.description', { timeZone }) : t('calendar.descriptionOtherZone', { timeZone, deviceZone })
        }
      />
      <Stack gap="md">
        {channels.data?.length === 0 && (
          <Alert color="gray" variant="light" icon={<IconAlert />} data-testid="calendar-no-channels">
            {t('calendar.noChannels')}{' '}
            <Anchor component={Link} to={settingsPath(workspace.id, 'channels')}>
              {t('calendar.noChannelsLink')}
            </Anchor>
          </Alert>
        )}
        {narrow ? (
          <Stack gap="xs">
            <Button
              variant="default"
              leftSection={<IconFilter size={16} />}
              rightSection={activeFilters > 0 ? <Badge size="sm" circle>{activeFilters}</Badge> : undefined}
              onClick={toggleFilters}
              aria-expanded={filtersOpen}
              style={{ alignSelf: 'flex-start' }}
              data-testid="calendar-filters-toggle"
            >
              {t('calendar.filters.title')}
            </Button>
            <Collapse expanded={filtersOpen || hasFilters(filters)}>{filterBar}</Collapse>
          </Stack>
        ) : (
          filterBar
        )}
        {entries.isError && (
          <Alert color="red" variant="light" icon={<IconAlert />} title={t('errors.loadFailed')} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{entries.error instanceof Error ? entries.error.message : t('errors.unexpected')}</Text>
              <Button size="xs" variant="white" color="red" onClick={() => void entries.refetch()}>
                {t('common.retry')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }} shadow="xs" className="relais-calendar" data-can-write={canWrite || undefined} data-testid="calendar" data-view={view} data-time-zone={timeZone}>
          <Stack gap="md">
            <CalendarToolbar
              title={shown?.title ?? ''}
              view={view}
              loading={entries.isFetching}
              csvHref={shown ? calendarCsvUrl(workspace.id, shown.range, filters) : null}
              onView={(next) => api()?.changeView(fullCalendarViews[next])}
              onPrev={() => api()?.prev()}
              onNext={() => api()?.next()}
              onToday={() => api()?.today()}
            />
            <PublishingCalendar
              calendarRef={calendarRef}
              timeZone={timeZone}
              locale={locale}
              initialView={initial.view}
              initialDate={initial.date}
              events={events}
              height={view === 'week' || view === 'day' ? 720 : 'auto'}
              onDatesSet={onDatesSet}
              onEventClick={onEventClick}
              onEventDrop={onEventDrop}
              onDateClick={canWrite ? onDateClick : undefined}
              emptyListText={t('calendar.emptyList')}
            />
          </Stack>
        </Paper>
        <CalendarLegend channels={channels.data ?? []} colors={colors} />
      </Stack>
    </>
  );
}
