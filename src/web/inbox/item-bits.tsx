// Small pieces the inbox shows in several places: the sentiment chip, the
// snooze presets (in the workspace's time zone), durations in business time.
import { Badge } from '@mantine/core';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { Sentiment } from '../../shared/inbox.ts';

const sentimentColor: Record<Sentiment, string> = { negative: 'red', neutral: 'gray', positive: 'teal' };

export function SentimentBadge({ sentiment }: { sentiment: Sentiment | null }) {
  const { t } = useTranslation();
  if (!sentiment) return null;
  return (
    <Badge size="xs" variant="light" color={sentimentColor[sentiment]} data-testid="sentiment" data-sentiment={sentiment}>
      {t(`inbox.sentiment.${sentiment}`)}
    </Badge>
  );
}

export const snoozePresets = ['hour', 'threeHours', 'tomorrow', 'monday'] as const;

/** When a snooze preset ends, computed in the workspace's zone (tomorrow 09:00 there, not in the browser's zone). */
export function snoozeUntil(preset: (typeof snoozePresets)[number], timeZone: string, now = DateTime.now()): string {
  const here = now.setZone(timeZone);
  switch (preset) {
    case 'hour':
      return here.plus({ hours: 1 }).toUTC().toISO()!;
    case 'threeHours':
      return here.plus({ hours: 3 }).toUTC().toISO()!;
    case 'tomorrow':
      return here.plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO()!;
    case 'monday': {
      const days = ((8 - here.weekday) % 7) || 7;
      return here.plus({ days }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO()!;
    }
  }
}

/** "1 h 20 min", "3 d 4 h" / "3 j 4 h": a duration of business time. */
export function formatDuration(ms: number | null, locale: string): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  const day = locale.startsWith('fr') ? 'j' : 'd';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return hours % 24 ? `${Math.floor(hours / 24)} ${day} ${hours % 24} h` : `${Math.floor(hours / 24)} ${day}`;
}
