// Publishing times live in the WORKSPACE's time zone (a Paris brand posts at
// 09:00 Paris time, whoever schedules it from wherever). Times are shown in
// that zone, and the composer sends wall-clock times ("2027-03-29T09:00") that
// the server reads in that zone: never through the browser's own zone.
import { useMemo } from 'react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { pickLocale } from '../../shared/locales.ts';

/** "2027-03-29T09:00". */
export type WallClock = string;

const wallClockFormat = "yyyy-MM-dd'T'HH:mm";

/** The wall-clock time of an instant in a zone. */
export function wallClockOf(iso: string, timeZone: string): WallClock {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timeZone).toFormat(wallClockFormat);
}

/** The current wall-clock time in a zone, moved by `minutes`. */
export function wallClockNow(timeZone: string, minutes = 0): WallClock {
  return DateTime.now().setZone(timeZone).plus({ minutes }).toFormat(wallClockFormat);
}

/** Mantine's date-time picker speaks "2027-03-29 09:00:00"; the API "2027-03-29T09:00". */
export function pickerValueOf(wallClock: WallClock | null): string | null {
  return wallClock ? `${wallClock.replace('T', ' ')}:00` : null;
}

export function wallClockOfPicker(value: string | null): WallClock | null {
  const match = value ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(value) : null;
  return match ? `${match[1]}T${match[2]}` : null;
}

/** Whether a wall-clock time is already past in the zone. */
export function isPast(wallClock: WallClock, timeZone: string): boolean {
  return wallClock < wallClockNow(timeZone);
}

/** "UTC+2" for a zone today. */
export function zoneOffset(timeZone: string): string {
  const offset = DateTime.now().setZone(timeZone).toFormat('Z');
  return offset === '+0' ? 'UTC' : `UTC${offset}`;
}

export interface ZonedFormat {
  timeZone: string;
  /** "Europe/Paris (UTC+2)" */
  zoneLabel: string;
  /** "Mon 29 Mar, 09:00" this year, else with the year. */
  dateTime(iso: string | null | undefined): string;
  /** "09:00" */
  time(iso: string | null | undefined): string;
  /** "in 2 hours", "3 days ago" */
  relative(iso: string | null | undefined): string;
  /** A wall-clock time of the zone, written out: "Mon 29 Mar 2027, 09:00". */
  wallClock(value: WallClock | null | undefined): string;
}

export function useZonedFormat(timeZone: string): ZonedFormat {
  const { i18n } = useTranslation();
  const locale = pickLocale(i18n.language) === 'fr' ? 'fr-FR' : 'en-GB';
  return useMemo(() => {
    const parse = (iso: string | null | undefined) => {
      if (!iso) return null;
      const at = DateTime.fromISO(iso, { setZone: true });
      return at.isValid ? at.setZone(timeZone).setLocale(locale) : null;
    };
    const long = (at: DateTime) => {
      const sameYear = at.year === DateTime.now().setZone(timeZone).year;
      return at.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), hour: '2-digit', minute: '2-digit' });
    };
    return {
      timeZone,
      zoneLabel: `${timeZone.replaceAll('_', ' ')} (${zoneOffset(timeZone)})`,
      dateTime: (iso) => {
        const at = parse(iso);
        return at ? long(at) : '—';
      },
      time: (iso) => parse(iso)?.toLocaleString(DateTime.TIME_SIMPLE) ?? '—',
      relative: (iso) => parse(iso)?.toRelative({ locale }) ?? '—',
      wallClock: (value) => {
        if (!value) return '—';
        const at = DateTime.fromISO(value, { zone: timeZone }).setLocale(locale);
        return at.isValid ? long(at) : value;
      },
    };
  }, [timeZone, locale]);
}
