// Dates and times in the interface language and the person's time zone.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session.ts';
import { pickLocale } from '../../shared/locales.ts';

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function safeFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined });
  }
}

export interface Formatters {
  /** "12 Mar 2025, 14:05" */
  dateTime(iso: string | null | undefined): string;
  /** "12 Mar 2025" */
  date(iso: string | null | undefined): string;
  /** "14:05" today, else "12 Mar 2025, 14:05": a moment in the next hours or days. */
  moment(iso: string | null | undefined): string;
  /** "3 days ago", "in 2 hours" */
  relative(iso: string | null | undefined): string;
  timeZone: string;
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const locale = pickLocale(i18n.language);
  const timeZone = me?.user.timeZone || browserTimeZone();
  return useMemo(() => {
    const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
    const dateTimeFormat = safeFormatter(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const dateFormat = safeFormatter(tag, { dateStyle: 'medium', timeZone });
    const timeFormat = safeFormatter(tag, { timeStyle: 'short', timeZone });
    const relativeFormat = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
    const parse = (iso: string | null | undefined) => {
      if (!iso) return null;
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? null : date;
    };
    return {
      timeZone,
      dateTime: (iso) => {
        const d = parse(iso);
        return d ? dateTimeFormat.format(d) : '—';
      },
      date: (iso) => {
        const d = parse(iso);
        return d ? dateFormat.format(d) : '—';
      },
      moment: (iso) => {
        const d = parse(iso);
        if (!d) return '—';
        return dateFormat.format(d) === dateFormat.format(new Date()) ? timeFormat.format(d) : dateTimeFormat.format(d);
      },
      relative: (iso) => {
        const d = parse(iso);
        if (!d) return '—';
        const seconds = Math.round((d.getTime() - Date.now()) / 1000);
        const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
          ['year', 31_536_000],
          ['month', 2_592_000],
          ['week', 604_800],
          ['day', 86_400],
          ['hour', 3_600],
          ['minute', 60],
        ];
        for (const [unit, size] of units) {
          if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
        }
        return relativeFormat.format(0, 'minute');
      },
    } satisfies Formatters;
  }, [locale, timeZone]);
}
