// Dates of the publishing calendar, always in the WORKSPACE's time zone, never
// the browser's. The calendar runs FullCalendar with a named time zone (luxon
// plugin): what it shows and what it hands back are wall-clock times of that
// zone. A day or a time never goes through `new Date('2027-03-29')` or a Date's
// local getters, which read the browser's zone and shift posts by a day for
// anyone working from another continent.
import { DateTime } from 'luxon';
import { wallClockOf as wallClockOfIso, type WallClock } from '../publishing/zoned-time.ts';

export type { WallClock };

const wallClockFormat = "yyyy-MM-dd'T'HH:mm";
const calendarString = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The wall-clock time of an instant in `timeZone`. */
export function wallClockOf(instant: Date | string, timeZone: string): WallClock {
  return wallClockOfIso(typeof instant === 'string' ? instant : instant.toISOString(), timeZone);
}

/** The calendar day ("2027-03-29") an instant falls on in `timeZone`. */
export function zonedDateOf(instant: Date | string, timeZone: string): string {
  return wallClockOf(instant, timeZone).slice(0, 10);
}

/**
 * The wall-clock part of a date string FullCalendar produced (`startStr`,
 * `dateStr`): "2027-03-29T09:00:00+02:00" → { date: "2027-03-29", time: "09:00" },
 * "2027-03-29" (a whole day) → { date, time: null }. With a named time zone the
 * string's local part is exactly what the grid shows, even for a time a DST
 * change skips (02:30 on the last Sunday of March), which a Date cannot hold.
 */
export function calendarWallClock(value: string): { date: string; time: string | null } | null {
  const match = calendarString.exec(value);
  if (!match) return null;
  const [, date, time] = match;
  if (!DateTime.fromISO(date).isValid) return null;
  return { date, time: time ?? null };
}

/**
 * Where a moved event now starts, as the wall-clock time to send: from the
 * calendar's own string when it has one, else from the instant read in the zone.
 */
export function droppedWallClock(event: { startStr: string; start: Date | null }, timeZone: string): WallClock | null {
  const parsed = calendarWallClock(event.startStr);
  if (parsed?.time) return `${parsed.date}T${parsed.time}`;
  return event.start ? wallClockOf(event.start, timeZone) : null;
}

/** The hour a post starts at when someone clicks a whole day (month view). */
export const defaultPostTime = '09:00';

/**
 * The time the composer opens at for a clicked slot, or null when the slot is
 * over (nothing can be scheduled in the past). A whole day gets the usual
 * posting hour, or — today, once that hour has passed — the next quarter hour.
 * "Past" and "today" are the workspace's, not the browser's.
 */
export function composeAtForSlot(slot: { dateStr: string }, timeZone: string, now: Date = new Date()): WallClock | null {
  const parsed = calendarWallClock(slot.dateStr);
  if (!parsed) return null;
  const current = DateTime.fromJSDate(now).setZone(timeZone);
  const nowWall = current.toFormat(wallClockFormat);
  if (parsed.time) {
    const at = `${parsed.date}T${parsed.time}`;
    return at < nowWall ? null : at;
  }
  const today = nowWall.slice(0, 10);
  if (parsed.date < today) return null;
  const usual = `${parsed.date}T${defaultPostTime}`;
  if (parsed.date > today || usual >= nowWall) return usual;
  const quarters = Math.floor(current.minute / 15) + 1;
  return current.startOf('hour').plus({ minutes: quarters * 15 }).toFormat(wallClockFormat);
}

/** A "YYYY-MM-DD" that names a real day, or null. */
export function parseIsoDate(value: string | null | undefined): string | null {
  if (!value || !isoDate.test(value)) return null;
  return DateTime.fromISO(value).isValid ? value : null;
}


/** Whether a zone name is one the browser (and luxon) knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  return DateTime.now().setZone(timeZone).isValid;
}

/** The instant (ISO, UTC) a wall-clock time stands for in `timeZone`, by the zone's rules on that date. */
export function instantOfWallClock(at: WallClock, timeZone: string): string | null {
  const parsed = DateTime.fromISO(at, { zone: timeZone });
  return parsed.isValid ? parsed.toUTC().toISO() : null;
}


/** Where the time grid opens: an hour before now when today is shown, else the start of the working day. */
export function openingScrollTime(range: { from: string; to: string }, timeZone: string, now: Date = new Date()): string {
  const at = now.getTime();
  if (at < Date.parse(range.from) || at >= Date.parse(range.to)) return '08:00:00';
  const hour = Math.max(0, DateTime.fromJSDate(now).setZone(timeZone).hour - 1);
  return `${String(hour).padStart(2, '0')}:00:00`;
}
