// Times on the client's page, always in the brand's time zone (a client in
// another zone still reads "09:00" for a post going out at 09:00 in Paris).
import { useMemo } from 'react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { pickLocale } from '../../../shared/locales.ts';
import { useZonedFormat, type ZonedFormat } from '../../publishing/zoned-time.ts';

export interface ReviewTime extends ZonedFormat {
  /** "Monday 5 April" (with the year when it is not this year). */
  day(iso: string | null | undefined): string;
  /** "monday 5 April" in a sentence (French writes its days and months in lower case). */
  date(iso: string | null | undefined): string;
  /** "just now" within the minute, else "3 hours ago". */
  ago(iso: string): string;
}

export function useReviewTime(timeZone: string): ReviewTime {
  const { t, i18n } = useTranslation();
  const zoned = useZonedFormat(timeZone);
  const locale = pickLocale(i18n.language) === 'fr' ? 'fr-FR' : 'en-GB';
  return useMemo(
    () => ({
      ...zoned,
      ago: (iso) => (Date.now() - Date.parse(iso) < 60_000 ? t('review.justNow') : zoned.relative(iso)),
      date: (iso) => longDate(iso, timeZone, locale) ?? t('review.noDate'),
      day: (iso) => {
        const text = longDate(iso, timeZone, locale);
        return text ? text.charAt(0).toUpperCase() + text.slice(1) : t('review.noDate');
      },
    }),
    [zoned, timeZone, locale, t],
  );
}

function longDate(iso: string | null | undefined, timeZone: string, locale: string): string | null {
  const at = iso ? DateTime.fromISO(iso, { setZone: true }).setZone(timeZone).setLocale(locale) : null;
  if (!at?.isValid) return null;
  const sameYear = at.year === DateTime.now().setZone(timeZone).year;
  return at.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
}
