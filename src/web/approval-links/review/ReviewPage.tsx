// /review/:token — the page a client opens from the link the team sent: the
// period's posts as each network will show them, at their times in the
// brand's time zone, to approve or comment on, with no account. Made for a
// phone first.
import { useRef } from 'react';
import { Alert, Badge, Container, Group, Paper, Skeleton, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ReviewPage as ReviewPageData, ReviewPost } from '../../../shared/approval-links.ts';
import { pickLocale } from '../../../shared/locales.ts';
import { isApiError } from '../../api/client.ts';
import { AuthCard } from '../../app/PublicLayout.tsx';
import { IconCircleX, IconClock, IconUser } from '../../ui/icons.tsx';
import { usePageTitle } from '../../ui/page.tsx';
import { useReviewPage } from '../approval-links-api.ts';
import { periodName } from '../period.ts';
import { useClientName } from './client-name.ts';
import { useReviewTime } from './review-time.ts';
import { ReviewPostCard } from './ReviewPostCard.tsx';
import '../../publishing/publishing.css';
import './review.css';

export function ReviewPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const page = useReviewPage(token);

  if (page.isPending) return <ReviewSkeleton />;
  if (page.isError) {
    const code = isApiError(page.error) ? page.error.code : '';
    const gone = code === 'review_link_expired' || code === 'review_link_revoked';
    const kind = code === 'review_link_expired' ? 'expired' : code === 'review_link_revoked' ? 'revoked' : isApiError(page.error, 404) ? 'notFound' : 'failed';
    return (
      <AuthCard title={t(`review.errors.${kind}Title`)}>
        <Group gap="sm" wrap="nowrap" align="flex-start" data-testid={`review-${kind}`}>
          <ThemeIcon variant="light" color={gone ? 'orange' : 'red'} size={40} radius="xl">
            {gone ? <IconClock size={22} /> : <IconCircleX size={22} />}
          </ThemeIcon>
          <Text size="sm" style={{ flex: 1 }}>
            {kind === 'failed' ? page.error.message : t(`review.errors.${kind}`)}
          </Text>
        </Group>
      </AuthCard>
    );
  }
  return <ReviewContent token={token} data={page.data} />;
}

function ReviewContent({ token, data }: { token: string; data: ReviewPageData }) {
  const { t, i18n } = useTranslation();
  const locale = pickLocale(i18n.language);
  const zoned = useReviewTime(data.workspace.timeZone);
  const [name, setName] = useClientName();
  const nameField = useRef<HTMLInputElement>(null);
  usePageTitle(t('review.pageTitle', { workspace: data.workspace.name }));
  const approved = data.posts.filter((post) => post.approvedByClient).length;
  const days = groupByDay(data.posts, (iso) => zoned.day(iso));

  return (
    <Container size={640} px={0} w="100%" data-testid="review-page">
      <Stack gap="lg">
        <Stack gap={4}>
          <Text size="sm" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }} data-testid="review-workspace">
            {data.workspace.name}
          </Text>
          <Title order={1} fz={{ base: 24, sm: 28 }} fw={700}>
            {data.link.label}
          </Title>
          <Text size="sm" c="dimmed">
            {t('review.intro', { period: periodName(data.link, locale), zone: zoned.zoneLabel })}
          </Text>
          <Group gap="xs" mt={4}>
            <Badge variant="light" color="gray">
              {t('review.postCount', { count: data.posts.length })}
            </Badge>
            {approved > 0 && (
              <Badge variant="light" color="teal" data-testid="review-approved-count">
                {t('review.approvedCount', { count: approved })}
              </Badge>
            )}
            <Group gap={4} wrap="nowrap" c="dimmed">
              <IconClock size={14} />
              <Text size="xs">{t('review.expires', { date: zoned.date(data.link.expiresAt) })}</Text>
            </Group>
          </Group>
        </Stack>

        <Paper withBorder radius="md" p="md">
          <TextInput
            ref={nameField}
            label={t('review.nameLabel')}
            description={t('review.nameHint')}
            placeholder={t('review.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            leftSection={<IconUser size={16} />}
            maxLength={80}
            autoComplete="name"
            data-testid="review-name"
          />
        </Paper>

        {data.posts.length === 0 ? (
          <Alert variant="light" color="gray" data-testid="review-empty">
            {t('review.empty')}
          </Alert>
        ) : (
          days.map(([day, posts]) => (
            <Stack key={day} gap="sm" component="section" aria-label={day}>
              <Text fw={700} size="sm" className="relais-review-day">
                {day}
              </Text>
              {posts.map((post) => (
                <ReviewPostCard
                  key={post.id}
                  token={token}
                  post={post}
                  media={data.media}
                  zoned={zoned}
                  clientName={name.trim()}
                  askName={() => {
                    nameField.current?.focus();
                    nameField.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
                  }}
                />
              ))}
            </Stack>
          ))
        )}
      </Stack>
    </Container>
  );
}

function groupByDay(posts: ReviewPost[], dayOf: (iso: string | null) => string): Array<[string, ReviewPost[]]> {
  const days = new Map<string, ReviewPost[]>();
  for (const post of posts) {
    const day = dayOf(post.at);
    days.set(day, [...(days.get(day) ?? []), post]);
  }
  return [...days];
}

function ReviewSkeleton() {
  return (
    <Container size={640} px={0} w="100%">
      <Stack gap="md" aria-busy="true">
        <Skeleton height={14} width="30%" />
        <Skeleton height={30} width="70%" />
        <Skeleton height={80} radius="md" />
        <Skeleton height={260} radius="md" />
      </Stack>
    </Container>
  );
}
