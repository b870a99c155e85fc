// The calendar's calls: entries of a period, members for the author filter,
// moving one target, and the CSV export's address. Campaigns and the query keys
// come from the publishing API hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Member } from '../../shared/api-types.ts';
import type { CalendarEntry } from '../../shared/publishing.ts';
import { api, apiPath } from '../api/client.ts';
import { calendarApiQuery, type CalendarFilters } from './calendar-query.ts';
import { queryKeys } from '../api/keys.ts';
import { publishingKeys } from '../publishing/publishing-api.ts';
import { instantOfWallClock, type WallClock } from './calendar-time.ts';

/** A period as instants (ISO), start included, end excluded. */
export interface CalendarRange {
  from: string;
  to: string;
}

export interface CalendarResponse {
  timeZone: string;
  entries: CalendarEntry[];
}

const calendarKey = publishingKeys.calendar;

export function useCalendarEntries(workspaceId: string, range: CalendarRange | null, filters: CalendarFilters) {
  const query = range ? calendarApiQuery(range, filters) : '';
  return useQuery({
    queryKey: [...calendarKey(workspaceId), query],
    queryFn: () => api.get<CalendarResponse>(`${apiPath`/api/workspaces/${workspaceId}/calendar`}?${query}`),
    enabled: range !== null,
    // Moving to the next week keeps the last one's events until the new ones arrive, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

/** The workspace's members, for the author filter; only those who manage members may list them. */
export function useAuthors(workspaceId: string, canList: boolean) {
  return useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: async () => (await api.get<{ members: Member[] }>(apiPath`/api/workspaces/${workspaceId}/members`)).members,
    enabled: canList,
  });
}

/**
 * Moves one target. The cached entries move at once (the calendar already shows
 * the event where it was dropped, and a re-render must not snap it back); the
 * server's answer then replaces them, or the error puts them back.
 */
export function useRescheduleTarget(workspaceId: string, timeZone: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, targetId, at }: { postId: string; targetId: string; at: WallClock }) =>
      api.patch<unknown>(apiPath`/api/workspaces/${workspaceId}/posts/${postId}/targets/${targetId}`, { at }),
    onMutate: async ({ targetId, at }) => {
      const scheduledAt = instantOfWallClock(at, timeZone);
      if (!scheduledAt) return;
      await queryClient.cancelQueries({ queryKey: calendarKey(workspaceId) });
      queryClient.setQueriesData<CalendarResponse>({ queryKey: calendarKey(workspaceId) }, (data) =>
        data && { ...data, entries: data.entries.map((entry) => (entry.targetId === targetId ? { ...entry, scheduledAt } : entry)) },
      );
    },
    onSettled: (_data, _error, { postId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: calendarKey(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: publishingKeys.post(workspaceId, postId) }),
      ]),
  });
}

/** The CSV of what the calendar shows: same period, same filters. */
export function calendarCsvUrl(workspaceId: string, range: CalendarRange, filters: CalendarFilters): string {
  return `${apiPath`/api/workspaces/${workspaceId}/calendar.csv`}?${calendarApiQuery(range, filters)}`;
}
