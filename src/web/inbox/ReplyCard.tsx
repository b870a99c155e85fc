// A reply written in Relais, and where it stands: awaiting approval (an
// approver approves it or sends it back with a comment), queued and sending,
// sent (with its link on the network), failed with the network's reason (try
// again: it can never make a second post), or sent back by a reviewer.
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, Paper, Popover, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReplyState, ReplyView } from '../../shared/inbox.ts';
import type { ZonedFormat } from '../publishing/zoned-time.ts';
import { IconExternalLink } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.tsx';
import { useReplyDecision } from './item-api.ts';

const stateColor: Record<ReplyState, string> = {
  pending_approval: 'yellow',
  queued: 'blue',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  rejected: 'orange',
  needs_attention: 'red',
};

export function ReplyCard({ workspaceId, reply, canApprove, canWork, zoned }: { workspaceId: string; reply: ReplyView; canApprove: boolean; canWork: boolean; zoned: ZonedFormat }) {
  const { t } = useTranslation();
  const decide = useReplyDecision(workspaceId);
  const [comment, setComment] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const act = (decision: 'approve' | 'reject' | 'retry') =>
    decide.mutate(
      { reply, decision, comment: decision === 'reject' ? comment.trim() : undefined },
      {
        onSuccess: () => {
          setRejecting(false);
          setComment('');
        },
        onError: (error) => notifyError(error),
      },
    );
  const inFlight = reply.state === 'queued' || reply.state === 'sending';
  return (
    <Paper withBorder radius="md" p="sm" className="relais-inbox-reply" data-state={reply.state} data-testid="item-reply">
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size="xs" c="dimmed" truncate="end">
          {t('inbox.replies.by', { name: reply.authorName ?? t('inbox.history.someone'), at: zoned.dateTime(reply.sentAt ?? reply.createdAt) })}
        </Text>
        <Badge size="sm" color={stateColor[reply.state]} variant="light" radius="sm" tt="none" leftSection={inFlight ? <Loader size={10} color="blue" /> : undefined} data-testid="item-reply-state">
          {t(`inbox.replyState.${reply.state}`)}
        </Badge>
      </Group>
      <Text size="sm" className="relais-inbox-bubble-text">
        {reply.text}
      </Text>
      {reply.state === 'sent' && reply.url && (
        <Anchor href={reply.url} target="_blank" rel="noreferrer" size="xs" mt={4} display="inline-flex" style={{ alignItems: 'center', gap: 4 }} data-testid="item-reply-link">
          {t('inbox.replies.see')} <IconExternalLink size={12} />
        </Anchor>
      )}
      {(reply.state === 'failed' || reply.state === 'needs_attention') && (
        <Stack gap={6} mt={6}>
          <Text size="xs" c="red.7" data-testid="item-reply-failure">
            {reply.state === 'needs_attention' ? t('inbox.replies.needsAttention') : t('inbox.replies.failed', { reason: reply.failureMessage ?? t('errors.unexpected') })}
          </Text>
          {canWork && (
            <Button size="compact-xs" variant="light" color="red" loading={decide.isPending} onClick={() => act('retry')} style={{ alignSelf: 'flex-start' }} data-testid="reply-retry">
              {t('inbox.replies.retry')}
            </Button>
          )}
        </Stack>
      )}
      {reply.state === 'rejected' && reply.reviewComment && (
        <Text size="xs" mt={6} c="orange.8">
          {t('inbox.replies.sentBack', { comment: reply.reviewComment })}
        </Text>
      )}
      {reply.state === 'pending_approval' && !canApprove && (
        <Text size="xs" mt={6} c="dimmed">
          {t('inbox.replies.waiting')}
        </Text>
      )}
      {reply.state === 'pending_approval' && canApprove && (
        <Group gap="xs" mt={8}>
          <Button size="compact-xs" loading={decide.isPending && !rejecting} onClick={() => act('approve')} data-testid="reply-approve">
            {t('inbox.replies.approve')}
          </Button>
          <Popover opened={rejecting} onChange={setRejecting} position="bottom-start" withinPortal trapFocus shadow="md">
            <Popover.Target>
              <Button size="compact-xs" variant="light" color="orange" onClick={() => setRejecting((r) => !r)} data-testid="reply-reject">
                {t('inbox.replies.reject')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs" w={280}>
                <Textarea size="xs" autosize minRows={2} label={t('inbox.replies.rejectLabel')} value={comment} onChange={(event) => setComment(event.currentTarget.value)} data-autofocus data-testid="reply-reject-comment" />
                <Button size="xs" color="orange" disabled={!comment.trim()} loading={decide.isPending} onClick={() => act('reject')} data-testid="reply-reject-confirm">
                  {t('inbox.replies.rejectConfirm')}
                </Button>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        </Group>
      )}
    </Paper>
  );
}
