// What the calendar shows, kept in the address bar so that a view can be
// bookmarked, shared and reloaded: view, day, and the filters.
//   ?view=week&date=2027-03-29&channels=a,b&campaign=c&states=scheduled,failed&author=u
import { targetStates, type TargetState } from '../../shared/publishing.ts';
import { parseIsoDate } from './calendar-time.ts';

export const calendarViews = ['month', 'week', 'day', 'list'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** FullCalendar's name for each view. */
export const fullCalendarViews: Record<CalendarView, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  day: 'timeGridDay',
  list: 'listMonth',
};

export function viewFromFullCalendar(name: string): CalendarView | null {
  return calendarViews.find((view) => fullCalendarViews[view] === name) ?? null;
}

export interface CalendarFilters {
  channelIds: string[];
  campaignId: string | null;
  states: TargetState[];
  authorId: string | null;
}

export interface CalendarQuery extends CalendarFilters {
  view: CalendarView | null;
  /** A day of the period shown, in the workspace's zone. */
  date: string | null;
}

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function readCalendarQuery(params: URLSearchParams): CalendarQuery {
  const view = params.get('view');
  return {
    view: (calendarViews as readonly string[]).includes(view ?? '') ? (view as CalendarView) : null,
    date: parseIsoDate(params.get('date')),
    channelIds: [...new Set(list(params.get('channels')))],
    campaignId: params.get('campaign') || null,
    states: [...new Set(list(params.get('states')))].filter((s): s is TargetState => (targetStates as readonly string[]).includes(s)),
    authorId: params.get('author') || null,
  };
}

/** The address bar's parameters with `changes` applied; other parameters are kept. */
export function writeCalendarQuery(params: URLSearchParams, changes: Partial<CalendarQuery>): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  if ('view' in changes) set('view', changes.view ?? null);
  if ('date' in changes) set('date', changes.date ?? null);
  if ('channelIds' in changes) set('channels', changes.channelIds?.join(',') ?? null);
  if ('campaignId' in changes) set('campaign', changes.campaignId ?? null);
  if ('states' in changes) set('states', changes.states?.join(',') ?? null);
  if ('authorId' in changes) set('author', changes.authorId ?? null);
  return next;
}

export function hasFilters(filters: CalendarFilters): boolean {
  return filters.channelIds.length > 0 || filters.campaignId !== null || filters.states.length > 0 || filters.authorId !== null;
}

/** The API's query string for a period and the filters (the calendar and its CSV export take the same). */
export function calendarApiQuery(range: { from: string; to: string }, filters: CalendarFilters): string {
  const query = new URLSearchParams({ from: range.from, to: range.to });
  if (filters.channelIds.length) query.set('channelId', filters.channelIds.join(','));
  if (filters.campaignId) query.set('campaignId', filters.campaignId);
  if (filters.states.length) query.set('state', filters.states.join(','));
  if (filters.authorId) query.set('authorId', filters.authorId);
  return query.toString();
}
