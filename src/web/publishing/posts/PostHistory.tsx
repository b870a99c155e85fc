// A post's history, oldest first: who created, changed, submitted, approved or
// sent it back, commented, and what the networks answered — with the comment
// box at the end, as in a conversation.
import { useState } from 'react';
import { Button, Group, Skeleton, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostEventView, PostView } from '../../../shared/publishing.ts';
import { IconAlert, IconCircleCheck, IconCircleX, IconClock, IconMail, IconPencil, IconPlus, IconRefresh, IconSend, IconTrash } from '../../ui/icons.tsx';
import { notifyError } from '../../ui/notify.tsx';
import { QueryError } from '../../ui/states.tsx';
import { usePostHistory, useReviewPost } from '../publishing-api.ts';
import { useZonedFormat } from '../zoned-time.ts';

const looks: Record<string, { icon: React.ReactNode; color: string }> = {
  created: { icon: <IconPlus size={12} />, color: 'gray' },
  updated: { icon: <IconPencil size={12} />, color: 'gray' },
  submitted: { icon: <IconSend size={12} />, color: 'yellow' },
  approved: { icon: <IconCircleCheck size={12} />, color: 'teal' },
  rejected: { icon: <IconCircleX size={12} />, color: 'red' },
  commented: { icon: <IconMail size={12} />, color: 'blue' },
  rescheduled: { icon: <IconClock size={12} />, color: 'gray' },
  retried: { icon: <IconRefresh size={12} />, color: 'blue' },
  marked_published: { icon: <IconCircleCheck size={12} />, color: 'teal' },
  published: { icon: <IconCircleCheck size={12} />, color: 'teal' },
  failed: { icon: <IconCircleX size={12} />, color: 'red' },
  needs_attention: { icon: <IconAlert size={12} />, color: 'orange' },
  deleted: { icon: <IconTrash size={12} />, color: 'red' },
};

function eventChannel(event: PostEventView, post: PostView): string {
  const fromDetail = typeof event.detail?.channel === 'string' ? event.detail.channel : null;
  const handle = fromDetail ?? post.targets.find((target) => target.id === event.targetId)?.handle ?? '';
  return handle ? `@${handle.replace(/^@/, '')}` : '';
}

/** Autosaved edits come in bursts: consecutive edits by one person show as one line, at the last one's time. */
function groupEdits(events: PostEventView[]): Array<{ event: PostEventView; count: number }> {
  const groups: Array<{ event: PostEventView; count: number }> = [];
  for (const event of events) {
    const last = groups.at(-1);
    if (last && event.action === 'updated' && last.event.action === 'updated' && last.event.actor === event.actor) groups[groups.length - 1] = { event, count: last.count + 1 };
    else groups.push({ event, count: 1 });
  }
  return groups;
}

export function PostHistory({ post, workspaceId, timeZone, canComment }: { post: PostView; workspaceId: string; timeZone: string; canComment: boolean }) {
  const { t } = useTranslation();
  const zoned = useZonedFormat(timeZone);
  const history = usePostHistory(workspaceId, post.id);
  const review = useReviewPost(workspaceId);
  const [comment, setComment] = useState('');

  const send = () =>
    review.mutate(
      { postId: post.id, action: 'comment', comment: comment.trim() },
      {
        onSuccess: () => {
          setComment('');
          void history.refetch();
        },
        onError: (error) => notifyError(error),
      },
    );

  if (history.isPending) return <Skeleton height={120} radius="md" />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Stack gap="md">
      <Timeline bulletSize={22} lineWidth={2} active={history.data.length} data-testid="post-history">
        {groupEdits(history.data).map(({ event, count }) => {
          const look = looks[event.action] ?? { icon: <IconClock size={12} />, color: 'gray' };
          const comment = typeof event.detail?.comment === 'string' ? event.detail.comment : null;
          const to = typeof event.detail?.to === 'string' ? event.detail.to : null;
          return (
            <Timeline.Item
              key={event.id}
              bullet={look.icon}
              color={look.color}
              title={
                <Text size="sm" fw={500}>
                  {t(`publishing.history.${looks[event.action] ? event.action : 'other'}`, { actor: event.actor ?? 'Relais', channel: eventChannel(event, post), action: event.action })}
                  {count > 1 && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {t('publishing.history.times', { count })}
                    </Text>
                  )}
                </Text>
              }
              data-testid="history-event"
              data-action={event.action}
            >
              {comment && (
                <Text size="sm" mt={4} p={8} bg="var(--mantine-color-default-hover)" style={{ borderRadius: 8, whiteSpace: 'pre-wrap' }}>
                  {comment}
                </Text>
              )}
              {to && (
                <Text size="xs" c="dimmed" mt={2}>
                  {t('publishing.history.newTime', { time: zoned.dateTime(to) })}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={2}>
                {zoned.dateTime(event.createdAt)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {canComment && (
        <Stack gap="xs">
          <Textarea
            placeholder={t('publishing.detail.commentPlaceholder')}
            aria-label={t('publishing.detail.comment')}
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            data-testid="post-comment"
          />
          <Group justify="flex-end">
            <Button size="xs" variant="light" disabled={comment.trim() === ''} loading={review.isPending && review.variables?.action === 'comment'} onClick={send} data-testid="post-comment-send">
              {t('publishing.detail.commentSend')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
