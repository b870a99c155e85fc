// When a snoozed message comes back, computed in the WORKSPACE's time zone:
// "tomorrow 9:00" is 9:00 for the brand's team, not in the browser's zone, and
// stays 9:00 across a DST change. The API receives an instant (ISO, UTC).
import { DateTime } from 'luxon';
import type { WallClock } from '../publishing/zoned-time.ts';

export const snoozePresets = ['hour', 'tomorrow', 'monday'] as const;
export type SnoozePreset = (typeof snoozePresets)[number];

/** The hour the team starts its day, for "tomorrow" and "next Monday". */
const morning = { hour: 9, minute: 0, second: 0, millisecond: 0 };

export function snoozeUntil(preset: SnoozePreset, timeZone: string, now: Date = new Date()): string {
  const here = DateTime.fromJSDate(now).setZone(timeZone);
  switch (preset) {
    case 'hour':
      return here.plus({ hours: 1 }).toUTC().toISO()!;
    case 'tomorrow':
      return here.plus({ days: 1 }).set(morning).toUTC().toISO()!;
    case 'monday': {
      // Always the Monday to come (on a Monday, the next one).
      const days = 8 - here.weekday;
      return here.plus({ days }).set(morning).toUTC().toISO()!;
    }
  }
}

/** The instant of a wall-clock time of the zone, or null when it is not a real time or not in the future. */
export function customSnoozeUntil(at: WallClock | null, timeZone: string, now: Date = new Date()): string | null {
  if (!at) return null;
  const parsed = DateTime.fromISO(at, { zone: timeZone });
  if (!parsed.isValid || parsed.toMillis() <= now.getTime()) return null;
  return parsed.toUTC().toISO();
}
