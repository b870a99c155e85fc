// Dates in a posts CSV: a wall-clock time in the workspace's time zone, as a
// person types it or a spreadsheet shows it (2027-03-29 09:00, 29/03/2027 09:00,
// with or without seconds), or an ISO instant with its offset. The zone's rules
// for that very date apply (luxon), so 09:00 in Paris stays 09:00 across a
// daylight-saving change.
import { DateTime } from 'luxon';

const wallClockFormats = [
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd H:mm',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd H:mm:ss',
  "yyyy-MM-dd'T'HH:mm",
  "yyyy-MM-dd'T'HH:mm:ss",
  'dd/MM/yyyy HH:mm',
  'd/M/yyyy H:mm',
  'dd/MM/yyyy HH:mm:ss',
  'd/M/yyyy H:mm:ss',
];

const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch ms, or null when the value is none of the accepted forms (or a date that does not exist). */
export function parseCsvDate(value: string, timeZone: string): number | null {
  const text = value.trim().replace(/\s+/g, ' ');
  if (hasOffset.test(text)) {
    const instant = DateTime.fromISO(text, { setZone: true });
    return instant.isValid ? instant.toMillis() : null;
  }
  for (const format of wallClockFormats) {
    const parsed = DateTime.fromFormat(text, format, { zone: timeZone });
    // A time skipped by a spring-forward change does not exist; luxon moves it forward, as calendars do.
    if (parsed.isValid) return parsed.toMillis();
  }
  return null;
}

/**
 * The form the export writes and the documentation shows first: `2027-03-29 09:00` in the workspace's zone
 * (seconds when there are some). An hour that happens twice (the autumn change) gets its offset, so that
 * reading it back gives the same instant.
 */
export function formatCsvDate(epochMs: number, timeZone: string): string {
  const time = DateTime.fromMillis(Math.floor(epochMs / 1000) * 1000, { zone: timeZone });
  const wallClock = time.toFormat(time.second === 0 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd HH:mm:ss');
  return parseCsvDate(wallClock, timeZone) === time.toMillis() ? wallClock : time.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
