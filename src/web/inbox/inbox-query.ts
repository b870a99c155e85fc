// What the inbox shows, kept in the address bar so that a view can be
// bookmarked, shared with a teammate and reloaded:
//   ?view=mine&channel=a,b&sentiment=negative&tag=livraison&from=2027-03-01&to=2027-03-31&q=colis&sort=priority&item=42
// Days (from, to) are days of the WORKSPACE's time zone: the API receives the
// instants where they begin and end there, never the browser's midnight.
import { DateTime } from 'luxon';
import { inboxItemKinds, priorities, sentiments, type InboxFilter, type InboxItemKind, type Priority, type Sentiment } from '../../shared/inbox.ts';

export type InboxView = InboxFilter['view'];
export type InboxSort = InboxFilter['sort'];

/** In the order the sidebar lists them. */
export const inboxViews: readonly InboxView[] = ['open', 'mine', 'unassigned', 'overdue', 'pending', 'snoozed', 'done', 'spam', 'all'];
export const inboxSorts: readonly InboxSort[] = ['newest', 'oldest', 'priority'];

export interface InboxFilters {
  channel: string[];
  kind: InboxItemKind[];
  sentiment: Sentiment[];
  language: string[];
  /** Member ids, and 'none' for the unassigned. */
  assignee: string[];
  tag: string[];
  priority: Priority[];
  /** Messages of one person (an author id). */
  author: string | null;
  /** Days of the workspace's zone, both included. */
  from: string | null;
  to: string | null;
  q: string;
}

export interface InboxQuery extends InboxFilters {
  view: InboxView;
  sort: InboxSort;
}

const day = /^\d{4}-\d{2}-\d{2}$/;

const list = (value: string | null): string[] => [
  ...new Set(
    (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  ),
];

function oneOf<T extends string | number>(values: readonly T[], candidates: string[], parse: (raw: string) => T = (raw) => raw as T): T[] {
  return candidates.map(parse).filter((value) => values.includes(value));
}

function validDay(value: string | null): string | null {
  return value && day.test(value) && DateTime.fromISO(value).isValid ? value : null;
}

export function readInboxQuery(params: URLSearchParams): InboxQuery {
  const view = params.get('view');
  const sort = params.get('sort');
  const language = list(params.get('language')).filter((code) => /^[a-z]{2,3}$/.test(code));
  const tags = list(params.get('tag')).filter((tag) => tag.length <= 40);
  return {
    view: inboxViews.includes(view as InboxView) ? (view as InboxView) : 'open',
    sort: inboxSorts.includes(sort as InboxSort) ? (sort as InboxSort) : 'newest',
    channel: list(params.get('channel')),
    kind: oneOf(inboxItemKinds, list(params.get('kind'))),
    sentiment: oneOf(sentiments, list(params.get('sentiment'))),
    language,
    assignee: list(params.get('assignee')),
    tag: tags,
    priority: oneOf<Priority>(priorities, list(params.get('priority')), (raw) => Number(raw) as Priority),
    author: params.get('author') || null,
    from: validDay(params.get('from')),
    to: validDay(params.get('to')),
    q: (params.get('q') ?? '').trim().slice(0, 200),
  };
}

/** The address bar's parameters with `changes` applied; defaults are left out, other parameters (the open item) kept. */
export function writeInboxQuery(params: URLSearchParams, changes: Partial<InboxQuery>): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null | undefined) => (value ? next.set(key, value) : next.delete(key));
  for (const [key, value] of Object.entries(changes) as Array<[keyof InboxQuery, InboxQuery[keyof InboxQuery]]>) {
    if (key === 'view') set('view', value === 'open' ? null : (value as string));
    else if (key === 'sort') set('sort', value === 'newest' ? null : (value as string));
    else if (Array.isArray(value)) set(key, value.join(','));
    else set(key, (value as string | null) ?? null);
  }
  return next;
}

export const noFilters: InboxFilters = { channel: [], kind: [], sentiment: [], language: [], assignee: [], tag: [], priority: [], author: null, from: null, to: null, q: '' };

/** How many filters narrow the list (the view and the order are not filters). */
export function activeFilterCount(query: InboxFilters): number {
  const lists = [query.channel, query.kind, query.sentiment, query.language, query.assignee, query.tag, query.priority].filter((values) => values.length > 0).length;
  return lists + (query.author ? 1 : 0) + (query.from || query.to ? 1 : 0) + (query.q ? 1 : 0);
}

/** The instant a day of the zone begins, as ISO (UTC). */
export function startOfZonedDay(value: string, timeZone: string): string {
  return DateTime.fromISO(value, { zone: timeZone }).startOf('day').toUTC().toISO()!;
}

/**
 * The list API's query string: arrays comma-separated, the days turned into
 * the instants they begin and end in the workspace's zone ("to" includes its
 * whole day, up to the next midnight there, whatever the DST change that day).
 */
export function inboxApiQuery(query: InboxQuery, timeZone: string): string {
  const out = new URLSearchParams();
  if (query.view !== 'open') out.set('view', query.view);
  for (const key of ['channel', 'kind', 'sentiment', 'language', 'assignee', 'tag', 'priority'] as const) {
    if (query[key].length > 0) out.set(key, query[key].join(','));
  }
  if (query.author) out.set('author', query.author);
  if (query.from) out.set('from', startOfZonedDay(query.from, timeZone));
  if (query.to) out.set('to', DateTime.fromISO(query.to, { zone: timeZone }).startOf('day').plus({ days: 1 }).toUTC().toISO()!);
  if (query.q) out.set('q', query.q);
  if (query.sort !== 'newest') out.set('sort', query.sort);
  return out.toString();
}

