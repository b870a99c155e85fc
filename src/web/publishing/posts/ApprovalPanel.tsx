// A contributor's post waiting for approval: approvers approve it (with an
// optional word) or send it back with a comment the author will read.
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../shared/publishing.ts';
import { IconCircleCheck, IconCircleX, IconHourglass } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.tsx';
import { useReviewPost } from '../publishing-api.ts';

export function ApprovalPanel({ post, workspaceId, canApprove }: { post: PostView; workspaceId: string; canApprove: boolean }) {
  const { t } = useTranslation();
  const review = useReviewPost(workspaceId);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (post.approval !== 'pending') return null;

  const decide = (action: 'approve' | 'reject') => {
    if (action === 'reject' && comment.trim() === '') {
      setError(t('publishing.detail.rejectNeedsComment'));
      return;
    }
    setError(null);
    review.mutate(
      { postId: post.id, action, comment: comment.trim() },
      {
        onSuccess: () => {
          notifySuccess(action === 'approve' ? t('publishing.detail.approved') : t('publishing.detail.rejected'));
          setComment('');
        },
        onError: (e) => notifyError(e),
      },
    );
  };

  return (
    <Alert color="yellow" variant="light" icon={<IconHourglass />} title={t('publishing.detail.pendingTitle')} data-testid="approval-panel">
      <Stack gap="sm">
        <Text size="sm">{canApprove ? t('publishing.detail.pendingApprover', { author: post.author?.name ?? '—' }) : t('publishing.detail.pendingAuthor')}</Text>
        {canApprove && (
          <>
            <Textarea
              placeholder={t('publishing.detail.decisionPlaceholder')}
              aria-label={t('publishing.detail.decisionComment')}
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              data-testid="approval-comment"
            />
            <Group gap="xs">
              <Button color="teal" leftSection={<IconCircleCheck size={16} />} loading={review.isPending && review.variables?.action === 'approve'} onClick={() => decide('approve')} data-testid="approve-post">
                {t('publishing.detail.approve')}
              </Button>
              <Button variant="default" color="red" leftSection={<IconCircleX size={16} />} loading={review.isPending && review.variables?.action === 'reject'} onClick={() => decide('reject')} data-testid="reject-post">
                {t('publishing.detail.reject')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Alert>
  );
}
