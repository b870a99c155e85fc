// Periods of a client approval link, as days of the workspace's time zone:
// the presets offered ("next month"…) and the label they suggest.
import { DateTime } from 'luxon';

export interface Period {
  from: string;
  to: string;
}

export function periodPresets(timeZone: string): Array<{ key: 'thisMonth' | 'nextMonth' | 'nextWeek' | 'next30'; period: Period }> {
  const today = DateTime.now().setZone(timeZone).startOf('day');
  const day = (at: DateTime) => at.toISODate()!;
  const nextMonth = today.plus({ months: 1 }).startOf('month');
  const nextMonday = today.plus({ days: ((8 - today.weekday) % 7) || 7 });
  return [
    { key: 'nextMonth', period: { from: day(nextMonth), to: day(nextMonth.endOf('month')) } },
    { key: 'thisMonth', period: { from: day(today), to: day(today.endOf('month')) } },
    { key: 'nextWeek', period: { from: day(nextMonday), to: day(nextMonday.plus({ days: 6 })) } },
    { key: 'next30', period: { from: day(today), to: day(today.plus({ days: 29 })) } },
  ];
}

/** "April 2027" for a whole month, else "5 – 11 Apr 2027" (in the interface language). */
export function periodName(period: Period, locale: 'en' | 'fr'): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const from = DateTime.fromISO(period.from).setLocale(tag);
  const to = DateTime.fromISO(period.to).setLocale(tag);
  if (!from.isValid || !to.isValid) return '';
  if (from.day === 1 && to.hasSame(from, 'month') && to.day === to.daysInMonth) return from.toLocaleString({ month: 'long', year: 'numeric' });
  const sameYear = from.year === to.year;
  return `${from.toLocaleString({ day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) })} – ${to.toLocaleString({ day: 'numeric', month: 'short', year: 'numeric' })}`;
}
