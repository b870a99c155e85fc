// FullCalendar, set up once for Relais: the workspace's named time zone (luxon
// plugin, so days and hours are the workspace's wherever the browser is), the
// interface language (French weeks start on Monday), the four views, drag to
// move a target, click an event to open its post, click a free slot to write
// one. The toolbar is Relais' own (CalendarToolbar) and drives it by its API.
import { memo, type Ref } from 'react';
import type { CalendarOptions, DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import frLocale from '@fullcalendar/core/locales/fr';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { Locale } from '../../shared/locales.ts';
import { fullCalendarViews, type CalendarView } from './calendar-query.ts';
import { EventContent } from './EventContent.tsx';

const plugins = [luxonPlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const locales = [frLocale, enGbLocale];
/** English as the rest of Relais writes it (en-GB): 24-hour times, weeks from Monday. */
const fullCalendarLocale: Record<Locale, string> = { fr: 'fr', en: 'en-gb' };
const timeFormat = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
const views: CalendarOptions['views'] = {
  dayGridMonth: { dayMaxEvents: 4 },
  timeGridWeek: { dayHeaderFormat: { weekday: 'short', day: 'numeric' } },
  listMonth: { listDayFormat: { weekday: 'long', day: 'numeric', month: 'long' }, listDaySideFormat: false },
};

export interface PublishingCalendarProps {
  calendarRef: Ref<FullCalendar>;
  timeZone: string;
  locale: Locale;
  initialView: CalendarView;
  /** "YYYY-MM-DD" in the workspace's zone (a string: a Date would be read in the browser's zone). */
  initialDate: string | undefined;
  events: EventInput[];
  height: number | 'auto';
  onDatesSet: (arg: DatesSetArg) => void;
  onEventClick: (arg: EventClickArg) => void;
  onEventDrop: (arg: EventDropArg) => void;
  onDateClick: ((arg: DateClickArg) => void) | undefined;
  emptyListText: string;
}

function renderEventContent(arg: EventContentArg) {
  return <EventContent arg={arg} />;
}

/** Nothing may be moved into the past: the server would refuse it anyway. */
function allowDrop(span: { start: Date }): boolean {
  return span.start.getTime() >= Date.now();
}

export const PublishingCalendar = memo(function PublishingCalendar(props: PublishingCalendarProps) {
  return (
    <FullCalendar
      ref={props.calendarRef}
      plugins={plugins}
      locales={locales}
      locale={fullCalendarLocale[props.locale]}
      timeZone={props.timeZone}
      initialView={fullCalendarViews[props.initialView]}
      initialDate={props.initialDate}
      headerToolbar={false}
      height={props.height}
      views={views}
      events={props.events}
      eventContent={renderEventContent}
      eventTimeFormat={timeFormat}
      slotLabelFormat={timeFormat}
      eventDisplay="block"
      displayEventEnd={false}
      // A post is an instant. On the time grid it is drawn a quarter hour tall, the drag step, and the
      // quarter hour is drawn taller than its one-line card (calendar.css): FullCalendar measures a drag
      // from the card's centre, so a card spilling into the next step would shift a sideways drag by
      // 15 minutes. Within one step, moving a post to another day keeps its time.
      defaultTimedEventDuration="00:15"
      slotDuration="00:30:00"
      snapDuration="00:15:00"
      slotEventOverlap={false}
      allDaySlot={false}
      scrollTimeReset={false}
      nowIndicator
      navLinks
      editable
      eventDurationEditable={false}
      eventAllow={allowDrop}
      fixedWeekCount={false}
      noEventsContent={props.emptyListText}
      datesSet={props.onDatesSet}
      eventClick={props.onEventClick}
      eventDrop={props.onEventDrop}
      dateClick={props.onDateClick}
    />
  );
});
