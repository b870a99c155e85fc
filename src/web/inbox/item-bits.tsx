// Small pieces the inbox shows in several places: the sentiment chip, the
// priority flag, the kind, a person's initials, and durations in business
// time (the settings page's report uses them too).
import { Avatar, Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InboxAuthorView, Priority, Sentiment } from '../../shared/inbox.ts';
import { IconFlag } from '../ui/icons.tsx';

export const sentimentColor: Record<Sentiment, string> = { negative: 'red', neutral: 'gray', positive: 'teal' };

export function SentimentBadge({ sentiment, size = 'xs' }: { sentiment: Sentiment | null; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  if (!sentiment) return null;
  return (
    <Badge size={size} variant="light" color={sentimentColor[sentiment]} radius="sm" tt="none" data-testid="sentiment" data-sentiment={sentiment}>
      {t(`inbox.sentiment.${sentiment}`)}
    </Badge>
  );
}

/** Nothing for a normal message; an orange flag (high) or a red one (urgent). */
export function PriorityFlag({ priority, size = 14 }: { priority: Priority; size?: number }) {
  const { t } = useTranslation();
  if (priority === 0) return null;
  return (
    <Tooltip label={t(`inbox.priority.${priority}`)} withArrow>
      <span style={{ display: 'inline-flex', color: `var(--mantine-color-${priority === 2 ? 'red' : 'orange'}-filled)` }} data-testid="priority-flag" data-priority={priority} aria-label={t(`inbox.priority.${priority}`)} role="img">
        <IconFlag size={size} fill="currentColor" />
      </span>
    </Tooltip>
  );
}

export function LanguageTag({ language }: { language: string | null }) {
  if (!language) return null;
  return (
    <Text span size="10px" fw={700} c="dimmed" style={{ letterSpacing: 0.4 }} data-testid="item-language">
      {language.toUpperCase()}
    </Text>
  );
}

export function authorName(author: Pick<InboxAuthorView, 'displayName' | 'handle'>): string {
  return author.displayName?.trim() || author.handle;
}

export function AuthorAvatar({ author, size = 36 }: { author: Pick<InboxAuthorView, 'displayName' | 'handle' | 'avatarUrl'>; size?: number }) {
  return <Avatar src={author.avatarUrl} size={size} radius="xl" name={authorName(author)} color="initials" alt="" />;
}

/** A teammate's initials, their name on hover. */
export function MemberAvatar({ name, size = 22 }: { name: string; size?: number }) {
  return (
    <Tooltip label={name} withArrow>
      <Avatar size={size} radius="xl" name={name} color="initials" aria-label={name} />
    </Tooltip>
  );
}

/** How a view's count reads: nothing for none, "999+" past the server's cap. */
export function countLabel(count: number | undefined): string | null {
  if (!count) return null;
  return count >= 1000 ? '999+' : String(count);
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
