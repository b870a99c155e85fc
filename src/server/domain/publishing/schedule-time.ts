// Turns what a person picked ("Monday 9:00") into an instant, in the
// workspace's time zone, with the zone's rules for that very date: 09:00 in
// Paris is 08:00 UTC in March before the change and 07:00 UTC after it.
import { DateTime } from 'luxon';
import { AppError } from '../../errors.ts';

const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch ms for an ISO instant, or for a wall-clock time read in `timeZone`. */
export function resolveScheduleTime(value: string, timeZone: string): number {
  const parsed = hasOffset.test(value) ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromISO(value, { zone: timeZone });
  if (!parsed.isValid) throw new AppError(400, 'schedule_time_invalid', { value });
  // A wall-clock time skipped by a spring-forward change (02:30 on the last Sunday of March in Paris)
  // does not exist; luxon moves it forward, which is what calendars do. Say nothing, but keep it exact otherwise.
  return parsed.toMillis();
}

/** The wall-clock time of an instant in a time zone, as ISO with offset (for people and calendars). */
export function toZonedIso(epochMs: number, timeZone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).toISO()!;
}
