// How long ago a message arrived, as short as a list can show it: "now",
// "8 min", "3 h", "2 d" ("2 j" in French), then the day in the workspace's
// zone ("12 Nov", "12 Nov 2025" in another year).
import { DateTime } from 'luxon';

export function shortAge(iso: string, timeZone: string, locale: 'fr' | 'en', now: Date = new Date()): string {
  const at = DateTime.fromISO(iso, { setZone: true });
  if (!at.isValid) return '—';
  const minutes = Math.floor((now.getTime() - at.toMillis()) / 60_000);
  if (minutes < 1) return locale === 'fr' ? 'à l’instant' : 'now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} ${locale === 'fr' ? 'j' : 'd'}`;
  const here = at.setZone(timeZone).setLocale(locale === 'fr' ? 'fr-FR' : 'en-GB');
  const sameYear = here.year === DateTime.fromJSDate(now).setZone(timeZone).year;
  return here.toLocaleString(sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' });
}
