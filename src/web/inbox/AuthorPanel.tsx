// Who wrote the message: reach, how often they wrote to the brand and how it
// went (sentiment of their messages, replies sent), the team's tags for them
// (VIP, journalist…), and their recent messages, each one click away.
import { Anchor, Button, Group, Progress, Skeleton, Stack, TagsInput, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sentiments } from '../../shared/inbox.ts';
import type { ZonedFormat } from '../publishing/zoned-time.ts';
import { IconExternalLink, IconFilter } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.tsx';
import { QueryError } from '../ui/states.tsx';
import { useAuthorCard, useAuthorTags } from './item-api.ts';
import { AuthorAvatar, SentimentBadge, authorName, sentimentColor } from './item-bits.tsx';

export function AuthorPanel({
  workspaceId,
  authorId,
  currentItemId,
  canWork,
  zoned,
  onOpenItem,
  onShowAll,
}: {
  workspaceId: string;
  authorId: string;
  currentItemId: number;
  canWork: boolean;
  zoned: ZonedFormat;
  onOpenItem: (itemId: number) => void;
  onShowAll: () => void;
}) {
  const { t, i18n } = useTranslation();
  const card = useAuthorCard(workspaceId, authorId);
  const tags = useAuthorTags(workspaceId);
  const number = new Intl.NumberFormat(i18n.language);
  if (card.isPending) return <Skeleton height={140} radius="md" />;
  if (card.isError) return <QueryError error={card.error} onRetry={() => void card.refetch()} />;
  const author = card.data;
  const total = sentiments.reduce((sum, s) => sum + author.sentimentCounts[s], 0);
  const suggestions = ['vip', 'journalist', 'influencer', 'customer', 'partner'].map((key) => t(`inbox.author.suggestedTags.${key}`));
  const others = author.recentItems.filter((item) => item.id !== currentItemId);
  return (
    <Stack gap="sm" data-testid="author-card">
      <Group gap="sm" wrap="nowrap">
        <AuthorAvatar author={author} size={44} />
        <div style={{ minWidth: 0 }}>
          <Text fw={700} truncate="end">
            {authorName(author)}
          </Text>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate="end">
              @{author.handle}
            </Text>
            {author.url && (
              <Anchor href={author.url} target="_blank" rel="noreferrer" size="xs" display="inline-flex" style={{ alignItems: 'center', gap: 2 }}>
                {t('inbox.author.profile')} <IconExternalLink size={11} />
              </Anchor>
            )}
          </Group>
        </div>
      </Group>
      <Group gap="lg" wrap="wrap">
        <Figure label={t('inbox.author.followers')} value={author.followers == null ? '—' : number.format(author.followers)} />
        <Figure label={t('inbox.author.messages')} value={number.format(author.itemCount)} />
        <Figure label={t('inbox.author.replies')} value={number.format(author.repliesSent)} />
        <Figure label={t('inbox.author.firstSeen')} value={zoned.dateTime(author.firstSeenAt)} />
      </Group>
      {total > 0 && (
        <div>
          <Progress.Root size={8} radius="xl" aria-label={t('inbox.author.sentiment')}>
            {sentiments.map((s) =>
              author.sentimentCounts[s] > 0 ? (
                <Tooltip key={s} label={`${t(`inbox.sentiment.${s}`)} · ${author.sentimentCounts[s]}`} withArrow>
                  <Progress.Section value={(author.sentimentCounts[s] / total) * 100} color={sentimentColor[s]} />
                </Tooltip>
              ) : null,
            )}
          </Progress.Root>
          <Group gap="md" mt={4}>
            {sentiments.map((s) => (
              <Text key={s} size="xs" c="dimmed" data-testid={`author-sentiment-${s}`}>
                {t(`inbox.sentiment.${s}`)} {author.sentimentCounts[s]}
              </Text>
            ))}
          </Group>
        </div>
      )}
      <TagsInput
        size="xs"
        label={t('inbox.author.tags')}
        placeholder={author.tags.length ? undefined : t('inbox.author.tagsPlaceholder')}
        data={suggestions}
        value={author.tags}
        onChange={(next) => tags.mutate({ authorId: author.id, tags: next }, { onError: (error) => notifyError(error) })}
        readOnly={!canWork}
        maxTags={20}
        comboboxProps={{ withinPortal: true }}
        data-testid="author-tags"
      />
      {others.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" fw={600}>
            {t('inbox.author.recent')}
          </Text>
          {others.slice(0, 5).map((item) => (
            <UnstyledButton key={item.id} onClick={() => onOpenItem(item.id)} className="relais-inbox-recent" data-testid="author-recent-item">
              <Group gap={6} wrap="nowrap" justify="space-between">
                <Text size="xs" lineClamp={1} style={{ minWidth: 0 }}>
                  {item.text}
                </Text>
                <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                  <SentimentBadge sentiment={item.sentiment} />
                  <Text size="xs" c="dimmed">
                    {zoned.relative(item.receivedAt)}
                  </Text>
                </Group>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
      <Button variant="subtle" size="compact-xs" leftSection={<IconFilter size={12} />} onClick={onShowAll} style={{ alignSelf: 'flex-start' }} data-testid="author-show-all">
        {t('inbox.author.showAll')}
      </Button>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="10px" tt="uppercase" c="dimmed" fw={700} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}
