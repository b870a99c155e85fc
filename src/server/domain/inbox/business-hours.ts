// Time counted within a workspace's opening hours, in its time zone: a message
// received on Friday at 17:30 with a one-hour target is due on Monday at 09:30
// (for 09:00–18:00 on weekdays). Day boundaries come from luxon in the zone, so
// a day of 09:00–18:00 is nine hours even on the days clocks change.
import { DateTime } from 'luxon';
import type { BusinessHours } from '../../../shared/inbox.ts';

/** Beyond this, a computation gives up (opening hours that are almost never open). */
const MAX_DAYS = 400;

interface Range {
  start: number;
  end: number;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function isAlwaysOpen(hours: BusinessHours): boolean {
  return hours.alwaysOpen || hours.days.length === 0;
}

/** The opening ranges (epoch ms) of the local day `day` (a luxon date at 00:00 in the zone), in order. */
function rangesOf(day: DateTime, hours: BusinessHours): Range[] {
  const ranges = hours.days
    .filter((entry) => entry.weekday === day.weekday)
    .map((entry) => {
      // Each bound from its wall-clock time (adding minutes to midnight would be off by an hour on DST days).
      const wall = (minutes: number) =>
        minutes >= 24 * 60 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
      return { start: wall(minutesOf(entry.start)), end: wall(minutesOf(entry.end)) };
    })
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  return ranges;
}

/** Opening time between two instants (0 when `end` is not after `start`). */
export function businessMsBetween(startMs: number, endMs: number, hours: BusinessHours, zone: string): number {
  if (endMs <= startMs) return 0;
  if (isAlwaysOpen(hours)) return endMs - startMs;
  let total = 0;
  let day = DateTime.fromMillis(startMs, { zone }).startOf('day');
  const last = DateTime.fromMillis(endMs, { zone }).startOf('day');
  for (let count = 0; day <= last && count < MAX_DAYS; count += 1, day = day.plus({ days: 1 }).startOf('day')) {
    for (const range of rangesOf(day, hours)) {
      const from = Math.max(range.start, startMs);
      const to = Math.min(range.end, endMs);
      if (to > from) total += to - from;
    }
  }
  return total;
}

/** The instant `ms` of opening time after `startMs` (counting starts at the next opening when closed). */
export function addBusinessMs(startMs: number, ms: number, hours: BusinessHours, zone: string): number {
  if (isAlwaysOpen(hours)) return startMs + ms;
  let left = ms;
  let day = DateTime.fromMillis(startMs, { zone }).startOf('day');
  for (let count = 0; count < MAX_DAYS; count += 1, day = day.plus({ days: 1 }).startOf('day')) {
    for (const range of rangesOf(day, hours)) {
      if (range.end <= startMs) continue;
      const from = Math.max(range.start, startMs);
      const available = range.end - from;
      if (left <= available) return from + left;
      left -= available;
    }
  }
  // Practically never open: the due time is as far as we looked.
  return day.toMillis();
}
